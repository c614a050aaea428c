package org.gaitctl.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.gaitctl.config.protocol.ProtocolTotals;
import org.gaitctl.config.protocol.TherapyProtocol;
import org.junit.jupiter.api.Test;

class ProtocolTotalsTest {

  @Test
  void shouldAddTimedDistanceAndSelfPacedStagesWithBoundsWhereTheSpeedIsFree() {
    TherapyProtocol protocol =
        TherapyProtocolLoader.parse(TherapyProtocolLoaderTest.GOOD, "good.yaml").protocol();

    ProtocolTotals totals = ProtocolTotals.of(protocol);

    // 60 s at 0.5 m/s, 200 m at 1.0 m/s, 120 s self-paced at 0.3..1.2 m/s
    assertThat(totals.durationExact()).isTrue();
    assertThat(totals.minDurationS()).isEqualTo(380.0);
    assertThat(totals.distanceExact()).isFalse();
    assertThat(totals.minDistanceM()).isEqualTo(266.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(totals.maxDistanceM()).isEqualTo(374.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void shouldHaveNoUpperTimeBoundForASelfPacedDistanceThatMayStandStill() {
    String text =
        TherapyProtocolLoaderTest.GOOD
            .replace("    durationS: 120\n", "    distanceM: 100\n")
            .replace("      minSpeedMps: 0.3\n", "      minSpeedMps: 0\n");
    TherapyProtocol protocol = TherapyProtocolLoader.parse(text, "good.yaml").protocol();

    ProtocolTotals totals = ProtocolTotals.of(protocol);

    assertThat(totals.maxDurationS()).isInfinite();
    assertThat(totals.minDistanceM()).isEqualTo(330.0, org.assertj.core.data.Offset.offset(1e-9));
  }
}
