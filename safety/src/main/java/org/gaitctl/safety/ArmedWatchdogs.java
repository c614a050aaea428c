package org.gaitctl.safety;

/**
 * The communication watchdog timeouts the devices held when read back right after the supervisor
 * armed them at a start: what protects the patient if the controller dies.
 *
 * @param driveMs the drive's watchdog timeout as read back, ms
 * @param bwsMs the BWS unit's watchdog timeout as read back, ms
 */
public record ArmedWatchdogs(int driveMs, int bwsMs) {}
