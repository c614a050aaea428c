package org.gaitctl.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.gaitctl.core.port.StreamFlags;
import org.gaitctl.core.time.ArrivalTime;
import org.junit.jupiter.api.Test;

class LoadCellTapTest {

  private final LoadCellTap tap = new LoadCellTap();

  @Test
  void shouldReportNoSampleBeforeTheFirst() {
    assertThat(tap.lastArrivalNs()).isEqualTo(ArrivalTime.NONE);
    assertThat(tap.harnessLoadN()).isZero();
    assertThat(tap.flags()).isZero();
  }

  @Test
  void shouldKeepTheLatestSampleInNewtonsWithItsFlags() {
    tap.onLoadSample(5_000, 1, 10, 12_345, 0);
    tap.onLoadSample(6_000, 2, 11, 45_678, StreamFlags.LOAD_OVERLOAD);
    assertThat(tap.lastArrivalNs()).isEqualTo(6_000);
    assertThat(tap.harnessLoadN()).isEqualTo(456.78);
    assertThat(tap.flags()).isEqualTo(StreamFlags.LOAD_OVERLOAD);
  }

  @Test
  void shouldKeepTheSignOfACompressiveReadingAndAllSixteenFlagBits() {
    tap.onLoadSample(1, 1, 1, -250, 0xFFFF);
    assertThat(tap.harnessLoadN()).isEqualTo(-2.5);
    assertThat(tap.flags()).isEqualTo(0xFFFF);
  }
}
