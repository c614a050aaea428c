package org.gaitctl.session;

import org.gaitctl.config.SafetyLimits;
import org.gaitctl.core.port.BwsPort;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.CommandResult;

/**
 * Brings the BWS unit from the state it is measured in (which a previous session may have left:
 * HOLD after a safe stop, force control on or off, any tension) into the state this session needs,
 * and checks that the unit is in it before anything moves.
 *
 * <ul>
 *   <li>Someone may hang in the harness (tension above {@code harnessSlackN}) or the session wants
 *       unloading: force control takes over at the measured tension (FORCE_SET = measured, ENABLE),
 *       and only then is HOLD released, so the cable neither drops nor jerks. The take-up ramp then
 *       moves the unloading to the session's target.
 *   <li>The harness is slack and the session wants no unloading: force control off and HOLD
 *       released, the cable free.
 * </ul>
 *
 * HOLD is released only here, after the supervisor's pre-start checks passed, and deliberately.
 *
 * <p>Session thread only; blocks on the BWS port for a few request timeouts at most.
 */
final class HarnessPreparation {

  /**
   * What the preparation found and did.
   *
   * @param refusal why the session may not go on, or null
   * @param forceControl whether force control is on now
   * @param measuredForceN the unit's force when the preparation began, N
   */
  record Prepared(String refusal, boolean forceControl, double measuredForceN) {}

  private final BwsPort bws;
  private final SafetyLimits limits;
  private final double takeUpRateNPerS;
  private final double harnessSlackN;

  HarnessPreparation(
      BwsPort gatedBws, SafetyLimits limits, double takeUpRateNPerS, double harnessSlackN) {
    this.bws = gatedBws;
    this.limits = limits;
    this.takeUpRateNPerS = takeUpRateNPerS;
    this.harnessSlackN = harnessSlackN;
  }

  /** From the unit's state {@code measured} just now, into the state for {@code targetN}. */
  Prepared prepare(BwsStatus measured, double targetN) {
    if (!measured.result().isOk()) {
      return refused("BWS: status unreadable (" + measured.result() + ")", measured);
    }
    boolean forceControl = targetN > 0 || measured.forceN() > harnessSlackN;
    String failed =
        forceControl
            ? engageForceControl(measured.forceN())
            : command("HOLD off", bws.setHold(false));
    if (failed == null && !forceControl) {
      failed = command("ENABLE off", bws.setEnabled(false));
    }
    if (failed != null) {
      return refused(failed, measured);
    }
    String unintended = checkState(bws.readStatus(), forceControl);
    return unintended == null
        ? new Prepared(null, forceControl, measured.forceN())
        : refused(unintended, measured);
  }

  /**
   * Why the harness is not in the state a running belt needs (HOLD released, force control as
   * intended, no fault), or null.
   */
  static String checkState(BwsStatus status, boolean forceControl) {
    if (!status.result().isOk()) {
      return "BWS: status unreadable (" + status.result() + ")";
    }
    if (status.holding()) {
      return "the BWS unit still holds the harness (HOLD) after it was released";
    }
    if (status.fault()) {
      return "the BWS unit reports fault " + status.faultCode();
    }
    if (status.enabled() != forceControl) {
      return "BWS force control is "
          + (status.enabled() ? "on" : "off")
          + " where it must be "
          + (forceControl ? "on" : "off");
    }
    return null;
  }

  /** Force control takes the measured tension over, then the brake is released. */
  private String engageForceControl(double measuredN) {
    double rate = Math.min(takeUpRateNPerS, limits.maxForceRateNPerS());
    double holdN = Math.max(limits.minUnloadingN(), Math.min(measuredN, limits.maxUnloadingN()));
    String failed = command("FORCE_RATE " + rate, bws.setForceRate(rate));
    if (failed == null) {
      failed = command("FORCE_SET " + holdN, bws.setForce(holdN));
    }
    if (failed == null) {
      failed = command("ENABLE", bws.setEnabled(true));
    }
    if (failed == null) {
      failed = command("HOLD off", bws.setHold(false));
    }
    return failed;
  }

  private static String command(String what, CommandResult result) {
    return result.isOk() ? null : "BWS: " + what + " -> " + result;
  }

  private static Prepared refused(String why, BwsStatus measured) {
    return new Prepared(why, false, measured.result().isOk() ? measured.forceN() : Double.NaN);
  }
}
