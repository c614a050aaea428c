package org.gaitctl.core.gait;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepRecordViewTest {

  @Test
  void shouldCopyEveryValueAStepRecordViewShows() {
    StepRecord step = new StepRecord();
    step.stepIndex = 3;
    step.side = Side.RIGHT;
    step.heelStrikeNs = 1;
    step.toeOffNs = 2;
    step.nextHeelStrikeNs = 3;
    step.strideTimeS = 1.1;
    step.stanceTimeS = 0.7;
    step.swingTimeS = 0.4;
    step.stepTimeS = 0.55;
    step.singleSupportS = 0.4;
    step.doubleSupportS = 0.3;
    step.stepLengthM = 0.5;
    step.strideLengthM = 1.0;
    step.stepWidthM = 0.1;
    step.cadenceStepsPerMin = 109;
    step.peakForceN = 800;
    step.loadingRateNps = 9_000;
    step.impulseNewtonSeconds = 350;
    StepRecordView view = step;
    StepRecord copy = new StepRecord();

    copy.copyFrom(view);

    assertThat(copy).usingRecursiveComparison().isEqualTo(step);
    assertThat(view.impulseNewtonSeconds()).isEqualTo(350);
    assertThat(view.side()).isEqualTo(Side.RIGHT);
  }

  @Test
  void shouldCopyEveryValueAFootSampleViewShows() {
    FootSample sample = new FootSample();
    sample.timeNs = 5;
    sample.forceN = 600;
    sample.rawForceN = 590;
    sample.copApM = 0.3;
    sample.copMlM = 0.1;
    sample.contactAreaM2 = 0.012;
    FootSampleView view = sample;
    FootSample copy = new FootSample();

    copy.copyFrom(view);

    assertThat(copy).usingRecursiveComparison().isEqualTo(sample);
    assertThat(view.copMlM()).isEqualTo(0.1);
  }
}
