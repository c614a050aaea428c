package org.gaitctl.config;

/**
 * A Modbus device (treadmill drive or BWS unit): where it is and how its registers are laid out.
 *
 * @param transport {@code tcp://} or {@code rtu:} address
 * @param unitId Modbus unit id (slave address), 0..247
 * @param requestTimeoutMs how long one request may wait for its answer
 * @param registers the register map
 */
public record ModbusDeviceProfile(
    TransportUri transport, int unitId, int requestTimeoutMs, RegisterMap registers) {}
