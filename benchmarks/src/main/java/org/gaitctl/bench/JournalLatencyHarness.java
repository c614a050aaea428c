package org.gaitctl.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.gaitctl.core.analysis.GaitSettings;
import org.gaitctl.core.journal.Journal;
import org.gaitctl.core.journal.JournalMetadata;
import org.gaitctl.core.journal.JournalOptions;
import org.gaitctl.core.pipeline.CopListener;
import org.gaitctl.core.pipeline.Pipeline;
import org.gaitctl.core.pipeline.PipelineAssembly;
import org.gaitctl.core.pipeline.PipelineCounter;
import org.gaitctl.core.pipeline.PipelineSettings;
import org.gaitctl.core.pipeline.StageId;
import org.gaitctl.core.time.NanoClock;

/**
 * Frame → step latency with the session journal on and off, in one run: two pipelines (the default
 * single ring thread, blocking wait), one recording a journal with raw frames, take the reference
 * load in turn, {@code --segment-s} seconds each, so both see the same machine load. The journal
 * goes to a temporary file that is deleted at the end.
 *
 * <pre>
 * java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED \
 *     -cp benchmarks/target/benchmarks.jar org.gaitctl.bench.JournalLatencyHarness \
 *     [--duration-s 300] [--segment-s 10]
 * </pre>
 */
public final class JournalLatencyHarness {

  private static final long NS_PER_S = 1_000_000_000L;

  private JournalLatencyHarness() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    long durationS = 300;
    long segmentS = 10;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--duration-s" -> durationS = Long.parseLong(args[++i]);
        case "--segment-s" -> segmentS = Long.parseLong(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "unknown option " + args[i] + "; use --duration-s N, --segment-s N");
      }
    }
    run(new ReferenceLoad(6), durationS * NS_PER_S, segmentS * NS_PER_S, System.out);
  }

  /** Runs both pipelines in turn for {@code durationNs} and prints both latency rows. */
  static void run(ReferenceLoad load, long durationNs, long segmentNs, PrintStream out)
      throws IOException, InterruptedException {
    Path folder = Files.createTempDirectory("gaitctl-journal-bench");
    Path file = folder.resolve(Journal.FILE_NAME);
    PipelineSettings settings = PipelineSettings.defaults(ReferenceLoad.GRID);
    try (Journal journal =
            Journal.create(
                file,
                JournalOptions.defaults(true, ReferenceLoad.GRID.cellsPerBelt()),
                new JournalMetadata("benchmark", "", "", "", 70, Instant.now()),
                NanoClock.SYSTEM);
        Pipeline off =
            PipelineAssembly.assemble(
                settings, NanoClock.SYSTEM, GaitSettings.defaults(), ReferenceLoad.GRID);
        Pipeline on =
            PipelineAssembly.assemble(
                settings,
                NanoClock.SYSTEM,
                GaitSettings.defaults(),
                ReferenceLoad.GRID,
                CopListener.NONE,
                journal.stage())) {
      journal.start();
      off.start();
      on.start();
      Alternation alternation = new Alternation(load, off, on, durationNs, segmentNs);
      alternation.run();
      off.stop(2_000);
      on.stop(2_000);
      alternation.accumulate();
      out.printf(
          "reference load %d s in %d s turns: 128x56 @ %d Hz + load cell @ %d Hz, %s, %d cores%n",
          durationNs / NS_PER_S,
          segmentNs / NS_PER_S,
          ReferenceLoad.FRAME_RATE_HZ,
          ReferenceLoad.LOAD_RATE_HZ,
          settings.threading(),
          Runtime.getRuntime().availableProcessors());
      out.printf(
          "%-44s %7s %9s %9s %9s %9s%n",
          "from host arrival (µs)", "count", "p50", "p99", "p99.9", "max");
      print(out, "journal off: frame -> step record", alternation.offSteps);
      print(out, "journal on:  frame -> step record", alternation.onSteps);
      print(out, "journal off: frame -> gait path done", alternation.offFrames);
      print(out, "journal on:  frame -> gait path done", alternation.onFrames);
      journal.close();
      out.printf(
          "journal: %d records, %d bytes (%.0f kB/s), lost %d, write errors %d; dropped off %d,"
              + " on %d%n",
          journal.counters().recordsWritten(),
          Files.size(file),
          Files.size(file) / (durationNs / 2.0 / NS_PER_S) / 1e3,
          journal.counters().ringRecordsLost() + journal.counters().sinkRecordsLost(),
          journal.counters().writeErrors(),
          off.counters().get(PipelineCounter.EVENTS_DROPPED_RING_FULL),
          on.counters().get(PipelineCounter.EVENTS_DROPPED_RING_FULL));
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(folder);
    }
  }

  /** Publishes the reference load in real time into one pipeline, then the other, in turns. */
  private static final class Alternation {
    final ReferenceLoad load;
    final Pipeline off;
    final Pipeline on;
    final long durationNs;
    final long segmentNs;
    final Histogram offSteps;
    final Histogram onSteps;
    final Histogram offFrames;
    final Histogram onFrames;
    final ReferenceLoad.Sink offSink;
    final ReferenceLoad.Sink onSink;

    Alternation(ReferenceLoad load, Pipeline off, Pipeline on, long durationNs, long segmentNs) {
      this.load = load;
      this.off = off;
      this.on = on;
      this.durationNs = durationNs;
      this.segmentNs = segmentNs;
      offSteps = off.latency().stepRecord().newAccumulator();
      onSteps = on.latency().stepRecord().newAccumulator();
      offFrames = off.latency().stage(StageId.STEP_PUBLICATION).newAccumulator();
      onFrames = on.latency().stage(StageId.STEP_PUBLICATION).newAccumulator();
      offSink = LatencyHarness.publishingSink(off.publisher());
      onSink = LatencyHarness.publishingSink(on.publisher());
    }

    /** One thread publishes both streams on schedule: a frame every 3.33 ms, a sample every ms. */
    void run() throws InterruptedException {
      long startNs = System.nanoTime() + 10_000_000;
      long endNs = startNs + durationNs;
      long framePeriodNs = NS_PER_S / ReferenceLoad.FRAME_RATE_HZ;
      long samplePeriodNs = NS_PER_S / ReferenceLoad.LOAD_RATE_HZ;
      long nextFrameNs = startNs;
      long nextSampleNs = startNs;
      long nextAccumulateNs = startNs;
      while (true) {
        long nowNs = System.nanoTime();
        if (nowNs - endNs >= 0) {
          return;
        }
        boolean journalOn = ((nowNs - startNs) / segmentNs) % 2 == 1;
        ReferenceLoad.Sink sink = journalOn ? onSink : offSink;
        if (nowNs - nextSampleNs >= 0) {
          load.emitLoadSample(sink, nowNs);
          nextSampleNs += samplePeriodNs;
        }
        if (nowNs - nextFrameNs >= 0) {
          load.emitFrame(sink, nowNs);
          nextFrameNs += framePeriodNs;
        }
        if (nowNs - nextAccumulateNs >= 0) {
          accumulate();
          nextAccumulateNs += 200_000_000L;
        }
        long waitNs = Math.min(nextFrameNs, nextSampleNs) - System.nanoTime();
        if (waitNs > 0) {
          LockSupport.parkNanos(waitNs);
        }
      }
    }

    void accumulate() {
      offSteps.add(off.latency().stepRecord().intervalHistogram(null));
      onSteps.add(on.latency().stepRecord().intervalHistogram(null));
      offFrames.add(off.latency().stage(StageId.STEP_PUBLICATION).intervalHistogram(null));
      onFrames.add(on.latency().stage(StageId.STEP_PUBLICATION).intervalHistogram(null));
    }
  }

  private static void print(PrintStream out, String name, Histogram h) {
    out.printf(
        "%-44s %7d %9.1f %9.1f %9.1f %9.1f%n",
        name,
        h.getTotalCount(),
        h.getValueAtPercentile(50) / 1e3,
        h.getValueAtPercentile(99) / 1e3,
        h.getValueAtPercentile(99.9) / 1e3,
        h.getMaxValue() / 1e3);
  }
}
