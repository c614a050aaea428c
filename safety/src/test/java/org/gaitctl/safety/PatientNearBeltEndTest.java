package org.gaitctl.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** F25: the patient walks near either end of the sensing area despite the self-paced belt. */
class PatientNearBeltEndTest {

  /** Long enough for F25 to have held {@link FaultConditions#NEAR_END_PERSIST_NS}. */
  private static final int PERSIST_MS = 220;

  private final SupervisorHarness h = new SupervisorHarness();

  @Test
  void shouldLetThePresentPositionOvershootTheLimitForAMomentWithoutAFault() {
    h.running();
    h.patientPosition.publish(-0.394, -0.2); // the lead's overshoot as the belt starts
    h.runMs(150);
    h.patientPosition.publish(-0.35, 0.1);
    h.runMs(100);

    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
  }

  @Test
  void shouldStopTheBeltUnderControlWhenThePatientNearsTheFrontEnd() {
    h.running();
    h.patientPosition.publish(0.40);
    h.runMs(PERSIST_MS);

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
    h.runMs(PERSIST_MS);

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
    h.runMs(PERSIST_MS);
    assertThat(h.supervisor.firstFault().code()).isEqualTo(FaultCode.PATIENT_NEAR_BELT_END);
  }

  @Test
  void shouldStopTheBeltWhenThePatientNearsTheRearEnd() {
    h.running();
    h.patientPosition.publish(-0.40);
    h.runMs(PERSIST_MS);

    assertThat(h.supervisor.firstFault().code()).isEqualTo(FaultCode.PATIENT_NEAR_BELT_END);
  }

  @Test
  void shouldJudgeThePositionOnlyWhileTheBeltMovesSoAPatientStandingAtTheEndCanBeAcknowledged() {
    h.running();
    h.patientPosition.publish(0.45);
    h.runMs(PERSIST_MS);
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
