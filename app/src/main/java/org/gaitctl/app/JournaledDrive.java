package org.gaitctl.app;

import org.gaitctl.core.journal.JournalSink;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DeviceCounters;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.port.TreadmillDrivePort;
import org.gaitctl.core.port.WatchdogReading;
import org.gaitctl.core.time.NanoClock;

/**
 * The drive with every command and its result written into the session journal, on the calling
 * thread (session control, supervisor) and allocation-free. Heartbeats and status reads are
 * recorded only when they fail: a good heartbeat is 50 Hz noise, and every good status read is in
 * the ring's records already; a failed one shows when and how a device stopped answering.
 */
final class JournaledDrive implements TreadmillDrivePort {

  private final TreadmillDrivePort drive;
  private final JournalSink sink;
  private final NanoClock clock;

  JournaledDrive(TreadmillDrivePort drive, JournalSink sink, NanoClock clock) {
    this.drive = drive;
    this.sink = sink;
    this.clock = clock;
  }

  private CommandResult record(String command, double argument, CommandResult result) {
    sink.command(clock.nanoTime(), command, argument, result.name());
    return result;
  }

  @Override
  public CommandResult setSpeed(double speedMps) {
    return record("drive.setSpeed", speedMps, drive.setSpeed(speedMps));
  }

  @Override
  public CommandResult setSplitSpeeds(double leftMps, double rightMps) {
    CommandResult result = drive.setSplitSpeeds(leftMps, rightMps);
    record("drive.setSplitSpeeds.left", leftMps, result);
    return record("drive.setSplitSpeeds.right", rightMps, result);
  }

  @Override
  public CommandResult setIncline(double gradePercent) {
    return record("drive.setIncline", gradePercent, drive.setIncline(gradePercent));
  }

  @Override
  public CommandResult setAcceleration(double accelMps2) {
    return record("drive.setAcceleration", accelMps2, drive.setAcceleration(accelMps2));
  }

  @Override
  public CommandResult rampToStop(double decelMps2) {
    return record("drive.rampToStop", decelMps2, drive.rampToStop(decelMps2));
  }

  @Override
  public CommandResult setRunning(boolean run) {
    return record("drive.setRunning", run ? 1 : 0, drive.setRunning(run));
  }

  @Override
  public CommandResult quickStop() {
    return record("drive.quickStop", Double.NaN, drive.quickStop());
  }

  @Override
  public CommandResult resetFault() {
    return record("drive.resetFault", Double.NaN, drive.resetFault());
  }

  @Override
  public CommandResult armWatchdog(int timeoutMs) {
    return record("drive.armWatchdog", timeoutMs, drive.armWatchdog(timeoutMs));
  }

  @Override
  public CommandResult heartbeat() {
    CommandResult result = drive.heartbeat();
    if (!result.isOk()) {
      record("drive.heartbeat", Double.NaN, result);
    }
    return result;
  }

  @Override
  public DriveStatus readStatus() {
    DriveStatus status = drive.readStatus();
    if (status != null && !status.result().isOk()) {
      record("drive.readStatus", Double.NaN, status.result());
    }
    return status;
  }

  @Override
  public DeviceCounters counters() {
    return drive.counters();
  }

  /** The drive is the session's to close, not this view's. */
  @Override
  public void close() {}

  /** A read, not a command: passed through unrecorded. */
  @Override
  public WatchdogReading readWatchdog() {
    return drive.readWatchdog();
  }
}
