package org.gaitctl.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gaitctl.core.time.ManualNanoClock;
import org.junit.jupiter.api.Test;

class StageThreadHandlerTest {

  private final ManualNanoClock clock = new ManualNanoClock(0);
  private final PipelineCounters counters = new PipelineCounters(new StageSequence.Gauge());
  private final PipelineLatency latency = new PipelineLatency(1_000_000_000L);
  private final BatchRecordingStage loadStage = new BatchRecordingStage();
  private final StageThreadHandler handler =
      new StageThreadHandler(
          "test", List.of(new StageRunner(StageId.LOAD_CELL, loadStage, clock, counters, latency)));
  private final RingEvent loadSample = new RingEvent(4);
  private final RingEvent tick = new RingEvent(4);

  StageThreadHandlerTest() {
    RingTranslators.loadSample(loadSample, 0, 0, 0, 1_000, 0);
    RingTranslators.controlTick(tick, 0, 1);
  }

  @Test
  void shouldTellAStageTheEndOfEachBatchAfterItsLastEvent() {
    handler.onEvent(loadSample, 0, false);
    handler.onEvent(loadSample, 1, false);
    handler.onEvent(loadSample, 2, true);
    handler.onEvent(loadSample, 3, true);

    assertThat(loadStage.calls)
        .containsExactly("event", "event", "event", "end 2", "event", "end 3");
  }

  @Test
  void shouldEndTheBatchAlsoWhenTheStageDoesNotHandleItsLastEvent() {
    handler.onEvent(loadSample, 0, false);
    handler.onEvent(tick, 1, true);

    assertThat(loadStage.calls).containsExactly("event", "end 1");
  }

  /** Handles load samples only and records what it was called with. */
  private static final class BatchRecordingStage implements PipelineStage {
    final List<String> calls = new ArrayList<>();

    @Override
    public boolean handles(EventKind kind) {
      return kind == EventKind.LOAD_SAMPLE;
    }

    @Override
    public void process(RingEvent event) {
      calls.add("event");
    }

    @Override
    public void endOfBatch(long lastSequence) {
      calls.add("end " + lastSequence);
    }
  }
}
