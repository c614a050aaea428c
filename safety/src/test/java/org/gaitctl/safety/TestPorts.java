package org.gaitctl.safety;

import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DeviceCounters;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.port.TreadmillDrivePort;
import org.gaitctl.core.port.WatchdogReading;

/** Port wrappers that break the contract on purpose. */
final class TestPorts {

  private TestPorts() {}

  /** A drive whose driver throws on setAcceleration (a bug): everything else is delegated. */
  static final class ThrowingDrive implements TreadmillDrivePort {
    private final TreadmillDrivePort delegate;

    ThrowingDrive(TreadmillDrivePort delegate) {
      this.delegate = delegate;
    }

    @Override
    public CommandResult setSpeed(double speedMps) {
      return delegate.setSpeed(speedMps);
    }

    @Override
    public CommandResult setSplitSpeeds(double leftMps, double rightMps) {
      return delegate.setSplitSpeeds(leftMps, rightMps);
    }

    @Override
    public CommandResult setIncline(double gradePercent) {
      return delegate.setIncline(gradePercent);
    }

    @Override
    public CommandResult setAcceleration(double accelMps2) {
      throw new IllegalStateException("injected: driver bug");
    }

    @Override
    public CommandResult setRunning(boolean run) {
      return delegate.setRunning(run);
    }

    @Override
    public CommandResult quickStop() {
      return delegate.quickStop();
    }

    @Override
    public CommandResult resetFault() {
      return delegate.resetFault();
    }

    @Override
    public CommandResult armWatchdog(int timeoutMs) {
      return delegate.armWatchdog(timeoutMs);
    }

    @Override
    public WatchdogReading readWatchdog() {
      return delegate.readWatchdog();
    }

    @Override
    public CommandResult heartbeat() {
      return delegate.heartbeat();
    }

    @Override
    public DriveStatus readStatus() {
      return delegate.readStatus();
    }

    @Override
    public DeviceCounters counters() {
      return delegate.counters();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
