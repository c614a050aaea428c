package org.gaitctl.safety;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.gaitctl.core.time.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link CycleAgent} at a fixed rate on its own daemon thread, reading the clock once per
 * cycle. A cycle that throws is reported to {@link CycleAgent#onCycleError} and the schedule goes
 * on (a {@link ScheduledExecutorService} would otherwise cancel it silently).
 */
public final class PeriodicRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PeriodicRunner.class);

  private final CycleAgent agent;
  private final ScheduledExecutorService executor;
  private final AtomicLong cycleErrors = new AtomicLong();

  private PeriodicRunner(CycleAgent agent, NanoClock clock, long periodNs) {
    this.agent = agent;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "gaitctl-" + agent.roleName());
              thread.setDaemon(true);
              thread.setPriority(Thread.MAX_PRIORITY);
              return thread;
            });
    executor.scheduleAtFixedRate(() -> runCycle(clock), 0, periodNs, TimeUnit.NANOSECONDS);
  }

  /** Starts {@code agent} now, then every {@code periodNs}. */
  public static PeriodicRunner start(CycleAgent agent, NanoClock clock, long periodNs) {
    if (periodNs <= 0) {
      throw new IllegalArgumentException("periodNs must be > 0: " + periodNs);
    }
    return new PeriodicRunner(agent, clock, periodNs);
  }

  private void runCycle(NanoClock clock) {
    try {
      agent.doWork(clock.nanoTime());
    } catch (Throwable error) {
      cycleErrors.incrementAndGet();
      agent.onCycleError(error);
    }
  }

  /** Cycles that threw, any thread. */
  public long cycleErrors() {
    return cycleErrors.get();
  }

  /** Stops the schedule and waits up to {@code timeoutMs} for a running cycle to end. */
  public boolean stop(long timeoutMs) {
    executor.shutdown();
    try {
      boolean stopped = executor.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS);
      if (!stopped) {
        LOG.error("{} did not stop within {} ms", agent.roleName(), timeoutMs);
      }
      return stopped;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.error("interrupted while stopping {}", agent.roleName());
      return false;
    }
  }

  @Override
  public void close() {
    stop(2_000);
  }
}
