package org.gaitctl.sim.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.gaitctl.config.BeltGeometry;
import org.gaitctl.config.PatientSettings;
import org.gaitctl.core.gait.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class PatientGaitModelTest {

  private static final Logger LOG = LoggerFactory.getLogger(PatientGaitModelTest.class);

  private static final double WEIGHT_N = 75.0 * 9.81;

  @ParameterizedTest(name = "unloading {0} N")
  @ValueSource(doubles = {0.0, 200.0})
  void shouldCarryBodyWeightMinusUnloadingAveragedOverEachStride(double unloadingN) {
    WalkingPatient patient = WalkingPatient.idealBelt(WalkingPatient.symmetric(10.0));
    patient.walk(10.0, 1.0, unloadingN);
    double[] impulse = {0.0};
    long[] strideStart = {-1L};
    int[] strides = {0};
    double[] worstError = {0.0};
    patient.walk(
        30.0,
        1.0,
        unloadingN,
        t -> {
          impulse[0] += patient.totalGroundForceN(t) * 1e-3;
          // A stride ends at each left heel strike.
          long leftHeelStrikeNs = latestLeftHeelStrikeNs(patient, t);
          if (leftHeelStrikeNs > strideStart[0] && t - leftHeelStrikeNs < WalkingPatient.TICK_NS) {
            if (strideStart[0] > 0) {
              double meanN = impulse[0] / ((leftHeelStrikeNs - strideStart[0]) * 1e-9);
              double error = Math.abs(meanN - (WEIGHT_N - unloadingN)) / (WEIGHT_N - unloadingN);
              worstError[0] = Math.max(worstError[0], error);
              strides[0]++;
            }
            strideStart[0] = leftHeelStrikeNs;
            impulse[0] = 0.0;
          }
        });
    assertThat(strides[0]).isGreaterThan(15);
    assertThat(worstError[0]).isLessThan(0.02);
  }

  @Test
  void shouldTrackUnloadingThatOscillatesWithTheSteps() {
    WalkingPatient patient = WalkingPatient.idealBelt(WalkingPatient.symmetric(0.0));
    double[] sums = {0.0, 0.0, 0.0};
    long ticks = 40_000;
    for (long i = 1; i <= ticks; i++) {
      patient.nowNs += WalkingPatient.TICK_NS;
      double unloadingN = 250.0 + 40.0 * Math.sin(2 * Math.PI * 1.6 * patient.nowNs * 1e-9);
      patient.model.advance(patient.nowNs, 1.0, unloadingN);
      if (i > 10_000) {
        sums[0] += patient.totalGroundForceN(patient.nowNs);
        sums[1] += unloadingN;
        sums[2]++;
      }
    }
    double meanGroundN = sums[0] / sums[2];
    double meanUnloadingN = sums[1] / sums[2];
    assertThat(meanGroundN).isCloseTo(WEIGHT_N - meanUnloadingN, within(0.01 * WEIGHT_N));
  }

  @ParameterizedTest(name = "asymmetry {0} %")
  @ValueSource(doubles = {0.0, 10.0, 25.0})
  void shouldMakeGroundTruthSymmetryIndicesEqualTheSettings(double asymmetryPercent) {
    WalkingPatient patient = WalkingPatient.idealBelt(WalkingPatient.symmetric(asymmetryPercent));
    patient.walk(8.0, 1.0, 0.0);
    int skip = patient.steps.size();
    patient.walk(70.0, 1.0, 0.0);
    List<GroundTruthStep> window = patient.steps.subList(skip, skip + 100);
    assertThat(window).allMatch(s -> s.kind() == StepKind.WALK);

    assertThat(symmetryIndex(window, s -> s.stanceNs() * 1e-9))
        .isCloseTo(asymmetryPercent, within(0.5));
    assertThat(symmetryIndex(window, GroundTruthStep::stepLengthM))
        .isCloseTo(asymmetryPercent, within(0.5));
    assertThat(symmetryIndex(window, GroundTruthStep::peakForceN))
        .isCloseTo(asymmetryPercent, within(0.5));
  }

  @ParameterizedTest(name = "{0} m/s")
  @CsvSource({"0.5, 60, 80", "1.0, 88, 105", "1.5, 108, 128"})
  void shouldWalkAtAReasonableCadenceForTheSpeed(double speedMps, double minSpm, double maxSpm) {
    WalkingPatient patient = WalkingPatient.idealBelt(WalkingPatient.symmetric(0.0));
    patient.walk(10.0, speedMps, 0.0);
    int skip = patient.steps.size();
    patient.walk(60.0, speedMps, 0.0);
    List<GroundTruthStep> window = patient.steps.subList(skip, patient.steps.size() - 1);
    double spanS =
        (window.get(window.size() - 1).heelStrikeNs() - window.get(0).heelStrikeNs()) * 1e-9;
    double cadenceSpm = (window.size() - 1) / spanS * 60.0;
    double meanStepLengthM =
        window.stream().mapToDouble(GroundTruthStep::stepLengthM).average().orElseThrow();

    assertThat(cadenceSpm).isBetween(minSpm, maxSpm);
    assertThat(meanStepLengthM).isCloseTo(speedMps * 60.0 / cadenceSpm, within(0.02));
  }

  @Test
  void shouldRepeatExactlyForTheSameSeedAndDifferForAnother() {
    List<GroundTruthStep> first = walkSeed(11L);
    List<GroundTruthStep> again = walkSeed(11L);
    List<GroundTruthStep> other = walkSeed(12L);
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void shouldGiveTheSameEventTimesWhateverTheAdvanceRate() {
    PatientGaitModel fine =
        new PatientGaitModel(WalkingPatient.symmetric(10.0), BeltGeometry.singleBelt());
    PatientGaitModel coarse =
        new PatientGaitModel(WalkingPatient.symmetric(10.0), BeltGeometry.singleBelt());
    List<GroundTruthStep> fineSteps = new java.util.ArrayList<>();
    List<GroundTruthStep> coarseSteps = new java.util.ArrayList<>();
    fine.addGroundTruthListener(fineSteps::add);
    coarse.addGroundTruthListener(coarseSteps::add);
    for (long t = 0; t <= 20_000_000_000L; t += 1_000_000L) {
      fine.advance(t, 1.0, 120.0);
    }
    for (long t = 0; t <= 20_000_000_000L; t += 7_000_000L) {
      coarse.advance(t, 1.0, 120.0);
    }
    int n = Math.min(fineSteps.size(), coarseSteps.size());
    assertThat(n).isGreaterThan(25);
    for (int i = 0; i < n; i++) {
      assertThat(coarseSteps.get(i).heelStrikeNs()).isEqualTo(fineSteps.get(i).heelStrikeNs());
      assertThat(coarseSteps.get(i).toeOffNs()).isEqualTo(fineSteps.get(i).toeOffNs());
      assertThat(coarseSteps.get(i).stepLengthM())
          .isCloseTo(fineSteps.get(i).stepLengthM(), within(1e-9));
    }
  }

  @Test
  void shouldStandStillOnBothFeetUntilTheBeltMovesThenStepWithinTwoSteps() {
    WalkingPatient patient = WalkingPatient.idealBelt(WalkingPatient.symmetric(0.0));
    patient.walk(5.0, 0.0, 100.0);
    assertThat(patient.model.gaitState()).isEqualTo(PatientGaitModel.GaitState.STANDING);
    assertThat(patient.steps).isEmpty();
    assertThat(patient.model.groundForceN(Side.LEFT, patient.nowNs))
        .isCloseTo((WEIGHT_N - 100.0) / 2, within(1e-6));
    assertThat(patient.model.groundForceN(Side.RIGHT, patient.nowNs))
        .isCloseTo((WEIGHT_N - 100.0) / 2, within(1e-6));
    assertThat(patient.model.comAccelerationMps2()).isCloseTo(0.0, within(1e-9));

    long beltStartsNs = patient.nowNs;
    patient.walk(4.0, 1.0, 100.0);
    assertThat(patient.model.gaitState()).isEqualTo(PatientGaitModel.GaitState.WALKING);
    GroundTruthStep firstStep = patient.steps.get(0);
    assertThat(firstStep.heelStrikeNs() - beltStartsNs).isLessThan(1_500_000_000L);
  }

  @Test
  void shouldStopWithFeetSideBySideWhenTheBeltStops() {
    WalkingPatient patient = WalkingPatient.idealBelt(WalkingPatient.symmetric(0.0));
    patient.walk(10.0, 1.0, 0.0);
    patient.walk(5.0, 0.0, 0.0);
    assertThat(patient.model.gaitState()).isEqualTo(PatientGaitModel.GaitState.STANDING);
    int stepsWhenStanding = patient.steps.size();
    patient.walk(3.0, 0.0, 0.0);
    assertThat(patient.steps).hasSize(stepsWhenStanding);
    assertThat(patient.model.groundForceN(Side.LEFT, patient.nowNs))
        .isCloseTo(WEIGHT_N / 2, within(1e-6));

    patient.walk(5.0, 1.0, 0.0);
    assertThat(patient.steps(StepKind.STOP)).hasSize(2);
    assertThat(patient.steps(StepKind.STOP))
        .anySatisfy(s -> assertThat(s.stepLengthM()).isEqualTo(0.0));
  }

  @Test
  void shouldKeepTheCentreOfMassOscillatingAFewCentimetres() {
    WalkingPatient patient = WalkingPatient.idealBelt(WalkingPatient.symmetric(10.0));
    patient.walk(10.0, 1.0, 150.0);
    double[] range = {Double.MAX_VALUE, -Double.MAX_VALUE};
    patient.walk(
        30.0,
        1.0,
        150.0,
        t -> {
          range[0] = Math.min(range[0], patient.model.comDisplacementM());
          range[1] = Math.max(range[1], patient.model.comDisplacementM());
        });
    LOG.info(
        "centre of mass over 30 s at 1 m/s, 150 N unloading, 10 % asymmetry, seed 7:"
            + " {} … {} cm",
        String.format("%+.1f", 100 * range[0]), String.format("%+.1f", 100 * range[1]));
    assertThat(range[1] - range[0]).isBetween(0.02, 0.12);
    assertThat(range[0]).isGreaterThan(-0.08);
    assertThat(range[1]).isLessThan(0.08);
  }

  @Test
  void shouldMakeAShortIrregularStepWhenStumbling() {
    WalkingPatient patient = WalkingPatient.idealBelt(WalkingPatient.symmetric(0.0));
    patient.walk(10.0, 1.0, 0.0);
    patient.model.stumble();
    patient.walk(3.0, 1.0, 0.0);
    List<GroundTruthStep> stumbles = patient.steps(StepKind.STUMBLE);
    assertThat(stumbles).hasSize(1);
    double typicalLengthM =
        patient.steps(StepKind.WALK).stream()
            .mapToDouble(GroundTruthStep::stepLengthM)
            .average()
            .orElseThrow();
    assertThat(stumbles.get(0).stepLengthM()).isLessThan(0.7 * typicalLengthM);
    patient.walk(5.0, 1.0, 0.0);
    assertThat(patient.model.gaitState()).isEqualTo(PatientGaitModel.GaitState.WALKING);
  }

  @Test
  void shouldDropGroundForceToZeroAndLeaveTheWeightToTheHarnessWhenFalling() {
    WalkingPatient patient = WalkingPatient.idealBelt(WalkingPatient.symmetric(0.0));
    patient.walk(10.0, 1.0, 200.0);
    int before = patient.steps.size();
    patient.model.fall();
    patient.walk(0.001, 1.0, 200.0);
    long fallNs = patient.nowNs;

    assertThat(patient.model.gaitState()).isEqualTo(PatientGaitModel.GaitState.FALLEN);
    assertThat(patient.totalGroundForceN(fallNs)).isEqualTo(0.0);
    assertThat(patient.model.comAccelerationMps2())
        .isCloseTo((200.0 - WEIGHT_N) / 75.0, within(1e-9));
    assertThat(patient.steps.subList(before, patient.steps.size()))
        .isNotEmpty()
        .allSatisfy(
            s -> {
              assertThat(s.kind()).isEqualTo(StepKind.FALL);
              assertThat(s.toeOffNs()).isEqualTo(fallNs);
            });

    patient.walk(1.0, 1.0, WEIGHT_N);
    assertThat(patient.totalGroundForceN(patient.nowNs)).isEqualTo(0.0);
    patient.model.recover();
    patient.walk(0.5, 0.0, 200.0);
    assertThat(patient.model.gaitState()).isEqualTo(PatientGaitModel.GaitState.STANDING);
    assertThat(patient.totalGroundForceN(patient.nowNs)).isCloseTo(WEIGHT_N - 200.0, within(1e-6));
  }

  @Test
  void shouldRejectOptionsOutOfRangeNamingTheField() {
    assertThatThrownBy(
            () -> new PatientModelOptions(0.14, 0.26, 0.09, 7, 2.0, 0.05, 0.1, 373, 1, 0.05, 0.02))
        .hasMessageContaining("midlineCrossingProbability");
  }

  @Test
  void shouldRefuseTimeGoingBackwards() {
    PatientGaitModel model =
        new PatientGaitModel(PatientSettings.defaults(), BeltGeometry.singleBelt());
    model.advance(1_000_000L, 0.0, 0.0);
    assertThatThrownBy(() -> model.advance(0L, 0.0, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backwards");
  }

  private static List<GroundTruthStep> walkSeed(long seed) {
    WalkingPatient patient =
        WalkingPatient.idealBelt(new PatientSettings(75.0, 0.9, 10, 10, 10, 3.0, seed));
    patient.walk(20.0, 1.0, 100.0);
    return patient.steps;
  }

  private static long latestLeftHeelStrikeNs(WalkingPatient patient, long nowNs) {
    // Ground truth arrives at toe off; the heel strike itself shows in the force: the left foot's
    // force leaves zero.
    double nowN = patient.model.groundForceN(Side.LEFT, nowNs);
    double beforeN = patient.model.groundForceN(Side.LEFT, nowNs - WalkingPatient.TICK_NS);
    if (nowN > 0.0 && beforeN == 0.0) {
      return nowNs;
    }
    return Long.MIN_VALUE;
  }

  static double symmetryIndex(List<GroundTruthStep> steps, ToDoubleFunction<GroundTruthStep> q) {
    double left =
        steps.stream().filter(s -> s.side() == Side.LEFT).mapToDouble(q).average().orElseThrow();
    double right =
        steps.stream().filter(s -> s.side() == Side.RIGHT).mapToDouble(q).average().orElseThrow();
    return 200.0 * (left - right) / (left + right);
  }
}
