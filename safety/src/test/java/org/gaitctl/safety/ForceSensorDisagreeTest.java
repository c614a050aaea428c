package org.gaitctl.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * F26: the BWS unit's own FORCE_ACT against the independent load cell (the harness fixture's load
 * cell streams 200 N; its fake BWS unit reports {@code forceN}).
 */
class ForceSensorDisagreeTest {

  private final SupervisorHarness h = new SupervisorHarness();

  @Test
  void shouldStopTheBeltUnderControlWhenTheBwsForceDisagreesWithTheLoadCellForTooLong() {
    h.running();
    h.bws.forceN = 300; // 100 N above the load cell's 200 N: beyond 60 N
    h.runMs(450);
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);

    h.runMs(150);
    assertThat(h.supervisor.firstFault().code()).isEqualTo(FaultCode.FORCE_SENSOR_DISAGREE);
    assertThat(h.supervisor.firstFault().measured()).isEqualTo(100.0);
    assertThat(h.supervisor.firstFault().limit()).isEqualTo(60.0);
    assertThat(h.drive.calls())
        .containsSubsequence("setAcceleration(0.5)", "setSpeed(0.0)", "setRunning(false)")
        .doesNotContain("quickStop()");
    assertThat(h.bws.calls()).contains("setHold(true)");
  }

  @Test
  void shouldNotStopOnAShortDisagreement() {
    h.running();
    for (int i = 0; i < 3; i++) {
      h.bws.forceN = 320;
      h.runMs(400);
      h.bws.forceN = 200;
      h.runMs(100);
    }

    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
  }

  @Test
  void shouldAllowTenPercentOfTheReadingAtHighTension() {
    h.loadCellForceCn = 65_000;
    h.bws.forceN = 715; // 65 N apart: over 60 N but within 10 % of 715 N
    h.running();
    h.runMs(1_000);

    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
  }

  @Test
  void shouldAcknowledgeOnlyOnceTheSensorsAgreeAgain() {
    h.running();
    h.bws.forceN = 100;
    h.runUntilLatched(5_000);
    assertThat(h.supervisor.firstFault().code()).isEqualTo(FaultCode.FORCE_SENSOR_DISAGREE);

    assertThat(h.await(h.supervisor.requestAcknowledge()).accepted()).isFalse();
    h.bws.forceN = 200;
    h.runMs(50);
    assertThat(h.await(h.supervisor.requestAcknowledge()).accepted()).isTrue();
  }
}
