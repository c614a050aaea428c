package org.gaitctl.config;

/**
 * A framed serial streaming device (pressure-belt unit or load-cell amplifier).
 *
 * @param transport {@code serial:} address
 * @param rateHz requested sample rate (per belt for the PBU), sent with SET_RATE
 * @param commandTimeoutMs how long a command waits for its ACK
 */
public record StreamDeviceProfile(TransportUri transport, int rateHz, int commandTimeoutMs) {}
