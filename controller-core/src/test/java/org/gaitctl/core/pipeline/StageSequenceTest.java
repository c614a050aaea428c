package org.gaitctl.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.gaitctl.core.analysis.GaitSettings;
import org.gaitctl.core.time.ManualNanoClock;
import org.gaitctl.core.time.NanoClock;
import org.junit.jupiter.api.Test;

class StageSequenceTest {

  private final WalkFrames walk = new WalkFrames();
  private final ManualNanoClock clock = new ManualNanoClock(0);
  private final RingEvent event = new RingEvent(WalkFrames.GRID.cellsPerBelt());

  @Test
  void shouldRunTheRingsStagesOnEventsTheCallerHandsOver() {
    AtomicInteger steps = new AtomicInteger();
    StageSequence sequence =
        PipelineAssembly.sequence(
            PipelineSettings.defaults(WalkFrames.GRID),
            clock,
            GaitSettings.defaults(),
            WalkFrames.GRID);
    StepSubscription subscription = sequence.steps().subscribe("test", 8);

    long frames = 4L * WalkFrames.FRAMES_PER_STRIDE;
    for (long i = 0; i < frames; i++) {
      clock.setNs(i * WalkFrames.FRAME_PERIOD_NS);
      RingTranslators.pressureFrame(event, clock.nanoTime(), i, 0, 0, 128, 56, walk.frameAt(i));
      sequence.process(event, i);
      subscription.drain((step, symmetry, arrivalNs) -> steps.incrementAndGet());
    }

    assertThat(steps.get()).isGreaterThanOrEqualTo(5);
    assertThat(sequence.counters().get(PipelineCounter.STEPS)).isEqualTo(steps.get());
    assertThat(sequence.counters().eventsPublished()).isEqualTo(frames);
    assertThat(sequence.counters().stageProgress(StageId.SNAPSHOT)).isEqualTo(frames - 1);
    DisplaySnapshot snapshot = new DisplaySnapshot();
    assertThat(sequence.snapshots().readInto(snapshot)).isTrue();
    assertThat(snapshot.stepsCompleted()).isEqualTo(steps.get());
  }

  @Test
  void shouldRaiseTheFaultAndRethrowWhenAStageThrows() {
    NanoClock failsInTheFirstStage =
        () -> {
          throw new IllegalStateException("injected");
        };
    StageSequence sequence =
        PipelineAssembly.sequence(
            PipelineSettings.defaults(WalkFrames.GRID),
            failsInTheFirstStage,
            GaitSettings.defaults(),
            WalkFrames.GRID);

    assertThatThrownBy(
            () -> {
              RingTranslators.pressureFrame(event, 0, 0, 0, 0, 128, 56, walk.frameAt(0));
              sequence.process(event, 0);
            })
        .hasMessage("injected");
    assertThat(sequence.faults().firstFault().kind()).isEqualTo(PipelineFaultKind.STAGE_EXCEPTION);
  }
}
