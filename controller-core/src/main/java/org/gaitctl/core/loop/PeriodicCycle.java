package org.gaitctl.core.loop;

/**
 * The body of a periodic loop (supervisor, status pollers, simulation world), run once per period
 * by a {@link PeriodicAgent} on its thread, or stepped by hand in tests with the cycle's time
 * passed in.
 */
public interface PeriodicCycle {

  /**
   * One cycle. Called on the loop's own thread only.
   *
   * @param nowNs the clock read once at the start of the cycle
   */
  void doWork(long nowNs);

  /**
   * Called on the loop's thread when {@link #doWork} threw, so the owner can put itself in its safe
   * state. Must not throw.
   */
  void onCycleError(Throwable error);

  /** Name for the thread, the counters and messages. */
  String roleName();
}
