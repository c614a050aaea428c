package org.gaitctl.bench;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.gaitctl.core.pipeline.LatencyRecorder;
import org.gaitctl.core.pipeline.Pipeline;
import org.gaitctl.core.pipeline.PipelineCounter;
import org.gaitctl.core.pipeline.RingPublisher;
import org.gaitctl.core.pipeline.StageId;
import org.gaitctl.core.pipeline.StageThreading;
import org.gaitctl.core.pipeline.WaitStrategyKind;

/**
 * Runs the reference load through the pipeline in real time and prints latency percentiles per
 * stage and end to end. Two producer threads, as in the live system: the belt reader publishes a
 * frame every 3.33 ms, the load-cell reader a sample every 1 ms; each stamps its host arrival time
 * just before publishing. Latencies come from the pipeline's own HdrHistogram recorders, read as
 * interval histograms while it runs.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.gaitctl.bench.LatencyHarness \
 *     [--duration-s 300] [--threading SINGLE_THREAD|THREAD_PER_STAGE] \
 *     [--wait BLOCKING|SLEEPING|YIELDING|BUSY_SPIN]
 * </pre>
 */
public final class LatencyHarness {

  private static final long NS_PER_S = 1_000_000_000L;

  private final Pipeline pipeline;
  private final ReferenceLoad load;
  private final long durationNs;
  private final Map<StageId, Histogram> stageTotals = new EnumMap<>(StageId.class);
  private final Histogram stepRecordTotal;
  private final ReferenceLoad.Sink sink;
  private volatile boolean running = true;

  public LatencyHarness(
      ReferenceLoad load, StageThreading threading, WaitStrategyKind wait, long durationNs) {
    this.load = load;
    this.durationNs = durationNs;
    this.pipeline = ReferenceLoad.pipeline(threading, wait);
    for (StageId stage : StageId.values()) {
      stageTotals.put(stage, pipeline.latency().stage(stage).newAccumulator());
    }
    stepRecordTotal = pipeline.latency().stepRecord().newAccumulator();
    sink = publishingSink(pipeline.publisher());
  }

  /** Publishes the reference load into the ring, as the belt and load-cell readers do. */
  static ReferenceLoad.Sink publishingSink(RingPublisher publisher) {
    return new ReferenceLoad.Sink() {
      @Override
      public void frame(long arrivalNs, long seq, long deviceTimeUs, ByteBuffer cells) {
        publisher.onPressureFrame(
            arrivalNs,
            seq,
            deviceTimeUs,
            0,
            ReferenceLoad.GEOMETRY.rows(),
            ReferenceLoad.GEOMETRY.cols(),
            cells);
      }

      @Override
      public void loadSample(long arrivalNs, long seq, long deviceTimeUs, int forceCn) {
        publisher.onLoadSample(arrivalNs, seq, deviceTimeUs, forceCn, 0);
      }
    };
  }

  public static void main(String[] args) throws InterruptedException {
    long durationS = 300;
    StageThreading threading = StageThreading.SINGLE_THREAD;
    WaitStrategyKind wait = WaitStrategyKind.BLOCKING;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--duration-s" -> durationS = Long.parseLong(args[++i]);
        case "--threading" -> threading = StageThreading.valueOf(args[++i]);
        case "--wait" -> wait = WaitStrategyKind.valueOf(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "unknown option " + args[i] + "; use --duration-s N, --threading T, --wait W");
      }
    }
    LatencyHarness harness =
        new LatencyHarness(new ReferenceLoad(6), threading, wait, durationS * NS_PER_S);
    harness.run(System.out);
  }

  /**
   * Runs for the configured duration, printing progress every 30 s and the totals at the end.
   *
   * @return the pipeline, stopped, for its counters and faults
   */
  public Pipeline run(PrintStream out) throws InterruptedException {
    out.printf(
        "reference load %d s: 128x56 @ %d Hz + load cell @ %d Hz, %s, %s, %d cores%n",
        durationNs / NS_PER_S,
        ReferenceLoad.FRAME_RATE_HZ,
        ReferenceLoad.LOAD_RATE_HZ,
        pipeline.settings().threading(),
        pipeline.settings().waitStrategy(),
        Runtime.getRuntime().availableProcessors());
    pipeline.start();
    long startNs = System.nanoTime() + 10_000_000;
    Thread frames =
        producer(
            "belt-reader",
            startNs,
            NS_PER_S / ReferenceLoad.FRAME_RATE_HZ,
            () -> load.emitFrame(sink, System.nanoTime()));
    Thread samples =
        producer(
            "load-cell-reader",
            startNs,
            NS_PER_S / ReferenceLoad.LOAD_RATE_HZ,
            () -> load.emitLoadSample(sink, System.nanoTime()));
    long endNs = startNs + durationNs;
    long nextReportNs = startNs + 30 * NS_PER_S;
    while (System.nanoTime() - endNs < 0) {
      Thread.sleep(200);
      accumulate();
      if (System.nanoTime() - nextReportNs >= 0) {
        out.printf(
            "  %3d s: frames %d, load samples %d, steps %d, dropped %d%n",
            (System.nanoTime() - startNs) / NS_PER_S,
            pipeline.counters().get(PipelineCounter.PRESSURE_FRAMES),
            pipeline.counters().get(PipelineCounter.LOAD_SAMPLES),
            pipeline.counters().get(PipelineCounter.STEPS),
            pipeline.counters().get(PipelineCounter.EVENTS_DROPPED_RING_FULL));
        nextReportNs += 30 * NS_PER_S;
      }
    }
    running = false;
    frames.join();
    samples.join();
    pipeline.stop(2_000);
    accumulate();
    report(out);
    return pipeline;
  }

  /** Accumulated latency of {@code stage} over the run. */
  public Histogram stageTotal(StageId stage) {
    return stageTotals.get(stage);
  }

  /** Accumulated frame-to-step-record latency over the run. */
  public Histogram stepRecordTotal() {
    return stepRecordTotal;
  }

  private Thread producer(String name, long startNs, long periodNs, Runnable publish) {
    Thread thread =
        new Thread(
            () -> {
              long nextNs = startNs;
              while (running) {
                long waitNs = nextNs - System.nanoTime();
                if (waitNs > 0) {
                  LockSupport.parkNanos(waitNs);
                  continue;
                }
                publish.run();
                nextNs += periodNs;
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private void accumulate() {
    for (StageId stage : StageId.values()) {
      LatencyRecorder recorder = pipeline.latency().stage(stage);
      stageTotals.get(stage).add(recorder.intervalHistogram(null));
    }
    stepRecordTotal.add(pipeline.latency().stepRecord().intervalHistogram(null));
  }

  private void report(PrintStream out) {
    out.printf(
        "counters: frames %d, load samples %d, steps %d, dropped %d, stage exceptions %d,"
            + " longest gait analysis of one frame %.3f ms%n",
        pipeline.counters().get(PipelineCounter.PRESSURE_FRAMES),
        pipeline.counters().get(PipelineCounter.LOAD_SAMPLES),
        pipeline.counters().get(PipelineCounter.STEPS),
        pipeline.counters().get(PipelineCounter.EVENTS_DROPPED_RING_FULL),
        pipeline.counters().get(PipelineCounter.STAGE_EXCEPTIONS),
        pipeline.counters().maxStageTimeNs(StageId.GAIT_ANALYSIS) / 1e6);
    out.printf(
        "%-52s %9s %9s %9s %9s %9s%n",
        "latency from host arrival (µs)", "count", "p50", "p99", "p99.9", "max");
    for (StageId stage : StageId.values()) {
      print(out, pipeline.latency().stage(stage).name(), stageTotals.get(stage));
    }
    print(out, pipeline.latency().stepRecord().name(), stepRecordTotal);
  }

  private static void print(PrintStream out, String name, Histogram h) {
    out.printf(
        "%-52s %9d %9.1f %9.1f %9.1f %9.1f%n",
        name,
        h.getTotalCount(),
        h.getValueAtPercentile(50) / 1e3,
        h.getValueAtPercentile(99) / 1e3,
        h.getValueAtPercentile(99.9) / 1e3,
        h.getMaxValue() / 1e3);
  }
}
