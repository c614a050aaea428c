package org.gaitctl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.gaitctl.core.pipeline.Pipeline;
import org.gaitctl.core.pipeline.PipelineCounter;
import org.gaitctl.core.pipeline.StageId;
import org.gaitctl.core.pipeline.StageThreading;
import org.gaitctl.core.pipeline.WaitStrategyKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Short runs of the benchmark harnesses, so that CI keeps them working; the measurements are the
 * long runs in docs/PERFORMANCE.md. No assertion on speed.
 */
@Tag("soak")
class BenchmarkSmokeTest {

  private static ReferenceLoad load;

  @BeforeAll
  static void renderLoad() {
    load = new ReferenceLoad(3);
  }

  @Test
  void shouldRunTheRingThroughputHarnessAndFindSteps() {
    try (RingDriver driver =
        new RingDriver(load, StageThreading.THREAD_PER_STAGE, WaitStrategyKind.BLOCKING)) {
      for (int second = 0; second < 6; second++) {
        driver.runSimulatedSecond();
      }
      assertThat(driver.pipeline().counters().get(PipelineCounter.PRESSURE_FRAMES))
          .isEqualTo(6 * ReferenceLoad.FRAME_RATE_HZ);
      assertThat(driver.steps()).isGreaterThanOrEqualTo(6);
      assertThat(driver.pipeline().faults().raised()).isFalse();
    }
  }

  @Test
  void shouldRunTheQueueHandOffHarnessThroughTheSameStages() {
    try (QueueHandOffDriver driver = new QueueHandOffDriver(load, 64)) {
      for (int second = 0; second < 6; second++) {
        driver.runSimulatedSecond();
      }
      assertThat(driver.steps()).isGreaterThanOrEqualTo(6);
    }
  }

  @Test
  void shouldRunTheLatencyHarnessInRealTimeAndReportEveryStage() throws InterruptedException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LatencyHarness harness =
        new LatencyHarness(
            load, StageThreading.THREAD_PER_STAGE, WaitStrategyKind.BLOCKING, 3_000_000_000L);

    Pipeline pipeline = harness.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String report = bytes.toString(StandardCharsets.UTF_8);
    assertThat(report).contains("arrival to gait_analysis done").contains("p99.9");
    assertThat(harness.stageTotal(StageId.LOAD_CELL).getTotalCount())
        .isEqualTo(pipeline.counters().get(PipelineCounter.LOAD_SAMPLES))
        .isGreaterThan(2_000);
    assertThat(pipeline.faults().raised()).isFalse();
  }

  @Test
  void shouldRunTheJournalLatencyHarnessWithTheJournalOnAndOffInTurns() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    JournalLatencyHarness.run(
        load, 4_000_000_000L, 1_000_000_000L, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String report = bytes.toString(StandardCharsets.UTF_8);
    assertThat(report)
        .contains("journal off: frame -> step record")
        .contains("journal on:  frame -> step record")
        .contains("lost 0, write errors 0");
  }
}
