package org.gaitctl.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.List;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.recording.ForceRecording;
import org.gaitctl.core.symmetry.StepParameter;
import org.gaitctl.core.testing.SyntheticWalker;
import org.junit.jupiter.api.Test;

class OfflineAnalysisTest {

  private static ForceRecording recording(String unit, double scale, double offset) {
    SyntheticWalker walker = new SyntheticWalker(1.1, 0.68, 736.0, 1.0);
    int n = 300 * 15;
    double[] time = new double[n];
    double[] left = new double[n];
    double[] right = new double[n];
    double t = 0;
    for (int i = 0; i < n; i++) {
      // irregular sampling around 300 Hz
      t += (i % 3 == 0) ? 0.0040 : 0.0030;
      time[i] = t;
      left[i] = offset + scale * walker.forceN(Side.LEFT, t);
      right[i] = offset + scale * walker.forceN(Side.RIGHT, t);
    }
    return new ForceRecording("synthetic", time, left, right, null, null, null, unit, List.of());
  }

  @Test
  void shouldWriteStepsCsvWithExactlyTheSpecifiedColumnsAndEmptyUnknownCells() throws Exception {
    AnalysisReport report =
        new OfflineAnalysis(AnalysisSettings.defaults()).run(recording("N", 1, 0));
    StringWriter csv = new StringWriter();
    StepsCsvWriter.write(report.steps(), report.summary().forceUnit(), csv);
    String[] lines = csv.toString().split("\n");
    assertThat(lines[0])
        .isEqualTo(
            "side,heel_strike_s,toe_off_s,next_heel_strike_s,stride_s,stance_s,swing_s,"
                + "step_time_s,single_support_s,double_support_s,peak_fz_n,loading_rate_n_per_s,"
                + "impulse_n_s,step_length_m,cadence_steps_per_min");
    assertThat(lines).hasSize(report.steps().size() + 1);
    String[] row = lines[3].split(",", -1);
    assertThat(row).hasSize(15);
    assertThat(row[0]).isIn("L", "R");
    assertThat(Double.parseDouble(row[4])).isCloseTo(1.1, within(0.002));
    assertThat(Double.parseDouble(row[8])).isGreaterThan(0.3);
    assertThat(Double.parseDouble(row[11])).isGreaterThan(0);
    // no centre of pressure in the recording: step length unknown, left empty
    assertThat(row[13]).isEmpty();
    assertThat(Double.parseDouble(row[14])).isCloseTo(60 / 0.55, within(1.0));
  }

  @Test
  void shouldSummariseMeansAndSymmetryAsJsonWithNullWhereNotMeaningful() throws Exception {
    AnalysisReport report =
        new OfflineAnalysis(AnalysisSettings.defaults()).run(recording("N", 1, 0));
    StringWriter json = new StringWriter();
    SummaryJsonWriter.write(report.summary(), json);
    JsonNode root = new ObjectMapper().readTree(json.toString());
    assertThat(root.get("force_unit_is_newtons").asBoolean()).isTrue();
    assertThat(root.at("/counts/steps_left").asInt()).isGreaterThan(10);
    assertThat(root.at("/parameters/stride_time/mean_left").asDouble())
        .isCloseTo(1.1, within(0.002));
    assertThat(root.at("/parameters/stance_time/symmetry_index_percent").asDouble())
        .isCloseTo(0.0, within(0.5));
    assertThat(root.at("/parameters/step_length/symmetry_index_percent").isNull()).isTrue();
  }

  @Test
  void shouldUseRelativeThresholdsAndSayWhenForcesAreNotNewtons() {
    AnalysisReport inNewtons =
        new OfflineAnalysis(AnalysisSettings.defaults()).run(recording("N", 1, 0));
    AnalysisReport inAdc =
        new OfflineAnalysis(AnalysisSettings.defaults()).run(recording("ADC", 2.5, 400));
    assertThat(inAdc.summary().forceUnitNote()).contains("not newtons");
    assertThat(inNewtons.summary().forceUnitNote()).isEmpty();
    // relative mode waits 2 s before the first event, then finds the same strides
    double stride = inAdc.summary().parameters().get(StepParameter.STRIDE_TIME).meanLeft();
    assertThat(stride).isCloseTo(1.1, within(0.002));
    assertThat(inAdc.summary().stepsLeft()).isGreaterThan(inNewtons.summary().stepsLeft() - 3);
  }

  @Test
  void shouldMeasureStepLengthFromCentreOfPressureAndBeltSpeed() {
    SyntheticWalker walker = new SyntheticWalker(1.1, 0.68, 736.0, 1.0);
    int n = 300 * 10;
    double[] time = new double[n];
    double[] left = new double[n];
    double[] right = new double[n];
    double[] speed = new double[n];
    double[] leftCop = new double[n];
    double[] rightCop = new double[n];
    for (int i = 0; i < n; i++) {
      double t = i / 300.0;
      time[i] = t;
      left[i] = walker.forceN(Side.LEFT, t);
      right[i] = walker.forceN(Side.RIGHT, t);
      speed[i] = walker.beltSpeedMps;
      leftCop[i] = copOnTreadmill(walker, Side.LEFT, t);
      rightCop[i] = copOnTreadmill(walker, Side.RIGHT, t);
    }
    ForceRecording recording =
        new ForceRecording(
            "treadmill", time, left, right, speed, leftCop, rightCop, "N", List.of());
    AnalysisReport report = new OfflineAnalysis(AnalysisSettings.defaults()).run(recording);
    List<StepRow> known =
        report.steps().stream().filter(s -> !Double.isNaN(s.stepLengthM())).toList();
    assertThat(known).hasSizeGreaterThan(10);
    // every heel lands at the same place on the treadmill: a step is the belt travel in 0.55 s
    for (StepRow step : known) {
      assertThat(step.stepLengthM()).isCloseTo(0.55, within(0.01));
    }
  }

  /** COP along the treadmill, rolling heel to toe while the belt carries the foot back. */
  private static double copOnTreadmill(SyntheticWalker walker, Side side, double t) {
    int k = walker.stanceAt(side, t);
    if (k < 0) {
      return Double.NaN;
    }
    double since = t - walker.heelStrikeS(side, k);
    return walker.heelApM
        - walker.beltSpeedMps * since
        + 0.75 * walker.footLengthM * since / walker.stanceS(side);
  }

  @Test
  void shouldOverrideThresholdsInNewtons() {
    AnalysisReport high =
        new OfflineAnalysis(AnalysisSettings.defaults().withThresholdsN(300, 200))
            .run(recording("N", 1, 0));
    // contact confirmed and ended at 200 N: stance shorter than with 20 / 10 N
    assertThat(high.summary().parameters().get(StepParameter.STANCE_TIME).meanLeft())
        .isLessThan(0.64);
  }

  @Test
  void shouldNameForceColumnsInTheRecordingsUnitAndNeverEndTheImpulseInNs() {
    assertThat(StepsCsvWriter.header("ADC"))
        .contains("peak_fz_adc,loading_rate_adc_per_s,impulse_adc_s")
        .doesNotContain("_ns,")
        .doesNotContain("_n,");
  }

  @Test
  void shouldSubtractTheUnloadedAdcLevelSoThatImpulsesArePositiveAndInAdcUnits() throws Exception {
    // An uncalibrated sensor whose zero reads −400 counts: impulses over the raw signal would be
    // negative.
    AnalysisReport report =
        new OfflineAnalysis(AnalysisSettings.defaults()).run(recording("ADC", 0.5, -400));
    ParameterSummary impulse = report.summary().parameters().get(StepParameter.IMPULSE);
    assertThat(report.summary().leftUnloadedLevel()).isCloseTo(-400, within(1.0));
    assertThat(impulse.meanLeft()).isPositive();
    assertThat(impulse.symmetryIndexPercent()).isCloseTo(0.0, within(2.0));
    assertThat(impulse.unit()).isEqualTo("ADC·s");
    StringWriter json = new StringWriter();
    SummaryJsonWriter.write(report.summary(), json);
    JsonNode root = new ObjectMapper().readTree(json.toString());
    for (StepParameter p : StepParameter.values()) {
      if (p.isForce()) {
        assertThat(root.at("/parameters/" + p.name().toLowerCase() + "/unit").asText())
            .startsWith("ADC");
      }
    }
  }

  @Test
  void shouldLeaveStepLengthUnknownWithoutBeltSpeedEvenWithCentreOfPressure() {
    SyntheticWalker walker = new SyntheticWalker(1.1, 0.68, 736.0, 1.0);
    int n = 300 * 10;
    double[] time = new double[n];
    double[] left = new double[n];
    double[] right = new double[n];
    double[] leftCop = new double[n];
    double[] rightCop = new double[n];
    for (int i = 0; i < n; i++) {
      double t = i / 300.0;
      time[i] = t;
      left[i] = walker.forceN(Side.LEFT, t);
      right[i] = walker.forceN(Side.RIGHT, t);
      leftCop[i] = copOnTreadmill(walker, Side.LEFT, t);
      rightCop[i] = copOnTreadmill(walker, Side.RIGHT, t);
    }
    ForceRecording recording =
        new ForceRecording("no belt", time, left, right, null, leftCop, rightCop, "N", List.of());
    AnalysisReport report = new OfflineAnalysis(AnalysisSettings.defaults()).run(recording);
    assertThat(report.steps()).hasSizeGreaterThan(10);
    assertThat(report.steps()).allSatisfy(s -> assertThat(s.stepLengthM()).isNaN());
    assertThat(report.summary().parameters().get(StepParameter.STEP_LENGTH).meanLeft()).isNaN();
  }

  @Test
  void shouldNotMergeStancesWhenTheShoePreloadsTheSensorInSwing() {
    // 25 N of shoe preload in swing, ±6 N of noise: above the 20 N heel-strike threshold as read
    SyntheticWalker walker = new SyntheticWalker(1.1, 0.68, 736.0, 1.0);
    java.util.Random noise = new java.util.Random(7);
    int n = 300 * 20;
    double[] time = new double[n];
    double[] left = new double[n];
    double[] right = new double[n];
    for (int i = 0; i < n; i++) {
      double t = i / 300.0;
      time[i] = t;
      left[i] = 25 + walker.forceN(Side.LEFT, t) + 6 * (2 * noise.nextDouble() - 1);
      right[i] = 25 + walker.forceN(Side.RIGHT, t) + 6 * (2 * noise.nextDouble() - 1);
    }
    ForceRecording recording =
        new ForceRecording("preload", time, left, right, null, null, null, "N", List.of());
    AnalysisReport report = new OfflineAnalysis(AnalysisSettings.defaults()).run(recording);
    System.out.printf(
        "preload 25 N: %d left / %d right steps, left stride %.3f s, unloaded %.1f / %.1f N%n",
        report.summary().stepsLeft(),
        report.summary().stepsRight(),
        report.summary().parameters().get(StepParameter.STRIDE_TIME).meanLeft(),
        report.summary().leftUnloadedLevel(),
        report.summary().rightUnloadedLevel());
    assertThat(report.summary().parameters().get(StepParameter.STRIDE_TIME).meanLeft())
        .isCloseTo(1.1, within(0.01));
    assertThat(report.summary().stepsLeft()).isGreaterThan(14);
    assertThat(report.summary().warnings()).isEmpty();
  }

  @Test
  void shouldNotSplitAStanceAtAMidStanceDipShorterThanTheCadenceAllows() {
    // The left sensor drops out 140–200 ms into every stance (a loose insole): past the live
    // 120 ms minimum stance, but a stance at a 1.1 s stride lasts far longer than 220 ms.
    SyntheticWalker walker = new SyntheticWalker(1.1, 0.68, 736.0, 1.0);
    int n = 300 * 20;
    double[] time = new double[n];
    double[] left = new double[n];
    double[] right = new double[n];
    for (int i = 0; i < n; i++) {
      double t = i / 300.0;
      time[i] = t;
      int k = walker.stanceAt(Side.LEFT, t);
      double sinceHeelStrike = k < 0 ? -1 : t - walker.heelStrikeS(Side.LEFT, k);
      boolean dropout = sinceHeelStrike >= 0.14 && sinceHeelStrike < 0.20;
      left[i] = dropout ? 0.0 : walker.forceN(Side.LEFT, t);
      right[i] = walker.forceN(Side.RIGHT, t);
    }
    ForceRecording recording =
        new ForceRecording("dropout", time, left, right, null, null, null, "N", List.of());
    AnalysisSummary summary =
        new OfflineAnalysis(AnalysisSettings.defaults()).run(recording).summary();
    assertThat(summary.parameters().get(StepParameter.STRIDE_TIME).meanLeft())
        .isCloseTo(1.1, within(0.01));
    assertThat(summary.stepsLeft()).isBetween(summary.stepsRight() - 1, summary.stepsRight() + 1);
    assertThat(summary.warnings()).isEmpty();
  }

  @Test
  void shouldWarnWithTheReasonWhenOneSideLosesItsContacts() {
    SyntheticWalker walker = new SyntheticWalker(1.1, 0.68, 736.0, 1.0);
    int n = 300 * 20;
    double[] time = new double[n];
    double[] left = new double[n];
    double[] right = new double[n];
    for (int i = 0; i < n; i++) {
      double t = i / 300.0;
      time[i] = t;
      left[i] = walker.forceN(Side.LEFT, t);
      // the right sensor fails after 10 s
      right[i] = t < 10 ? walker.forceN(Side.RIGHT, t) : 0.0;
    }
    ForceRecording recording =
        new ForceRecording("failing", time, left, right, null, null, null, "N", List.of());
    AnalysisSummary summary =
        new OfflineAnalysis(AnalysisSettings.defaults()).run(recording).summary();
    assertThat(summary.warnings()).anySatisfy(w -> assertThat(w).contains("right steps"));
    assertThat(summary.warnings())
        .anySatisfy(w -> assertThat(w).contains("heel strikes follow one of the same foot"));
  }

  @Test
  void shouldTimeHeelStrikesAtTheLiveThresholdWhenTheRecordingStartsWithALongerStandThanWalk() {
    // A treadmill journal: the patient stands (368 N a foot) for 25 s, then walks for 10 s. Each
    // foot is in the air for under 20 % of the samples, so their 20th percentile is a loaded level.
    SyntheticWalker walker = new SyntheticWalker(1.1, 0.68, 736.0, 1.0);
    double standS = 25;
    int n = 300 * 35;
    double[] time = new double[n];
    double[] left = new double[n];
    double[] right = new double[n];
    int walkFrom = (int) (standS * 300);
    double[] walkTime = new double[n - walkFrom];
    double[] walkLeft = new double[n - walkFrom];
    double[] walkRight = new double[n - walkFrom];
    for (int i = 0; i < n; i++) {
      double t = i / 300.0;
      time[i] = t;
      left[i] = t < standS ? 368 : walker.forceN(Side.LEFT, t - standS);
      right[i] = t < standS ? 368 : walker.forceN(Side.RIGHT, t - standS);
      if (i >= walkFrom) {
        walkTime[i - walkFrom] = t;
        walkLeft[i - walkFrom] = left[i];
        walkRight[i - walkFrom] = right[i];
      }
    }
    AnalysisReport session =
        new OfflineAnalysis(AnalysisSettings.defaults())
            .run(
                new ForceRecording(
                    "stand+walk", time, left, right, null, null, null, "N", List.of()));
    AnalysisReport walkOnly =
        new OfflineAnalysis(AnalysisSettings.defaults())
            .run(
                new ForceRecording(
                    "walk", walkTime, walkLeft, walkRight, null, null, null, "N", List.of()));

    assertThat(session.summary().leftUnloadedLevel()).isZero();
    assertThat(session.summary().rightUnloadedLevel()).isZero();
    List<StepRow> walked =
        session.steps().stream().filter(row -> row.heelStrikeS() > standS + 1).toList();
    List<StepRow> expected =
        walkOnly.steps().stream().filter(row -> row.heelStrikeS() > standS + 1).toList();
    assertThat(walked).hasSameSizeAs(expected).hasSizeGreaterThan(10);
    for (int k = 0; k < expected.size(); k++) {
      assertThat(walked.get(k).heelStrikeS())
          .isCloseTo(expected.get(k).heelStrikeS(), within(1e-6));
      assertThat(walked.get(k).toeOffS()).isCloseTo(expected.get(k).toeOffS(), within(1e-6));
    }
  }

  @Test
  void shouldWarnWhenAFootWasNeverLifted() {
    int n = 3000;
    double[] time = new double[n];
    double[] left = new double[n];
    double[] right = new double[n];
    for (int i = 0; i < n; i++) {
      time[i] = i / 300.0;
      left[i] = 380 + (i % 5);
      right[i] = 350 + (i % 7);
    }
    ForceRecording recording =
        new ForceRecording("standing", time, left, right, null, null, null, "N", List.of());
    AnalysisSummary summary =
        new OfflineAnalysis(AnalysisSettings.defaults()).run(recording).summary();
    assertThat(summary.warnings())
        .anySatisfy(w -> assertThat(w).startsWith("the left foot's unloaded level is 380.0 N"))
        .anySatisfy(w -> assertThat(w).startsWith("the right foot's unloaded level is 351.0 N"))
        .anySatisfy(w -> assertThat(w).startsWith("no steps found"));
  }

  @Test
  void shouldSayWhyNoStepWasFound() throws Exception {
    int n = 3000;
    double[] time = new double[n];
    double[] left = new double[n];
    double[] right = new double[n];
    for (int i = 0; i < n; i++) {
      time[i] = i / 300.0;
      left[i] = 5 + (i % 2);
      right[i] = 5 + (i % 3) * 4;
    }
    ForceRecording recording =
        new ForceRecording("standing aside", time, left, right, null, null, null, "N", List.of());
    AnalysisSummary summary =
        new OfflineAnalysis(AnalysisSettings.defaults()).run(recording).summary();
    assertThat(summary.warnings())
        .singleElement()
        .asString()
        .contains("no foot contact above 20.0 N on either foot");
    StringWriter json = new StringWriter();
    SummaryJsonWriter.write(summary, json);
    assertThat(new ObjectMapper().readTree(json.toString()).at("/warnings/0").asText())
        .startsWith("no steps found");
  }
}
