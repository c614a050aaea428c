package org.gaitctl.hmi.feedback;

import java.util.function.BooleanSupplier;

/** Waits for another thread's work without asserting how long it takes. */
final class Await {

  /** Far above any wait on a loaded machine: only a hang reaches it. */
  static final long TIMEOUT_MS = 20_000;

  private Await() {}

  static boolean until(BooleanSupplier condition) throws InterruptedException {
    long deadlineNs = System.nanoTime() + TIMEOUT_MS * 1_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadlineNs > 0) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }
}
