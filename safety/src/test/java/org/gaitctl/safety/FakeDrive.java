package org.gaitctl.safety;

import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.port.TreadmillDrivePort;
import org.gaitctl.core.port.WatchdogReading;
import org.gaitctl.core.time.ManualNanoClock;

/**
 * An in-memory treadmill drive for unit tests (a fake port, not a protocol). The belt stops at once
 * when RUN is cleared or a quick stop is accepted, unless {@link #ignoresStops} is set.
 */
public final class FakeDrive extends FakeDevice implements TreadmillDrivePort {

  public double speedMps;
  public double speedRightMps;
  public boolean running;
  public boolean fault;
  public int faultCode;
  public boolean estopOpen;
  public boolean safetyKeyOut;
  public boolean watchdogTripped;
  public boolean ignoresStops;

  /** The watchdog register, as {@link #readWatchdog} reads it back. */
  public int watchdogMs;

  /** Accepts writes of the watchdog register but keeps the old value (a wrong register map). */
  public boolean ignoresWatchdogWrites;

  public boolean throwOnRead;

  public FakeDrive(ManualNanoClock clock) {
    super(clock);
  }

  @Override
  public CommandResult setSpeed(double speedMps) {
    CommandResult result = call("setSpeed(" + speedMps + ")");
    if (result.isOk() && running && !ignoresStops) {
      this.speedMps = speedMps;
    }
    return result;
  }

  @Override
  public CommandResult setSplitSpeeds(double leftMps, double rightMps) {
    return call("setSplitSpeeds");
  }

  @Override
  public CommandResult setIncline(double gradePercent) {
    return call("setIncline");
  }

  @Override
  public CommandResult setAcceleration(double accelMps2) {
    return call("setAcceleration(" + accelMps2 + ")");
  }

  @Override
  public CommandResult setRunning(boolean run) {
    CommandResult result = call("setRunning(" + run + ")");
    if (result.isOk()) {
      running = run;
      if (!run && !ignoresStops) {
        speedMps = 0;
        speedRightMps = 0;
      }
    }
    return result;
  }

  @Override
  public CommandResult quickStop() {
    CommandResult result = call("quickStop()");
    if (result.isOk() && !ignoresStops) {
      speedMps = 0;
      speedRightMps = 0;
      running = false;
      fault = true;
    }
    return result;
  }

  @Override
  public CommandResult resetFault() {
    CommandResult result = call("resetFault()");
    if (result.isOk() && !estopOpen && !safetyKeyOut) {
      fault = false;
      faultCode = 0;
      watchdogTripped = false;
    }
    return result;
  }

  @Override
  public CommandResult armWatchdog(int timeoutMs) {
    CommandResult result = call("armWatchdog(" + timeoutMs + ")");
    if (result.isOk() && !ignoresWatchdogWrites) {
      watchdogMs = timeoutMs;
    }
    return result;
  }

  @Override
  public WatchdogReading readWatchdog() {
    CommandResult result = call("readWatchdog()");
    return result.isOk() ? WatchdogReading.of(watchdogMs) : WatchdogReading.failed(result);
  }

  @Override
  public CommandResult heartbeat() {
    return call("heartbeat()");
  }

  @Override
  public DriveStatus readStatus() {
    if (throwOnRead) {
      throw new IllegalStateException("injected: driver bug");
    }
    CommandResult result = call("readStatus()");
    if (!result.isOk()) {
      return DriveStatus.failed(result);
    }
    return new DriveStatus(
        result,
        running,
        fault,
        estopOpen,
        safetyKeyOut,
        watchdogTripped,
        false,
        false,
        speedMps,
        speedRightMps,
        0,
        faultCode);
  }

  @Override
  public void close() {
    call("close()");
  }
}
