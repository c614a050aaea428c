package org.gaitctl.core.port;

/**
 * The treadmill drive as the controller sees it, in engineering units. A driver maps these calls to
 * the device's registers through the device profile, so another drive family needs a profile, not
 * code.
 *
 * <p>Called from the Modbus I/O thread or the safety supervisor's thread; every call may block for
 * at most the configured request timeout and never throws for a device or transport fault: the
 * result says what happened and {@link #counters()} counts it.
 */
public interface TreadmillDrivePort extends AutoCloseable {

  /** Belt speed setpoint in m/s; both belts when not in split mode. */
  CommandResult setSpeed(double speedMps);

  /** Independent belt speeds in m/s (split mode on). */
  CommandResult setSplitSpeeds(double leftMps, double rightMps);

  /** Incline setpoint in percent grade. */
  CommandResult setIncline(double gradePercent);

  /** Ramp used for speed changes, m/s². */
  CommandResult setAcceleration(double accelMps2);

  /**
   * The controlled stop's belt command: the ramp set to {@code decelMps2} and every belt's speed
   * setpoint to 0. A driver that can send both in one request does (the belt never heads for 0 at
   * an older ramp, and the stop reaches the device a round trip sooner); by default the ramp first,
   * then speed 0, the second only if the first was accepted.
   */
  default CommandResult rampToStop(double decelMps2) {
    CommandResult ramp = setAcceleration(decelMps2);
    return ramp.isOk() ? setSpeed(0) : ramp;
  }

  /** Sets or clears RUN; clearing ramps the belt to zero at the configured acceleration. */
  CommandResult setRunning(boolean run);

  /** Ramps to zero at the drive's emergency deceleration and latches a fault. */
  CommandResult quickStop();

  /** Resets a latched fault (effective only when the cause is gone). */
  CommandResult resetFault();

  /** Arms (or with 0 disarms) the drive's communication watchdog. */
  CommandResult armWatchdog(int timeoutMs);

  /**
   * Reads the watchdog register back (FC 3), so a caller can tell an armed watchdog from a write
   * the device ignored; on failure the reading carries the result and no value.
   */
  WatchdogReading readWatchdog();

  /** Changes the heartbeat register so the drive's communication watchdog stays fed. */
  CommandResult heartbeat();

  /** Reads the status block; on failure the returned status carries the result and no data. */
  DriveStatus readStatus();

  DeviceCounters counters();

  /** Releases the transport. Never throws. */
  @Override
  void close();
}
