package org.gaitctl.core.port;

/**
 * The body-weight-support unit as the controller sees it, in engineering units. Same threading and
 * error contract as {@link TreadmillDrivePort}.
 */
public interface BwsPort extends AutoCloseable {

  /** Unloading force setpoint, N. */
  CommandResult setForce(double unloadingN);

  /** Setpoint slew limit, N/s. */
  CommandResult setForceRate(double rateNPerS);

  /** Switches the unit's force control on or off. */
  CommandResult setEnabled(boolean enabled);

  /** Brakes the cable at its present length; never lowers the harness. */
  CommandResult setHold(boolean hold);

  CommandResult resetFault();

  CommandResult armWatchdog(int timeoutMs);

  /** Reads the watchdog register back; as {@link TreadmillDrivePort#readWatchdog()}. */
  WatchdogReading readWatchdog();

  CommandResult heartbeat();

  BwsStatus readStatus();

  DeviceCounters counters();

  @Override
  void close();
}
