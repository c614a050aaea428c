package org.gaitctl.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** F25: the patient walks near either end of the sensing area despite the self-paced belt. */
class PatientNearBeltEndTest {

  private final SupervisorHarness h = new SupervisorHarness();

  @Test
  void shouldStopTheBeltUnderControlWhenThePatientNearsTheFrontEnd() {
    h.running();
    h.patientPosition.publish(0.40);
    h.tick();

    assertThat(h.supervisor.firstFault().code()).isEqualTo(FaultCode.PATIENT_NEAR_BELT_END);
    assertThat(h.supervisor.firstFault().detail()).isEqualTo("0.400 m > 0.392 m");
    assertThat(h.drive.calls())
        .containsSubsequence("setAcceleration(0.5)", "setSpeed(0.0)", "setRunning(false)")
        .doesNotContain("quickStop()");
    h.runUntilLatched(5_000);
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.SAFE_STOP_LATCHED);
  }

  @Test
  void shouldStopWhenThePatientNearAnEndStillMovesTowardIt() {
    h.running();
    h.patientPosition.publish(0.40, 0.05);
    h.tick();

    assertThat(h.supervisor.firstFault().code()).isEqualTo(FaultCode.PATIENT_NEAR_BELT_END);
  }

  @Test
  void shouldLetTheBeltCarryBackAPatientStandingAtTheFrontOrComingBackFromAnEnd() {
    h.running();
    h.patientPosition.publish(0.44, 0.0); // stood there while paused; the belt carries him back
    h.runMs(50);
    h.patientPosition.publish(0.42, -0.08);
    h.runMs(50);
    h.patientPosition.publish(-0.41, 0.06); // walking forward, away from the rear end
    h.runMs(50);

    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
    h.patientPosition.publish(-0.41, -0.06); // carried toward the rear end
    h.tick();
    assertThat(h.supervisor.firstFault().code()).isEqualTo(FaultCode.PATIENT_NEAR_BELT_END);
  }

  @Test
  void shouldStopTheBeltWhenThePatientNearsTheRearEnd() {
    h.running();
    h.patientPosition.publish(-0.40);
    h.tick();

    assertThat(h.supervisor.firstFault().code()).isEqualTo(FaultCode.PATIENT_NEAR_BELT_END);
  }

  @Test
  void shouldJudgeThePositionOnlyWhileTheBeltMovesSoAPatientStandingAtTheEndCanBeAcknowledged() {
    h.running();
    h.patientPosition.publish(0.45);
    h.tick();
    h.runUntilLatched(5_000);

    // The belt rests now: standing near its end endangers no one, and the next start judges again.
    assertThat(h.supervisor.presentFaults() & FaultCode.PATIENT_NEAR_BELT_END.bit()).isZero();
    assertThat(h.await(h.supervisor.requestAcknowledge()).accepted()).isTrue();
  }

  @Test
  void shouldNotFaultWithinTheLimitOrWithoutAPosition() {
    h.running();
    h.patientPosition.publish(0.39);
    h.runMs(100);
    h.patientPosition.publish(Double.NaN);
    h.runMs(100);

    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
  }

  @Test
  void shouldRefuseAMarginThatLeavesNoRoomOnTheSensingArea() {
    assertThatThrownBy(() -> new PatientPositionTap(0.3, 0.15))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nearEndMarginM = 0.15");
  }
}
