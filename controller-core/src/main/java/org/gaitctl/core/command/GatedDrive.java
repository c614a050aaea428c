package org.gaitctl.core.command;

import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DeviceCounters;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.port.TreadmillDrivePort;
import org.gaitctl.core.port.WatchdogReading;

/**
 * The drive as the {@link CommandGate} lets callers see it: setpoints checked first; stopping,
 * resets, heartbeats and reads passed straight on, since none of them can make the belt faster.
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
    if (!gate.checkSpeed("drive.setSpeed", speedMps)) {
      return CommandResult.REFUSED;
    }
    CommandResult result = passed(drive.setSpeed(speedMps));
    if (result.isOk()) {
      gate.speedPassed(speedMps);
    }
    return result;
  }

  @Override
  public CommandResult setSplitSpeeds(double leftMps, double rightMps) {
    if (!gate.checkSplitSpeeds("drive.setSplitSpeeds", leftMps, rightMps)) {
      return CommandResult.REFUSED;
    }
    CommandResult result = passed(drive.setSplitSpeeds(leftMps, rightMps));
    if (result.isOk()) {
      gate.splitSpeedsPassed(leftMps, rightMps);
    }
    return result;
  }

  @Override
  public CommandResult setIncline(double gradePercent) {
    if (!gate.checkIncline("drive.setIncline", gradePercent)) {
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
    return gate.checkAcceleration("drive.setAcceleration", accelMps2)
        ? passed(drive.setAcceleration(accelMps2))
        : CommandResult.REFUSED;
  }

  @Override
  public CommandResult setRunning(boolean run) {
    return passed(drive.setRunning(run));
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

  private CommandResult passed(CommandResult result) {
    gate.passed();
    return result;
  }
}
