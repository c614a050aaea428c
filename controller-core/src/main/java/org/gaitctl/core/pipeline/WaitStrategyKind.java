package org.gaitctl.core.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/** How an idle ring thread waits for the next event. */
public enum WaitStrategyKind {
  /** Parks on a monitor and is woken by the producer: no CPU when idle, a wake-up per event. */
  BLOCKING(false),
  /** Spins, yields, then sleeps 100 µs at a time: little CPU, adds up to ~0.1 ms of latency. */
  SLEEPING(false),
  /** Spins then yields: lowest latency short of busy spin; burns a core per thread. */
  YIELDING(true),
  /** Spins: needs a core per ring thread that nothing else uses. */
  BUSY_SPIN(true);

  private final boolean needsDedicatedCore;

  WaitStrategyKind(boolean needsDedicatedCore) {
    this.needsDedicatedCore = needsDedicatedCore;
  }

  /** True when each ring thread occupies a whole core even while the ring is idle. */
  public boolean needsDedicatedCore() {
    return needsDedicatedCore;
  }

  WaitStrategy create() {
    return switch (this) {
      case BLOCKING -> new BlockingWaitStrategy();
      case SLEEPING -> new SleepingWaitStrategy();
      case YIELDING -> new YieldingWaitStrategy();
      case BUSY_SPIN -> new BusySpinWaitStrategy();
    };
  }
}
