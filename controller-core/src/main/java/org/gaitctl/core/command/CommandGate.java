package org.gaitctl.core.command;

import java.util.Objects;
import org.gaitctl.config.SafetyLimits;
import org.gaitctl.core.port.BwsPort;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.TreadmillDrivePort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gate every control command passes before it reaches a device port: it refuses a setpoint
 * that is not finite, lies outside the device profile's limits, or changes more than one command
 * may ({@link CommandLimits}), and counts and logs each refusal with its reason; a refused command
 * never reaches the wire ({@link CommandResult#REFUSED}). {@link #drive()} and {@link #bws()} are
 * the gated ports callers use instead of the drivers.
 *
 * <p>The safety supervisor's own stop commands do not pass here: they only ever slow the belt and
 * hold the harness, and a gate must never stand between a fault and the safe state.
 *
 * <p>Commands that can move the patient (belt speed above 0, RUN, acceleration, incline, unloading,
 * enable, HOLD off) pass only while the {@link MotionPermit} is granted, that is while the
 * supervisor runs a session. One that was on its way as the supervisor withdrew the permit is
 * followed by its safe counterpart (speed 0, RUN off, the stop's deceleration, HOLD on), so that
 * whatever order the two threads' commands reach the wire in, the stop has the last word.
 *
 * <p>Setpoint changes are judged against the last setpoint the gate passed. At the start of a
 * session the caller seeds them from the devices' measured state ({@link #seedSetpoints}), since
 * the supervisor may have moved them (a stop commands speed 0) without passing here.
 *
 * <p>Threads: one caller at a time (the session's command thread); counters from any thread. A
 * check neither blocks nor allocates; a refusal allocates its message.
 */
public final class CommandGate {

  private static final Logger LOG = LoggerFactory.getLogger(CommandGate.class);

  private final CommandLimits limits;
  private final MotionPermit permit;
  private final GateCounters counters = new GateCounters();
  private final TreadmillDrivePort drive;
  private final BwsPort bws;
  private double speedSetMps;
  private double rightSpeedSetMps;
  private double inclineSetPercent = Double.NaN;
  private double forceSetN = Double.NaN;

  /**
   * @param permit the safety supervisor's permit for commands that can move the patient
   * @param rawDrive the drive's driver, reached only through the gate from now on
   * @param rawBws the BWS unit's driver, same
   */
  public CommandGate(
      CommandLimits limits, MotionPermit permit, TreadmillDrivePort rawDrive, BwsPort rawBws) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.permit = Objects.requireNonNull(permit, "permit");
    this.drive = new GatedDrive(this, Objects.requireNonNull(rawDrive, "rawDrive"));
    this.bws = new GatedBws(this, Objects.requireNonNull(rawBws, "rawBws"));
  }

  /** The gated drive. */
  public TreadmillDrivePort drive() {
    return drive;
  }

  /** The gated BWS unit. */
  public BwsPort bws() {
    return bws;
  }

  public GateCounters counters() {
    return counters;
  }

  /**
   * Takes the devices' measured setpoints as the base for the next change checks; {@code NaN}
   * leaves a setpoint unknown (its first command is then judged by range only).
   */
  public void seedSetpoints(double speedMps, double inclinePercent, double forceN) {
    speedSetMps = speedMps;
    rightSpeedSetMps = speedMps;
    inclineSetPercent = inclinePercent;
    forceSetN = forceN;
  }

  /** A command that can move the patient passes only with the supervisor's permit. */
  boolean checkMotion(String command, double value) {
    return permit.motionPermitted() || refuse(Refusal.NOT_PERMITTED, command, value, "");
  }

  /** Whether the permit was withdrawn while a motion command that had passed was on its way. */
  boolean motionWithdrawn() {
    return !permit.motionPermitted();
  }

  /** The safe counterpart commanded after {@link #motionWithdrawn()}; logged with its result. */
  void commandedSafeAgain(String command, String safeCommand, CommandResult result) {
    counters.countSafeAgain();
    if (result.isOk()) {
      LOG.warn("{} passed as the supervisor stopped the session; {} again", command, safeCommand);
    } else {
      // The supervisor's stop verification escalates a belt that does not follow its stop.
      LOG.error(
          "{} passed as the supervisor stopped the session; {} again failed: {}",
          command,
          safeCommand,
          result);
    }
  }

  /** The profile's controlled-stop deceleration, what an acceleration is set back to. */
  double stopDecelMps2() {
    return limits.limits().stopDecelMps2();
  }

  boolean checkSpeed(String command, double speedMps) {
    return checkSpeedOf(command, speedMps, speedSetMps);
  }

  void speedPassed(double speedMps) {
    speedSetMps = speedMps;
    rightSpeedSetMps = speedMps;
  }

  boolean checkSplitSpeeds(String command, double leftMps, double rightMps) {
    return checkSpeedOf(command, leftMps, speedSetMps)
        && checkSpeedOf(command, rightMps, rightSpeedSetMps);
  }

  void splitSpeedsPassed(double leftMps, double rightMps) {
    speedSetMps = leftMps;
    rightSpeedSetMps = rightMps;
  }

  private boolean checkSpeedOf(String command, double speedMps, double previousMps) {
    SafetyLimits profile = limits.limits();
    if (!inRange(command, speedMps, 0, profile.maxBeltSpeedMps(), "m/s")) {
      return false;
    }
    double base = Double.isNaN(previousMps) ? 0 : previousMps;
    return speedMps <= base
        || smallChange(command, speedMps, speedMps - base, limits.maxSpeedStepMps(), "m/s");
  }

  boolean checkIncline(String command, double gradePercent) {
    SafetyLimits profile = limits.limits();
    return inRange(
            command,
            gradePercent,
            profile.minInclinePercent(),
            profile.maxInclinePercent(),
            "% grade")
        && (Double.isNaN(inclineSetPercent)
            || smallChange(
                command,
                gradePercent,
                Math.abs(gradePercent - inclineSetPercent),
                limits.maxInclineStepPercent(),
                "% grade"));
  }

  void inclinePassed(double gradePercent) {
    inclineSetPercent = gradePercent;
  }

  boolean checkAcceleration(String command, double accelMps2) {
    return positiveUpTo(command, accelMps2, limits.limits().maxAccelMps2(), "m/s²");
  }

  boolean checkForce(String command, double forceN) {
    SafetyLimits profile = limits.limits();
    return inRange(command, forceN, profile.minUnloadingN(), profile.maxUnloadingN(), "N")
        && (Double.isNaN(forceSetN)
            || smallChange(
                command, forceN, Math.abs(forceN - forceSetN), limits.maxForceStepN(), "N"));
  }

  void forcePassed(double forceN) {
    forceSetN = forceN;
  }

  boolean checkForceRate(String command, double rateNPerS) {
    return positiveUpTo(command, rateNPerS, limits.limits().maxForceRateNPerS(), "N/s");
  }

  boolean checkWatchdog(String command, int timeoutMs) {
    return positiveUpTo(command, timeoutMs, limits.limits().deviceWatchdogMs(), "ms");
  }

  /** Counts a command passed to a device. */
  void passed() {
    counters.countPassed();
  }

  private boolean inRange(String command, double value, double min, double max, String unit) {
    if (!Double.isFinite(value)) {
      return refuse(Refusal.NOT_FINITE, command, value, "");
    }
    if (value < min || value > max) {
      return refuse(Refusal.OUT_OF_RANGE, command, value, " [" + min + ", " + max + "] " + unit);
    }
    return true;
  }

  private boolean positiveUpTo(String command, double value, double max, String unit) {
    if (!Double.isFinite(value)) {
      return refuse(Refusal.NOT_FINITE, command, value, "");
    }
    if (!(value > 0) || value > max) {
      return refuse(Refusal.OUT_OF_RANGE, command, value, " (0, " + max + "] " + unit);
    }
    return true;
  }

  private boolean smallChange(
      String command, double value, double change, double maxChange, String unit) {
    return change <= maxChange
        || refuse(
            Refusal.CHANGE_TOO_LARGE,
            command,
            value,
            String.format(" (%.3f %s, at most %s %s per command)", change, unit, maxChange, unit));
  }

  private boolean refuse(Refusal reason, String command, double value, String bound) {
    String text = command + " " + value + ": " + reason.text() + bound;
    counters.countRefused(reason, text);
    LOG.warn("command refused by the gate: {}", text);
    return false;
  }
}
