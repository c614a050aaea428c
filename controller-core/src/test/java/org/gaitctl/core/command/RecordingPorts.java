package org.gaitctl.core.command;

import java.util.ArrayList;
import java.util.List;
import org.gaitctl.core.port.BwsPort;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DeviceCounters;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.port.TreadmillDrivePort;
import org.gaitctl.core.port.WatchdogReading;

/**
 * Device ports that accept everything and record the setpoints that reached them: what stands
 * behind the gate in its tests (the gate is not a protocol; the drivers are tested on the wire).
 */
final class RecordingPorts {

  /** Every command that reached either device, in order, e.g. {@code "drive.setRunning(true)"}. */
  final List<String> wire = new ArrayList<>();

  /** Run as each command reaches a device: what another thread might do meanwhile. */
  Runnable whileOnTheWire = () -> {};

  final RecordingDrive drive = new RecordingDrive();
  final RecordingBws bws = new RecordingBws();

  private CommandResult reached(String command) {
    wire.add(command);
    whileOnTheWire.run();
    return CommandResult.OK;
  }

  final class RecordingDrive implements TreadmillDrivePort {
    final List<Double> speedsMps = new ArrayList<>();
    final List<Double> accelerationsMps2 = new ArrayList<>();
    final List<Double> inclinesPercent = new ArrayList<>();

    @Override
    public CommandResult setSpeed(double speedMps) {
      speedsMps.add(speedMps);
      return reached("drive.setSpeed(" + speedMps + ")");
    }

    @Override
    public CommandResult setSplitSpeeds(double leftMps, double rightMps) {
      return reached("drive.setSplitSpeeds(" + leftMps + ", " + rightMps + ")");
    }

    @Override
    public CommandResult setIncline(double gradePercent) {
      inclinesPercent.add(gradePercent);
      return reached("drive.setIncline(" + gradePercent + ")");
    }

    @Override
    public CommandResult setAcceleration(double accelMps2) {
      accelerationsMps2.add(accelMps2);
      return reached("drive.setAcceleration(" + accelMps2 + ")");
    }

    @Override
    public CommandResult setRunning(boolean run) {
      return reached("drive.setRunning(" + run + ")");
    }

    @Override
    public CommandResult quickStop() {
      return reached("drive.quickStop()");
    }

    @Override
    public CommandResult resetFault() {
      return CommandResult.OK;
    }

    @Override
    public CommandResult armWatchdog(int timeoutMs) {
      return CommandResult.OK;
    }

    @Override
    public WatchdogReading readWatchdog() {
      return WatchdogReading.failed(CommandResult.NOT_CONNECTED);
    }

    @Override
    public CommandResult heartbeat() {
      return CommandResult.OK;
    }

    @Override
    public DriveStatus readStatus() {
      return DriveStatus.failed(CommandResult.NOT_CONNECTED);
    }

    @Override
    public DeviceCounters counters() {
      return null;
    }

    @Override
    public void close() {}
  }

  final class RecordingBws implements BwsPort {
    final List<Double> forcesN = new ArrayList<>();
    final List<Double> forceRatesNPerS = new ArrayList<>();

    @Override
    public CommandResult setForce(double unloadingN) {
      forcesN.add(unloadingN);
      return reached("bws.setForce(" + unloadingN + ")");
    }

    @Override
    public CommandResult setForceRate(double rateNPerS) {
      forceRatesNPerS.add(rateNPerS);
      return CommandResult.OK;
    }

    @Override
    public CommandResult setEnabled(boolean enabled) {
      return reached("bws.setEnabled(" + enabled + ")");
    }

    @Override
    public CommandResult setHold(boolean hold) {
      return reached("bws.setHold(" + hold + ")");
    }

    @Override
    public CommandResult resetFault() {
      return CommandResult.OK;
    }

    @Override
    public CommandResult armWatchdog(int timeoutMs) {
      return CommandResult.OK;
    }

    @Override
    public WatchdogReading readWatchdog() {
      return WatchdogReading.failed(CommandResult.NOT_CONNECTED);
    }

    @Override
    public CommandResult heartbeat() {
      return CommandResult.OK;
    }

    @Override
    public BwsStatus readStatus() {
      return BwsStatus.failed(CommandResult.NOT_CONNECTED);
    }

    @Override
    public DeviceCounters counters() {
      return null;
    }

    @Override
    public void close() {}
  }
}
