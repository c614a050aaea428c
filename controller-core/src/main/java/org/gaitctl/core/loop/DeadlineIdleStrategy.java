package org.gaitctl.core.loop;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.agrona.concurrent.IdleStrategy;
import org.gaitctl.core.time.NanoClock;

/**
 * Parks an idle agent until its next deadline, in slices of at most {@code maxParkNs} (so an agent
 * that also reacts to input, like an emulator answering commands, stays responsive). No spinning:
 * an idle loop costs no core.
 */
public final class DeadlineIdleStrategy implements IdleStrategy {

  private final NanoClock clock;
  private final LongSupplier nextDeadlineNs;
  private final long maxParkNs;

  /**
   * @param clock the agent's clock, on which the deadline is given
   * @param nextDeadlineNs the agent's next deadline, read on its thread
   * @param maxParkNs longest single park, > 0
   */
  public DeadlineIdleStrategy(NanoClock clock, LongSupplier nextDeadlineNs, long maxParkNs) {
    if (maxParkNs <= 0) {
      throw new IllegalArgumentException("maxParkNs must be > 0: " + maxParkNs);
    }
    this.clock = clock;
    this.nextDeadlineNs = nextDeadlineNs;
    this.maxParkNs = maxParkNs;
  }

  /** For a {@link PeriodicAgent}: parks up to a period at a time. */
  public static DeadlineIdleStrategy forPeriodic(PeriodicAgent agent, NanoClock clock) {
    return new DeadlineIdleStrategy(clock, agent::nextDeadlineNs, agent.periodNs());
  }

  @Override
  public void idle(int workCount) {
    if (workCount <= 0) {
      idle();
    }
  }

  @Override
  public void idle() {
    long waitNs = nextDeadlineNs.getAsLong() - clock.nanoTime();
    if (waitNs > 0) {
      LockSupport.parkNanos(this, Math.min(waitNs, maxParkNs));
    }
  }

  @Override
  public void reset() {
    // Stateless: every idle period is computed afresh from the deadline.
  }

  @Override
  public String alias() {
    return "deadline";
  }
}
