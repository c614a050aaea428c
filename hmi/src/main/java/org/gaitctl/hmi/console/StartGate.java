package org.gaitctl.hmi.console;

import java.util.List;
import java.util.Optional;
import org.gaitctl.session.checks.CheckState;
import org.gaitctl.session.checks.PreSessionCheck;

/**
 * Whether the setup view's Start is enabled, and if not, the first reason, as shown beside it. The
 * supervisor and the session check again on start; this only keeps a button from offering what they
 * would refuse.
 */
public final class StartGate {

  private StartGate() {}

  /**
   * @param patient the patient fields
   * @param protocolProblem why the chosen protocol cannot run for this patient; empty when it can
   * @param checks the pre-session check list as it stands
   * @param faultLatched a fault is latched and not yet acknowledged
   * @param runActive a protocol run has not ended yet
   * @return the reason Start is disabled; empty when it is enabled
   */
  public static Optional<String> refusal(
      PatientEntry patient,
      Optional<String> protocolProblem,
      List<PreSessionCheck> checks,
      boolean faultLatched,
      boolean runActive) {
    if (runActive) {
      return Optional.of("A session is running");
    }
    if (faultLatched) {
      return Optional.of("A fault is latched: acknowledge it first");
    }
    if (patient.problem().isPresent()) {
      return patient.problem();
    }
    if (protocolProblem.isPresent()) {
      return protocolProblem;
    }
    if (checks.isEmpty()) {
      return Optional.of("Pre-session checks have not run");
    }
    for (PreSessionCheck check : checks) {
      if (check.state() == CheckState.FAILED) {
        return Optional.of("Check failed: " + check.name());
      }
      if (check.state() == CheckState.PENDING) {
        return Optional.of("Check running: " + check.name());
      }
    }
    return Optional.empty();
  }
}
