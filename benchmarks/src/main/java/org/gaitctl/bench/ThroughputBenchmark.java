package org.gaitctl.bench;

import java.util.concurrent.TimeUnit;
import org.gaitctl.core.pipeline.StageThreading;
import org.gaitctl.core.pipeline.WaitStrategyKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Offline throughput on the reference load: one operation is one simulated second (300 frames of
 * 128 × 56 cells and 1000 load samples through every stage), so the score in ops/s is the multiple
 * of real time. {@code ring} drives the Disruptor pipeline; {@code queueHandOff} the same stages
 * behind an {@link java.util.concurrent.ArrayBlockingQueue}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ThroughputBenchmark {

  /** Rendered walk shared by both harnesses; built once per fork. */
  @State(Scope.Benchmark)
  public static class Load {
    ReferenceLoad load;

    @Setup(Level.Trial)
    public void render() {
      load = new ReferenceLoad(6);
    }
  }

  /** The Disruptor pipeline. */
  @State(Scope.Benchmark)
  public static class Ring {
    @Param({"THREAD_PER_STAGE", "SINGLE_THREAD"})
    StageThreading threading;

    @Param({"BLOCKING"})
    WaitStrategyKind waitStrategy;

    RingDriver driver;

    @Setup(Level.Trial)
    public void start(Load load) {
      driver = new RingDriver(load.load, threading, waitStrategy);
    }

    @TearDown(Level.Trial)
    public void stop() {
      driver.close();
    }
  }

  /** The same stages behind an ArrayBlockingQueue of the ring's size. */
  @State(Scope.Benchmark)
  public static class Queue {
    QueueHandOffDriver driver;

    @Setup(Level.Trial)
    public void start(Load load) {
      driver = new QueueHandOffDriver(load.load, 1024);
    }

    @TearDown(Level.Trial)
    public void stop() {
      driver.close();
    }
  }

  @Benchmark
  public long ring(Ring ring) {
    ring.driver.runSimulatedSecond();
    return ring.driver.steps();
  }

  @Benchmark
  public long queueHandOff(Queue queue) {
    queue.driver.runSimulatedSecond();
    return queue.driver.steps();
  }
}
