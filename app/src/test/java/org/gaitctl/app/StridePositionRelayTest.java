package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.gaitctl.safety.PatientPositionTap;
import org.junit.jupiter.api.Test;

class StridePositionRelayTest {

  private static final long FRAME_NS = 10_000_000L;

  private final PatientPositionTap tap =
      new PatientPositionTap(128 * 0.00847, PatientPositionTap.DEFAULT_NEAR_END_MARGIN_M);
  private final StridePositionRelay relay = new StridePositionRelay(tap);

  @Test
  void shouldPublishNothingBeforeTheFirstFoot() {
    relay.onCop(FRAME_NS, Double.NaN);

    assertThat(tap.positionM()).isNaN();
  }

  @Test
  void shouldFollowTheFilteredPositionForwardAndHoldItWhenThePatientLeavesTheBelt() {
    long timeNs = 0;
    relay.onCop(timeNs, 0.0);
    for (int frame = 0; frame < 500; frame++) {
      timeNs += FRAME_NS;
      relay.onCop(timeNs, 0.45);
    }
    double atTheFrontM = tap.positionM();

    relay.onCop(timeNs + FRAME_NS, Double.NaN);

    assertThat(atTheFrontM).isGreaterThan(tap.nearEndLimitM()).isLessThanOrEqualTo(0.45);
    assertThat(tap.positionM()).as("held, so F25 stays").isEqualTo(atTheFrontM);
  }
}
