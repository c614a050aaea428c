package org.gaitctl.app;

import org.gaitctl.core.port.CommandResult;
import org.gaitctl.safety.FaultRecord;
import org.gaitctl.safety.SafeStopOutcome;

/**
 * A safe stop in plain words for the terminal, e.g. "Belt stopped (controlled), harness holding.
 * Cause: F04 fall sign: ...". The records' own {@code toString} stays for the log.
 */
final class StopOutcomeText {

  private StopOutcomeText() {}

  /**
   * What the stop did to the belt and the harness, each command that did not succeed, and the fault
   * that caused it.
   *
   * @param outcome the supervisor's last safe stop; null when none was recorded
   * @param cause the first fault; null when none was recorded
   */
  static String describe(SafeStopOutcome outcome, FaultRecord cause) {
    StringBuilder text = new StringBuilder();
    if (outcome == null) {
      text.append("No safe stop was recorded.");
    } else {
      text.append(belt(outcome)).append(", ").append(harness(outcome)).append('.');
      for (SafeStopOutcome.Step step : outcome.steps()) {
        if (step.result() != CommandResult.OK) {
          text.append(" Failed: ")
              .append(step.command())
              .append(" answered ")
              .append(step.result())
              .append(step.attempts() == 1 ? "" : " after " + step.attempts() + " attempts")
              .append('.');
        }
      }
    }
    text.append(" Cause: ").append(cause == null ? "not recorded" : cause.toString());
    return endSentence(text).toString();
  }

  private static String belt(SafeStopOutcome outcome) {
    String how = outcome.quickStopUsed() ? "quick stop" : "controlled";
    if (!outcome.beltStopCommanded()) {
      return "Belt stop NOT accepted by the drive (" + how + ")";
    }
    return outcome.beltAtRest()
        ? "Belt stopped (" + how + ")"
        : "Belt stop commanded (" + how + ") but NOT seen at rest";
  }

  private static String harness(SafeStopOutcome outcome) {
    return outcome.holdCommanded()
        ? "harness holding"
        : "harness hold NOT accepted by the BWS unit";
  }

  private static StringBuilder endSentence(StringBuilder text) {
    char last = text.charAt(text.length() - 1);
    return last == '.' ? text : text.append('.');
  }
}
