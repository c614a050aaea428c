package org.gaitctl.safety;

/**
 * States of the {@link SafetyStateMachine}.
 *
 * <pre>
 *          start (no cause present, watchdogs armed)
 *   IDLE ─────────────────────────────────────────▶ RUNNING
 *    ▲                                                 │ any fault
 *    │ acknowledge (no cause present)                  ▼
 *   SAFE_STOP_LATCHED ◀──── belt at rest or ──────── STOPPING
 *                           stop deadline passed
 * </pre>
 */
public enum SafetyState {
  /** Not supervising a session: the belt must not run; a start is needed to arm. */
  IDLE,
  /** Armed and supervising: device watchdogs armed and fed, every check passing. */
  RUNNING,
  /** A fault was raised: the safe stop was commanded and the belt is coming to rest. */
  STOPPING,
  /** The belt was stopped for a fault; the fault stays latched until acknowledged. */
  SAFE_STOP_LATCHED
}
