package org.gaitctl.core.command;

import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DeviceCounters;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.port.TreadmillDrivePort;
import org.gaitctl.core.port.WatchdogReading;

/**
 * The drive as the {@link CommandGate} lets callers see it: setpoints checked first, and every
 * command that can move the belt (a speed above 0, RUN, acceleration, incline) only with the
 * supervisor's {@link MotionPermit}; stopping, resets, heartbeats and reads passed straight on,
 * since none of them can make the belt faster.
 */
final class GatedDrive implements TreadmillDrivePort {

  private final CommandGate gate;
  private final TreadmillDrivePort drive;

  GatedDrive(CommandGate gate, TreadmillDrivePort drive) {
    this.gate = gate;
    this.drive = drive;
  }

  @Override
  public CommandResult setSpeed(double speedMps) {
    boolean motion = speedMps != 0;
    if ((motion && !gate.checkMotion("drive.setSpeed", speedMps))
        || !gate.checkSpeed("drive.setSpeed", speedMps)) {
      return CommandResult.REFUSED;
    }
    CommandResult result = passed(drive.setSpeed(speedMps));
    if (result.isOk()) {
      gate.speedPassed(speedMps);
    }
    if (motion) {
      speedZeroIfWithdrawn("drive.setSpeed");
    }
    return result;
  }

  @Override
  public CommandResult setSplitSpeeds(double leftMps, double rightMps) {
    boolean motion = leftMps != 0 || rightMps != 0;
    if ((motion && !gate.checkMotion("drive.setSplitSpeeds", Math.max(leftMps, rightMps)))
        || !gate.checkSplitSpeeds("drive.setSplitSpeeds", leftMps, rightMps)) {
      return CommandResult.REFUSED;
    }
    CommandResult result = passed(drive.setSplitSpeeds(leftMps, rightMps));
    if (result.isOk()) {
      gate.splitSpeedsPassed(leftMps, rightMps);
    }
    if (motion) {
      speedZeroIfWithdrawn("drive.setSplitSpeeds");
    }
    return result;
  }

  @Override
  public CommandResult setIncline(double gradePercent) {
    // An incline that raced the stop is at most one step (CommandLimits), and the deck is slow:
    // the stop does not command the incline, so there is no safe counterpart to send again.
    if (!gate.checkMotion("drive.setIncline", gradePercent)
        || !gate.checkIncline("drive.setIncline", gradePercent)) {
      return CommandResult.REFUSED;
    }
    CommandResult result = passed(drive.setIncline(gradePercent));
    if (result.isOk()) {
      gate.inclinePassed(gradePercent);
    }
    return result;
  }

  @Override
  public CommandResult setAcceleration(double accelMps2) {
    if (!gate.checkMotion("drive.setAcceleration", accelMps2)
        || !gate.checkAcceleration("drive.setAcceleration", accelMps2)) {
      return CommandResult.REFUSED;
    }
    CommandResult result = passed(drive.setAcceleration(accelMps2));
    if (gate.motionWithdrawn()) {
      // The controlled stop ramps at the drive's ACCEL: it must end at the stop's deceleration.
      double stopDecelMps2 = gate.stopDecelMps2();
      gate.commandedSafeAgain(
          "drive.setAcceleration",
          "drive.setAcceleration(stop deceleration)",
          drive.setAcceleration(stopDecelMps2));
    }
    return result;
  }

  /** A stop: passed without the motion permit, its deceleration held to the limits. */
  @Override
  public CommandResult rampToStop(double decelMps2) {
    if (!gate.checkAcceleration("drive.rampToStop", decelMps2)) {
      return CommandResult.REFUSED;
    }
    CommandResult result = passed(drive.rampToStop(decelMps2));
    if (result.isOk()) {
      gate.speedPassed(0);
    }
    return result;
  }

  @Override
  public CommandResult setRunning(boolean run) {
    if (run && !gate.checkMotion("drive.setRunning", 1)) {
      return CommandResult.REFUSED;
    }
    CommandResult result = passed(drive.setRunning(run));
    if (run && gate.motionWithdrawn()) {
      gate.commandedSafeAgain(
          "drive.setRunning(true)", "drive.setRunning(false)", drive.setRunning(false));
    }
    return result;
  }

  @Override
  public CommandResult quickStop() {
    return passed(drive.quickStop());
  }

  @Override
  public CommandResult resetFault() {
    return passed(drive.resetFault());
  }

  @Override
  public CommandResult armWatchdog(int timeoutMs) {
    return gate.checkWatchdog("drive.armWatchdog", timeoutMs)
        ? passed(drive.armWatchdog(timeoutMs))
        : CommandResult.REFUSED;
  }

  @Override
  public WatchdogReading readWatchdog() {
    return drive.readWatchdog();
  }

  @Override
  public CommandResult heartbeat() {
    return drive.heartbeat();
  }

  @Override
  public DriveStatus readStatus() {
    return drive.readStatus();
  }

  @Override
  public DeviceCounters counters() {
    return drive.counters();
  }

  /** The driver stays open: its owner closes it. */
  @Override
  public void close() {}

  private void speedZeroIfWithdrawn(String command) {
    if (gate.motionWithdrawn()) {
      gate.commandedSafeAgain(command, "drive.setSpeed(0)", drive.setSpeed(0));
    }
  }

  private CommandResult passed(CommandResult result) {
    gate.passed();
    return result;
  }
}
