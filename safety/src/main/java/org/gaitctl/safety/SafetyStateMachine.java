package org.gaitctl.safety;

import java.util.Objects;

/**
 * The safety states and their transitions, as pure logic: no threads, no devices, no clock of its
 * own (callers pass the time). Not thread-safe: owned by the supervisor's thread.
 *
 * <p>Rules: any fault while {@link SafetyState#RUNNING} starts a safe stop and is recorded as the
 * first fault; faults after it are counted. The stop ends latched; the latch clears only on {@link
 * #acknowledge} with no cause present, and then only to {@link SafetyState#IDLE}: running again
 * needs an explicit {@link #start}.
 */
public final class SafetyStateMachine {

  /** What {@link #fault} did. */
  public enum FaultEffect {
    /** RUNNING → STOPPING: the caller must command the safe stop now. */
    SAFE_STOP_REQUIRED,
    /** Already stopping or latched: counted as a later fault. */
    COUNTED_AFTER_FIRST,
    /** IDLE: nothing runs, so nothing to stop; a present cause blocks the next start instead. */
    NOT_RUNNING
  }

  private SafetyState state = SafetyState.IDLE;
  private FaultRecord firstFault;
  private long laterFaults;
  private long stateSinceNs;

  public SafetyStateMachine(long nowNs) {
    this.stateSinceNs = nowNs;
  }

  public SafetyState state() {
    return state;
  }

  /** Supervisor time of the last transition. */
  public long stateSinceNs() {
    return stateSinceNs;
  }

  /** The fault that stopped the last session; kept until the next start. Null if none. */
  public FaultRecord firstFault() {
    return firstFault;
  }

  /** Faults raised after the first one, until the next start. */
  public long laterFaults() {
    return laterFaults;
  }

  /** IDLE → RUNNING when no cause is present ({@code presentCauses} is a fault mask). */
  public RequestOutcome start(long nowNs, long presentCauses) {
    if (state != SafetyState.IDLE) {
      return RequestOutcome.refused("cannot start in state " + state + refusalHint());
    }
    if (presentCauses != 0) {
      return RequestOutcome.refused("cause present: " + FaultCode.describe(presentCauses));
    }
    firstFault = null;
    laterFaults = 0;
    enter(SafetyState.RUNNING, nowNs);
    return RequestOutcome.accepted("running");
  }

  /** A fault was detected. */
  public FaultEffect fault(FaultRecord fault) {
    Objects.requireNonNull(fault, "fault");
    switch (state) {
      case RUNNING:
        firstFault = fault;
        enter(SafetyState.STOPPING, fault.timeNs());
        return FaultEffect.SAFE_STOP_REQUIRED;
      case STOPPING:
      case SAFE_STOP_LATCHED:
        laterFaults++;
        return FaultEffect.COUNTED_AFTER_FIRST;
      default:
        return FaultEffect.NOT_RUNNING;
    }
  }

  /** STOPPING → SAFE_STOP_LATCHED: the safe stop is over (belt at rest, or its deadline passed). */
  public void stopCompleted(long nowNs) {
    if (state != SafetyState.STOPPING) {
      throw new IllegalStateException("no safe stop in progress (state " + state + ")");
    }
    enter(SafetyState.SAFE_STOP_LATCHED, nowNs);
  }

  /**
   * SAFE_STOP_LATCHED → IDLE when none of the lasting causes in {@code presentCauses} remains;
   * refused with the causes named otherwise.
   */
  public RequestOutcome acknowledge(long nowNs, long presentCauses) {
    if (state != SafetyState.SAFE_STOP_LATCHED) {
      return RequestOutcome.refused("nothing to acknowledge in state " + state);
    }
    if (presentCauses != 0) {
      return RequestOutcome.refused("cause still present: " + FaultCode.describe(presentCauses));
    }
    enter(SafetyState.IDLE, nowNs);
    return RequestOutcome.accepted("acknowledged " + firstFault + "; start to run again");
  }

  private String refusalHint() {
    return state == SafetyState.SAFE_STOP_LATCHED || state == SafetyState.STOPPING
        ? ": fault latched (" + firstFault + "), acknowledge first"
        : "";
  }

  private void enter(SafetyState next, long nowNs) {
    state = next;
    stateSinceNs = nowNs;
  }
}
