package org.gaitctl.core.port;

/**
 * One read of a device's communication watchdog register (WATCHDOG_MS), so the safety layer can
 * check that what it armed is what the device holds.
 *
 * @param result whether the read succeeded; when not OK, {@code timeoutMs} is 0 and means nothing
 * @param timeoutMs the timeout the device holds, ms; 0 when disarmed
 */
public record WatchdogReading(CommandResult result, int timeoutMs) {

  public static WatchdogReading failed(CommandResult result) {
    return new WatchdogReading(result, 0);
  }

  public static WatchdogReading of(int timeoutMs) {
    return new WatchdogReading(CommandResult.OK, timeoutMs);
  }
}
