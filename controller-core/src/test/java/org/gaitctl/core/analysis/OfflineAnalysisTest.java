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
    StepsCsvWriter.write(report.steps(), csv);
    String[] lines = csv.toString().split("\n");
    assertThat(lines[0])
        .isEqualTo(
            "side,heel_strike_s,toe_off_s,next_heel_strike_s,stride_s,stance_s,swing_s,"
                + "step_time_s,double_support_s,peak_fz_n,impulse_ns,step_length_m");
    assertThat(lines).hasSize(report.steps().size() + 1);
    String[] row = lines[3].split(",", -1);
    assertThat(row).hasSize(12);
    assertThat(row[0]).isIn("L", "R");
    assertThat(Double.parseDouble(row[4])).isCloseTo(1.1, within(0.002));
    // no centre of pressure in the recording: step length unknown, left empty
    assertThat(row[11]).isEmpty();
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
}
