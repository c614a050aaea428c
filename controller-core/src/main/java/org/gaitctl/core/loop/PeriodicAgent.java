package org.gaitctl.core.loop;

import org.agrona.concurrent.Agent;
import org.gaitctl.core.counters.CounterSet;
import org.gaitctl.core.time.NanoClock;

/**
 * Adapts a {@link PeriodicCycle} to Agrona's {@link Agent} with an explicit deadline loop: the
 * first {@link #doWork()} runs a cycle and sets the deadline; each later call runs one when the
 * deadline has come, then the next deadline is the previous one plus the period, so the rate does
 * not drift.
 *
 * <p>After a long cycle (or a stalled machine) it does not burst to catch up: when deadlines have
 * passed, one cycle runs at once (a late check beats a skipped one) and the other passed deadlines
 * are skipped and counted ({@link LoopCounter#SKIPPED_DEADLINES}); the schedule stays aligned to
 * the first deadline.
 *
 * <p>A cycle that throws is counted and handed to {@link PeriodicCycle#onCycleError}; the loop goes
 * on. Run it with {@link AgentThread} and a {@link DeadlineIdleStrategy} on {@link
 * #nextDeadlineNs()}, or call {@link #doWork()} by hand on a manual clock.
 */
public final class PeriodicAgent implements Agent {

  private final PeriodicCycle cycle;
  private final NanoClock clock;
  private final long periodNs;
  private final CounterSet<LoopCounter> counters;
  private boolean started;
  private volatile long nextDeadlineNs;

  public PeriodicAgent(PeriodicCycle cycle, NanoClock clock, long periodNs) {
    if (periodNs <= 0) {
      throw new IllegalArgumentException(cycle.roleName() + ": periodNs must be > 0: " + periodNs);
    }
    this.cycle = cycle;
    this.clock = clock;
    this.periodNs = periodNs;
    this.counters = new CounterSet<>(cycle.roleName() + ".loop", LoopCounter.class);
  }

  /** Runs the cycle if its deadline has come. Loop thread only. */
  @Override
  public int doWork() {
    long nowNs = clock.nanoTime();
    if (!started) {
      started = true;
      nextDeadlineNs = nowNs;
    }
    if (nowNs - nextDeadlineNs < 0) {
      return 0;
    }
    try {
      cycle.doWork(nowNs);
    } catch (Throwable error) {
      counters.incrementOrdered(LoopCounter.CYCLE_ERRORS);
      cycle.onCycleError(error);
    }
    counters.incrementOrdered(LoopCounter.CYCLES);
    long next = nextDeadlineNs + periodNs;
    long lateNs = clock.nanoTime() - next;
    if (lateNs >= periodNs) {
      long skipped = lateNs / periodNs;
      next += skipped * periodNs;
      counters.addOrdered(LoopCounter.SKIPPED_DEADLINES, skipped);
    }
    nextDeadlineNs = next;
    return 1;
  }

  /** When the next cycle is due on the agent's clock; any thread (its idle strategy reads it). */
  public long nextDeadlineNs() {
    return nextDeadlineNs;
  }

  public long periodNs() {
    return periodNs;
  }

  /** Cycles, skipped deadlines, cycle errors; any thread. */
  public CounterSet<LoopCounter> counters() {
    return counters;
  }

  @Override
  public String roleName() {
    return cycle.roleName();
  }
}
