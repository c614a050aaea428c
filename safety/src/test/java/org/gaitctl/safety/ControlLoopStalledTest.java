package org.gaitctl.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** F28: a session whose control loop stops cycling stops under control with the harness held. */
class ControlLoopStalledTest {

  private final SupervisorHarness h = new SupervisorHarness();

  @Test
  void shouldStopTheBeltUnderControlOnceTheControlLoopHasNotCycledForControlStallMs() {
    h.running();
    h.controlLoopCycling = false;
    h.runMs(990);
    assertThat(h.supervisor.state()).as("within controlStallMs").isEqualTo(SafetyState.RUNNING);

    h.runMs(20);

    assertThat(h.supervisor.firstFault().code()).isEqualTo(FaultCode.SESSION_CONTROL_STALLED);
    assertThat(h.supervisor.firstFault().detail()).startsWith("no control cycle for 10");
    h.runUntilLatched(5_000);
    assertThat(h.drive.calls())
        .containsSubsequence("setAcceleration(0.5)", "setSpeed(0.0)", "setRunning(false)")
        .doesNotContain("quickStop()");
    assertThat(h.bws.holding).as("the stop holds the harness").isTrue();
  }

  @Test
  void shouldRefuseAStartWhileTheControlLoopIsStalled() {
    h.runMs(50);
    h.controlLoopCycling = false;
    h.runMs(1_100);

    RequestOutcome outcome = h.await(h.supervisor.requestStart());

    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.reason()).contains("F28");
  }

  @Test
  void shouldNotWatchALoopThatHasNotCycledYet() {
    SupervisorHarness noLoopYet = new SupervisorHarness();
    noLoopYet.controlLoopCycling = false;
    noLoopYet.running();
    noLoopYet.runMs(2_000);

    assertThat(noLoopYet.supervisor.state()).isEqualTo(SafetyState.RUNNING);
  }
}
