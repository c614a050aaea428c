package org.gaitctl.session.checks;

import java.util.Objects;

/**
 * One condition that must hold before the belt may move (devices reachable, watchdogs armed and
 * read back, e-stop chain closed, load cell tared and plausible, ...), as shown to the operator.
 *
 * @param name what is checked, for the operator ("Drive reachable")
 * @param state where the check stands
 * @param reason what was measured or why it failed; empty while pending
 */
public record PreSessionCheck(String name, CheckState state, String reason) {

  public PreSessionCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reason, "reason");
  }

  public static PreSessionCheck pending(String name) {
    return new PreSessionCheck(name, CheckState.PENDING, "");
  }

  public static PreSessionCheck passed(String name, String measured) {
    return new PreSessionCheck(name, CheckState.PASSED, measured);
  }

  public static PreSessionCheck failed(String name, String reason) {
    return new PreSessionCheck(name, CheckState.FAILED, reason);
  }

  public boolean passed() {
    return state == CheckState.PASSED;
  }
}
