package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepRecord;
import org.gaitctl.core.symmetry.StepParameter;
import org.junit.jupiter.api.Test;

class SteadyGaitSymmetryTest {

  private static final long STEP_NS = 600_000_000L;

  private final SteadyGaitSymmetry symmetry = new SteadyGaitSymmetry(20, 5, 1);

  @Test
  void shouldLeaveOutStepsBeforeTheBeltIsAtSpeedAndTheFirstFiveStridesAfter() {
    long steadyNs = 10 * STEP_NS;
    symmetry.speedSteadySince(steadyNs);

    int counted = 0;
    for (int i = 0; i < 30; i++) {
      counted += symmetry.onStep(step(i, i * STEP_NS, 0.60)) ? 1 : 0;
    }

    // Steps 0..9 began before the speed was steady, 10..19 are the five settling strides.
    assertThat(counted).isEqualTo(10);
  }

  @Test
  void shouldKeepTheSettlingStepsOutOfTheRunningSymmetry() {
    symmetry.speedSteadySince(0);
    // Settling: a strongly asymmetric left side, as while gait adapts to the new speed.
    for (int i = 0; i < 10; i++) {
      symmetry.onStep(step(i, i * STEP_NS, i % 2 == 0 ? 0.90 : 0.60));
    }
    for (int i = 10; i < 20; i++) {
      symmetry.onStep(step(i, i * STEP_NS, 0.60));
    }

    assertThat(symmetry.indexPct(StepParameter.STEP_LENGTH)).isZero();
  }

  @Test
  void shouldStartSettlingAgainAfterTheNextSpeedChange() {
    symmetry.speedSteadySince(0);
    for (int i = 0; i < 12; i++) {
      symmetry.onStep(step(i, i * STEP_NS, 0.60));
    }
    symmetry.speedChanging();
    assertThat(symmetry.onStep(step(12, 12 * STEP_NS, 0.60))).isFalse();

    symmetry.speedSteadySince(13 * STEP_NS);

    assertThat(symmetry.onStep(step(13, 13 * STEP_NS, 0.60))).isFalse();
  }

  @Test
  void shouldCountEveryStepOnceSteadyWhenNoSettlingIsAsked() {
    SteadyGaitSymmetry noSettling = new SteadyGaitSymmetry(20, 0, 1);
    noSettling.speedSteadySince(0);

    assertThat(noSettling.onStep(step(0, 0, 0.60))).isTrue();
  }

  @Test
  void shouldCountNothingBeforeTheBeltFirstReachesItsSpeed() {
    assertThat(symmetry.onStep(step(0, 0, 0.60))).isFalse();
  }

  private static StepRecord step(int index, long heelStrikeNs, double stepLengthM) {
    StepRecord step = new StepRecord();
    step.stepIndex = index;
    step.side = index % 2 == 0 ? Side.LEFT : Side.RIGHT;
    step.heelStrikeNs = heelStrikeNs;
    step.toeOffNs = heelStrikeNs + 700_000_000L;
    step.nextHeelStrikeNs = heelStrikeNs + 2 * STEP_NS;
    step.strideTimeS = 1.2;
    step.stanceTimeS = 0.7;
    step.swingTimeS = 0.5;
    step.stepTimeS = 0.6;
    step.singleSupportS = 0.5;
    step.doubleSupportS = 0.1;
    step.stepLengthM = stepLengthM;
    step.strideLengthM = 1.2;
    step.stepWidthM = 0.1;
    step.cadenceStepsPerMin = 100;
    step.peakForceN = 700;
    step.loadingRateNps = 5000;
    step.impulseNewtonSeconds = 300;
    return step;
  }
}
