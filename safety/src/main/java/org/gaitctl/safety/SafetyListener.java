package org.gaitctl.safety;

/**
 * Told what the supervisor does: for the CLI's messages and, later, the console's alarms.
 *
 * <p>Called on the supervisor's thread. Implementations must return quickly and must not call back
 * into the supervisor's blocking paths; an exception thrown here is counted ({@link
 * SupervisorCounters#listenerErrors()}) and logged, and supervision goes on.
 */
public interface SafetyListener {

  /** The safety state changed. */
  default void onStateChanged(SafetyState from, SafetyState to, long nowNs) {}

  /**
   * A fault appeared (counted only outside IDLE).
   *
   * @param first whether it is the fault that stopped the session
   */
  default void onFault(FaultRecord fault, boolean first) {}

  /** A safe stop finished (belt at rest, or its deadline passed). */
  default void onSafeStopCompleted(SafeStopOutcome outcome) {}
}
