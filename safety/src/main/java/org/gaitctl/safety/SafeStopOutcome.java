package org.gaitctl.safety;

import java.util.List;
import org.gaitctl.core.port.CommandResult;

/**
 * What a safe stop did, step by step, and whether the belt was seen at rest afterwards.
 *
 * @param requested the reaction asked for
 * @param steps every command sent, in order, with its final result and attempts
 * @param beltStopCommanded the drive accepted a controlled stop or a quick stop
 * @param quickStopUsed the drive's quick stop was commanded (asked for, fallen back to, or
 *     escalated to)
 * @param holdCommanded the BWS unit accepted HOLD
 * @param startedNs supervisor time the stop began
 * @param finishedNs supervisor time the stop ended (belt at rest or deadline passed); equals the
 *     time the commands were done until the stop is completed
 * @param beltAtRest the drive reported the belt at rest before the deadline
 */
public record SafeStopOutcome(
    Reaction requested,
    List<Step> steps,
    boolean beltStopCommanded,
    boolean quickStopUsed,
    boolean holdCommanded,
    long startedNs,
    long finishedNs,
    boolean beltAtRest) {

  /**
   * One command of the sequence.
   *
   * @param command e.g. {@code "drive.setSpeed(0)"}
   * @param result the last attempt's result
   * @param attempts how many times it was sent
   */
  public record Step(String command, CommandResult result, int attempts) {}

  public SafeStopOutcome {
    steps = List.copyOf(steps);
  }

  /** This outcome with the escalation steps added (a quick stop after a ramp that did not end). */
  SafeStopOutcome withEscalation(Step quickStop) {
    List<Step> all = new java.util.ArrayList<>(steps);
    all.add(quickStop);
    return new SafeStopOutcome(
        requested,
        all,
        beltStopCommanded || quickStop.result().isOk(),
        true,
        holdCommanded,
        startedNs,
        finishedNs,
        beltAtRest);
  }

  /** This outcome at the end of the stop. */
  SafeStopOutcome completed(long nowNs, boolean atRest) {
    return new SafeStopOutcome(
        requested,
        steps,
        beltStopCommanded,
        quickStopUsed,
        holdCommanded,
        startedNs,
        nowNs,
        atRest);
  }
}
