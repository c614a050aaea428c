package org.gaitctl.core.command;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.gaitctl.core.counters.CounterGroup;

/**
 * What the {@link CommandGate} passed and refused. Written by the gate's caller, readable from any
 * thread (console, status report) without locks; a {@link CounterGroup} named {@code command-gate}
 * ({@code passed}, {@code safe_again}, then {@code refused_} and each {@link Refusal}).
 */
public final class GateCounters implements CounterGroup {

  private final AtomicLong passed = new AtomicLong();
  private final AtomicLong safeAgain = new AtomicLong();
  private final AtomicLongArray refused = new AtomicLongArray(Refusal.COUNT);
  private volatile String lastRefusal = "";

  /** Commands the gate passed on to a device. */
  public long passed() {
    return passed.get();
  }

  /**
   * Safe counterparts commanded after a motion command passed as the supervisor withdrew its permit
   * ({@link MotionPermit}): each is a race the gate closed.
   */
  public long safeAgain() {
    return safeAgain.get();
  }

  /** Commands refused for {@code reason}. */
  public long refused(Refusal reason) {
    return refused.get(reason.ordinal());
  }

  /** Commands refused for any reason. */
  public long refusedTotal() {
    long total = 0;
    for (int i = 0; i < Refusal.COUNT; i++) {
      total += refused.get(i);
    }
    return total;
  }

  /** The last refusal in words ("drive.setSpeed(3.0): outside the limits [0, 2.0] m/s"). */
  public String lastRefusal() {
    return lastRefusal;
  }

  @Override
  public String name() {
    return "command-gate";
  }

  @Override
  public int size() {
    return 2 + Refusal.COUNT;
  }

  @Override
  public String label(int index) {
    return switch (index) {
      case 0 -> "passed";
      case 1 -> "safe_again";
      default -> "refused_" + Refusal.values()[index - 2].name().toLowerCase(Locale.ROOT);
    };
  }

  @Override
  public long value(int index) {
    return switch (index) {
      case 0 -> passed();
      case 1 -> safeAgain();
      default -> refused(Refusal.values()[index - 2]);
    };
  }

  void countPassed() {
    passed.incrementAndGet();
  }

  void countSafeAgain() {
    safeAgain.incrementAndGet();
  }

  void countRefused(Refusal reason, String text) {
    refused.incrementAndGet(reason.ordinal());
    lastRefusal = text;
  }
}
