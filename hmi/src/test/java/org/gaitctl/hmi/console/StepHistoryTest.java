package org.gaitctl.hmi.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepRecord;
import org.gaitctl.core.pipeline.StepSymmetry;
import org.gaitctl.core.symmetry.StepParameter;
import org.junit.jupiter.api.Test;

class StepHistoryTest {

  private final StepHistory history = new StepHistory();

  @Test
  void shouldKeepTheLastSixtyStepsWithTheRatiosAfterEachOldestFirst() {
    for (int i = 1; i <= 75; i++) {
      double ratio = 1 + i / 1000.0;
      history.add(i % 2 == 0 ? Side.LEFT : Side.RIGHT, 100 + i, p -> ratio);
    }

    List<StepHistory.Point> points = new ArrayList<>();
    history.points().forEach(points::add);
    assertThat(points).hasSize(StepHistory.CAPACITY);
    assertThat(points.get(0).number()).isEqualTo(16);
    assertThat(points.get(0).side()).isEqualTo(Side.LEFT);
    assertThat(points.get(59).ratio(StepParameter.STEP_LENGTH)).isEqualTo(1.075);
    assertThat(history.stepsSeen()).isEqualTo(75);
    assertThat(history.cadenceStepsPerMin()).isEqualTo(175);
  }

  @Test
  void shouldKeepTheLastKnownCadenceWhenAStepHasNone() {
    history.add(Side.LEFT, 96, p -> 1.0);
    history.add(Side.RIGHT, Double.NaN, p -> 1.0);

    assertThat(history.cadenceStepsPerMin()).isEqualTo(96);
  }

  @Test
  void shouldCopyAStepFromTheFeedsReusedHoldersWithNotMeaningfulRatiosAsNaN() {
    StepRecord step = new StepRecord();
    step.side = Side.RIGHT;
    step.cadenceStepsPerMin = 88;

    history.add(step, new StepSymmetry());
    step.side = Side.LEFT;

    StepHistory.Point point = history.points().iterator().next();
    assertThat(point.side()).isEqualTo(Side.RIGHT);
    assertThat(point.ratio(StepParameter.STANCE_TIME)).isNaN();
  }

  @Test
  void shouldEmptyTheChartsForANewRunAndKeepCounting() {
    history.add(Side.LEFT, 90, p -> 1.0);
    history.clear();
    history.add(Side.RIGHT, 91, p -> 1.0);

    assertThat(history.size()).isEqualTo(1);
    assertThat(history.stepsSeen()).isEqualTo(2);
  }
}
