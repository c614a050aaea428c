package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.gaitctl.core.time.ArrivalTime;
import org.junit.jupiter.api.Test;

class PreSessionStreamAgeTest {

  @Test
  void shouldTakeDataStampedAfterTheCheckReadItsClockAsFreshNotAsNoneYet() {
    long nowNs = 5_000_000_000L;

    assertThat(PreSessionChecks.ageMs(() -> nowNs + 2_500_000, nowNs)).isZero();
  }

  @Test
  void shouldTellNoDataFromOldData() {
    long nowNs = 5_000_000_000L;

    assertThat(PreSessionChecks.ageMs(() -> ArrivalTime.NONE, nowNs)).isEqualTo(-1);
    assertThat(PreSessionChecks.ageMs(() -> nowNs - 420_000_000, nowNs)).isEqualTo(420);
  }
}
