package org.gaitctl.safety;

/**
 * A loop body run once per period by a {@link PeriodicRunner}, or stepped by hand in tests (the
 * Agrona {@code Agent} idea with the cycle's time passed in).
 */
public interface CycleAgent {

  /**
   * One cycle. Called on the agent's own thread only.
   *
   * @param nowNs the clock read once at the start of the cycle
   */
  void doWork(long nowNs);

  /**
   * Called on the agent's thread when {@link #doWork} threw, so the agent can put itself in its
   * safe state. Must not throw.
   */
  void onCycleError(Throwable error);

  /** Name for the thread and for messages. */
  String roleName();
}
