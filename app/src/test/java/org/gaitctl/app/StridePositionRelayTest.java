package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

    assertThat(atTheFrontM).isGreaterThan(tap.nearEndLimitM()).isCloseTo(0.45, within(0.01));
    assertThat(tap.positionM()).as("held, so F25 stays").isEqualTo(atTheFrontM);
  }

  @Test
  void shouldReportAPatientDriftingBackBeyondTheLimitWhileTheFeetAreStillOnTheSensors() {
    // A patient slowing to 0.3 m/s on a 0.6 m/s belt: the COP runs back from the centre at 0.3
    // m/s. The sensors end 0.542 m behind the centre.
    long timeNs = 0;
    double copAheadM = 0;
    while (copAheadM > -0.45) {
      relay.onCop(timeNs, copAheadM);
      timeNs += FRAME_NS;
      copAheadM -= 0.3 * FRAME_NS * 1e-9;
    }

    assertThat(tap.positionM()).isLessThan(-tap.nearEndLimitM());
    assertThat(tap.rateMps()).as("toward the rear end").isLessThan(-0.2);
  }
}
