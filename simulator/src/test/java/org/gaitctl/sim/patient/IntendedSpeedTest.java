package org.gaitctl.sim.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.gaitctl.config.BeltGeometry;
import org.gaitctl.config.IntendedSpeedKnot;
import org.gaitctl.config.PatientSettings;
import org.gaitctl.sim.patient.IntendedSpeedSchedule.Knot;
import org.junit.jupiter.api.Test;

/** The patient that means to walk at its own speed and drifts along the belt when it differs. */
class IntendedSpeedTest {

  private static final long TICK_NS = 1_000_000L;
  private static final BeltGeometry GEOMETRY = BeltGeometry.singleBelt();

  private final char[] cells = new char[GEOMETRY.cellsPerBelt()];
  private long nowNs;

  @Test
  void shouldJoinTheKnotsSmoothlyAndHoldBeyondThem() {
    IntendedSpeedSchedule schedule =
        IntendedSpeedSchedule.of(List.of(new Knot(10, 0.8), new Knot(20, 1.2)));
    assertThat(schedule.speedAt(0, 0.5)).isEqualTo(0.8);
    assertThat(schedule.speedAt(15, 0.5)).isCloseTo(1.0, within(1e-12));
    assertThat(schedule.speedAt(11, 0.5)).isCloseTo(0.8 + 0.4 * 0.028, within(1e-12));
    assertThat(schedule.speedAt(30, 0.5)).isEqualTo(1.2);
  }

  @Test
  void shouldWalkAtTheBeltSpeedWithoutASchedule() {
    assertThat(IntendedSpeedSchedule.FOLLOW_BELT.speedAt(12, 0.7)).isEqualTo(0.7);
    PatientGaitModel patient = patient(IntendedSpeedSchedule.FOLLOW_BELT);
    walk(patient, 20, 0.9);
    assertThat(patient.intendedSpeedMps()).isEqualTo(0.9);
    assertThat(patient.aheadOfHomeM()).isZero();
  }

  @Test
  void shouldWalkTheScheduleOfItsProfileSettings() {
    PatientSettings base = PatientSettings.defaults();
    PatientSettings settings =
        new PatientSettings(
            base.bodyMassKg(),
            base.legLengthM(),
            0,
            0,
            0,
            base.variabilityPercent(),
            base.seed(),
            List.of(new IntendedSpeedKnot(0, 1.1)));
    PatientGaitModel patient =
        new PatientGaitModel(
            settings, GEOMETRY, PatientModelOptions.defaults().withoutSensorDrift());

    walk(patient, 10, 0.9);

    assertThat(patient.intendedSpeedMps()).isEqualTo(1.1);
    assertThat(patient.aheadOfHomeM()).isPositive();
    assertThat(IntendedSpeedSchedule.of(base)).isSameAs(IntendedSpeedSchedule.FOLLOW_BELT);
  }

  @Test
  void shouldRefuseKnotsOutOfOrderOrOutOfRange() {
    assertThatThrownBy(() -> IntendedSpeedSchedule.of(List.of(new Knot(5, 1.0), new Knot(5, 1.1))))
        .hasMessageContaining("knot 1: timeS = 5.0 must be finite and after the previous knot's");
    assertThatThrownBy(() -> IntendedSpeedSchedule.of(List.of(new Knot(0, 4.0))))
        .hasMessageContaining("knot 0: speedMps = 4.0 must be 0.2..3.0");
    assertThatThrownBy(() -> IntendedSpeedSchedule.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldDriftForwardWithItsCentreOfPressureWhenWalkingFasterThanTheBelt() {
    PatientGaitModel patient =
        patient(IntendedSpeedSchedule.of(List.of(new Knot(14, 0.9), new Knot(16, 0.95))));
    walk(patient, 10, 0.9);
    double copBeforeM = meanCopAheadM(patient, 4, 0.9);
    assertThat(patient.aheadOfHomeM()).isZero();
    walk(patient, 4, 0.9);
    double driftM = patient.aheadOfHomeM();
    double copAfterM = meanCopAheadM(patient, 2, 0.9);

    assertThat(driftM)
        .as("∫ (intended − belt) dt")
        .isCloseTo(0.05 * 1.0 + 0.05 * 2.0, within(0.005));
    assertThat(copAfterM - copBeforeM)
        .as("the COP moves with the patient (mean drift over the window: 0.2 m)")
        .isCloseTo(0.2, within(0.05));
  }

  @Test
  void shouldDriftBackWhileAnInjectedSpeedIsSlowerThanTheBeltThenFollowItAgain() {
    PatientGaitModel patient = patient(IntendedSpeedSchedule.FOLLOW_BELT);
    walk(patient, 10, 0.6);
    patient.walkAtInjectedSpeed(0.3);
    walk(patient, 2, 0.6);

    assertThat(patient.intendedSpeedMps()).isEqualTo(0.3);
    assertThat(patient.aheadOfHomeM()).as("0.3 m/s behind for 2 s").isCloseTo(-0.6, within(0.01));

    patient.walkAtScheduledSpeed();
    walk(patient, 1, 0.6);
    assertThat(patient.intendedSpeedMps()).isEqualTo(0.6);
    assertThat(patient.aheadOfHomeM()).isCloseTo(-0.6, within(0.01));
    assertThatThrownBy(() -> patient.walkAtInjectedSpeed(0.1))
        .hasMessageContaining("must be 0.2..3.0");
  }

  @Test
  void shouldKeepUpWithABeltThatStartsUnderItWithoutBeingCarriedToTheRearEnd() {
    PatientGaitModel patient = patient(IntendedSpeedSchedule.FOLLOW_BELT);
    walk(patient, 1, 0.0);
    double standingM = copAheadM(patient);
    double rearmostM = standingM;
    // A session's belt start: 0 to 0.6 m/s at 0.5 m/s², then 4 s at speed.
    for (long i = 0; i < 5_200; i++) {
      nowNs += TICK_NS;
      patient.advance(nowNs, Math.min(0.6, 0.5 * i * TICK_NS * 1e-9), 0.0);
      if (i % 10 == 0) {
        rearmostM = Math.min(rearmostM, copAheadM(patient));
      }
    }

    assertThat(standingM - rearmostM).as("carried back at the start, m").isLessThan(0.3);
  }

  private static PatientGaitModel patient(IntendedSpeedSchedule schedule) {
    return new PatientGaitModel(
        WalkingPatient.symmetric(0.0),
        GEOMETRY,
        PatientModelOptions.defaults().withoutSensorDrift(),
        schedule);
  }

  private void walk(PatientGaitModel patient, double seconds, double beltMps) {
    for (long i = 0; i < Math.round(seconds * 1e9 / TICK_NS); i++) {
      nowNs += TICK_NS;
      patient.advance(nowNs, beltMps, 0.0);
    }
  }

  /** Mean COP over {@code seconds} of walking, m ahead of the sensing area's centre. */
  private double meanCopAheadM(PatientGaitModel patient, double seconds, double beltMps) {
    double sumM = 0;
    int frames = 0;
    for (long i = 0; i < Math.round(seconds * 1e9 / TICK_NS); i++) {
      nowNs += TICK_NS;
      patient.advance(nowNs, beltMps, 0.0);
      if (i % 10 == 0) {
        sumM += copAheadM(patient);
        frames++;
      }
    }
    return sumM / frames;
  }

  /** The COP of the frame rendered now, m ahead of the sensing area's centre. */
  private double copAheadM(PatientGaitModel patient) {
    double pitchM = GEOMETRY.pitchXUm() * 1e-6;
    double halfLengthM = 0.5 * GEOMETRY.rows() * pitchM;
    patient.render(nowNs, 0, cells);
    double total = 0;
    double moment = 0;
    for (int c = 0; c < cells.length; c++) {
      total += cells[c];
      moment += cells[c] * (c / GEOMETRY.cols() + 0.5) * pitchM;
    }
    return halfLengthM - moment / total;
  }
}
