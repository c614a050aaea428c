package org.gaitctl.session.checks;

/** Where one pre-session check stands. */
public enum CheckState {
  /** Not run yet, or running. */
  PENDING,
  /** Run, and the condition holds. */
  PASSED,
  /** Run, and the condition does not hold: motion is refused. */
  FAILED
}
