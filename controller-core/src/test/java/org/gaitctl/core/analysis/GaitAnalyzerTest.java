package org.gaitctl.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.gaitctl.core.contact.PressureGrid;
import org.gaitctl.core.gait.FootSampleView;
import org.gaitctl.core.gait.GaitEventKind;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepRecord;
import org.gaitctl.core.gait.StepRecordView;
import org.gaitctl.core.symmetry.StepParameter;
import org.gaitctl.core.symmetry.SymmetryTracker;
import org.gaitctl.core.testing.SyntheticWalker;
import org.junit.jupiter.api.Test;

class GaitAnalyzerTest {

  private static final PressureGrid GRID = new PressureGrid(1, 128, 56, 0.00847, 0.00847);

  private final List<StepRecord> steps = new ArrayList<>();
  private final List<GaitEventKind> events = new ArrayList<>();
  private SymmetryTracker symmetry;
  private int discardedSteps;

  private GaitAnalyzer analyzer(PressureGrid grid) {
    return new GaitAnalyzer(
        GaitSettings.defaults(),
        grid,
        new GaitAnalysisSink() {
          @Override
          public void onFoot(Side side, FootSampleView sample, boolean inStance) {}

          @Override
          public void onGaitEvent(Side side, GaitEventKind kind, long timeNs) {
            events.add(kind);
          }

          @Override
          public void onStep(StepRecordView step, SymmetryTracker tracker) {
            StepRecord copy = new StepRecord();
            copy.copyFrom(step);
            steps.add(copy);
            symmetry = tracker;
          }

          @Override
          public void onStepDiscarded(Side side) {
            discardedSteps++;
          }
        });
  }

  @Test
  void shouldWriteEveryHeelStrikeAndToeOffIntoTheSinkInTurn() {
    SyntheticWalker walker = new SyntheticWalker(1.1, 0.68, 736.0, 1.0);
    GaitAnalyzer analyzer = analyzer(null);
    for (int i = 0; i < 300 * 12; i++) {
      double t = i / 300.0;
      analyzer.onFootForces(
          Math.round(t * 1e9),
          walker.forceN(Side.LEFT, t),
          walker.forceN(Side.RIGHT, t),
          Double.NaN,
          Double.NaN);
    }
    long heelStrikes = events.stream().filter(k -> k == GaitEventKind.HEEL_STRIKE).count();
    assertThat(heelStrikes).isGreaterThanOrEqualTo(20);
    assertThat(events.size() - heelStrikes).isBetween(heelStrikes - 2, heelStrikes + 2);
    assertThat(steps).hasSizeGreaterThanOrEqualTo((int) heelStrikes - 2);
  }

  @Test
  void shouldMeasureTimingOfEveryStepFromForcesAlone() {
    SyntheticWalker walker = new SyntheticWalker(1.1, 0.68, 736.0, 1.0);
    GaitAnalyzer analyzer = analyzer(null);
    for (int i = 0; i < 300 * 12; i++) {
      double t = i / 300.0;
      analyzer.onFootForces(
          Math.round(t * 1e9),
          walker.forceN(Side.LEFT, t),
          walker.forceN(Side.RIGHT, t),
          Double.NaN,
          Double.NaN);
    }
    // 10 complete strides per side in 12 s minus the first and last
    assertThat(steps).hasSizeGreaterThanOrEqualTo(18);
    for (StepRecord s : steps) {
      assertThat(s.strideTimeS).isCloseTo(1.1, within(0.001));
      assertThat(s.stanceTimeS).isCloseTo(0.68, within(0.004));
      assertThat(s.swingTimeS).isCloseTo(0.42, within(0.004));
      // 0.95 W × max(sin πp + 0.25 sin 3πp) = 0.95 × 736 × 0.891
      assertThat(s.peakForceN).isCloseTo(623.0, within(1.0));
      assertThat(s.stepLengthM).isNaN();
      if (s.stepIndex > 1) {
        assertThat(s.stepTimeS).isCloseTo(0.55, within(0.001));
        assertThat(s.cadenceStepsPerMin).isCloseTo(60 / 0.55, within(0.2));
        // double support: two periods of 0.68 - 0.55 = 0.13 s, each shortened by the time the
        // force takes to reach the 10 N level at contact and after it at lift-off (~2 ms each)
        assertThat(s.doubleSupportS).isCloseTo(0.26, within(0.012));
        assertThat(s.singleSupportS).isCloseTo(0.42, within(0.012));
      }
    }
    assertThat(steps.get(0).side).isNotNull();
  }

  @Test
  void shouldMeasureStepLengthOnTheBeltFromPressureFrames() {
    SyntheticWalker walker = new SyntheticWalker(1.1, 0.68, 736.0, 1.0);
    GaitAnalyzer analyzer = analyzer(GRID);
    char[] cells = new char[GRID.cellsPerBelt()];
    for (int i = 0; i < 300 * 8; i++) {
      double t = i / 300.0;
      long timeNs = Math.round(t * 1e9);
      analyzer.onBeltSpeed(timeNs, walker.beltSpeedMps);
      walker.render(GRID, 0, t, cells, 0);
      analyzer.onPressureFrame(timeNs, 0, cells, 0);
    }
    assertThat(steps).hasSizeGreaterThanOrEqualTo(10);
    for (StepRecord s : steps.subList(2, steps.size())) {
      // every heel lands at the same place, so a step is the belt travel in a step time
      assertThat(s.stepLengthM).isCloseTo(0.55, within(0.01));
      assertThat(s.strideLengthM).isCloseTo(1.10, within(0.01));
      assertThat(s.stepWidthM).isCloseTo(walker.rightMlM - walker.leftMlM, within(0.01));
      assertThat(s.loadingRateNps).isGreaterThan(1000.0);
    }
    assertThat(symmetry.symmetryIndexPercent(StepParameter.STANCE_TIME))
        .isCloseTo(0.0, within(0.5));
  }

  @Test
  void shouldReportStanceAsymmetryAsRobinsonIndex() {
    // left stance 10 % longer: SI = 2 (1.1 - 1) / 2.1 = 9.52 %
    SyntheticWalker walker = new SyntheticWalker(1.1, 0.62, 736.0, 1.0, 1.1);
    GaitAnalyzer analyzer = analyzer(null);
    for (int i = 0; i < 300 * 30; i++) {
      double t = i / 300.0;
      analyzer.onFootForces(
          Math.round(t * 1e9),
          walker.forceN(Side.LEFT, t),
          walker.forceN(Side.RIGHT, t),
          Double.NaN,
          Double.NaN);
    }
    assertThat(symmetry.symmetryIndexPercent(StepParameter.STANCE_TIME))
        .isCloseTo(200.0 * 0.1 / 2.1, within(0.5));
    assertThat(symmetry.symmetryIndexPercent(StepParameter.STRIDE_TIME))
        .isCloseTo(0.0, within(0.2));
    // step length unknown without COP: not a number, never a made-up symmetry
    assertThat(symmetry.symmetryIndexPercent(StepParameter.STEP_LENGTH)).isNaN();
  }

  @Test
  void shouldDropAStepAcrossAGapInsteadOfInventingIt() {
    SyntheticWalker walker = new SyntheticWalker(1.1, 0.68, 736.0, 1.0);
    GaitAnalyzer analyzer = analyzer(null);
    for (int i = 0; i < 300 * 12; i++) {
      double t = i / 300.0;
      if (t > 5.0 && t < 5.6) {
        continue;
      }
      analyzer.onFootForces(
          Math.round(t * 1e9),
          walker.forceN(Side.LEFT, t),
          walker.forceN(Side.RIGHT, t),
          Double.NaN,
          Double.NaN);
    }
    for (StepRecord s : steps) {
      assertThat(s.strideTimeS).isCloseTo(1.1, within(0.001));
    }
    assertThat(discardedSteps).isGreaterThan(0).isEqualTo((int) analyzer.steps().discardedSteps());
    assertThat(analyzer.detector(Side.LEFT).gaps()).isEqualTo(1);
  }
}
