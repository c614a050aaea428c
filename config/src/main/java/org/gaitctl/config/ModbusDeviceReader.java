package org.gaitctl.config;

import java.util.List;

/** Reads a {@code treadmill} or {@code bws} section into a {@link ModbusDeviceProfile}. */
final class ModbusDeviceReader {

  static final List<String> KEYS = List.of("transport", "unitId", "requestTimeoutMs", "registers");

  private ModbusDeviceReader() {}

  /** The profile, or {@code null} after recording its problems. */
  static ModbusDeviceProfile read(YamlMap section, ModbusDeviceKind kind, ProfileErrors errors) {
    int errorsBefore = errors.count();
    YamlValue transportValue = section.require("transport");
    TransportUri transport = transportValue == null ? null : transportValue.asTransport();
    if (transport instanceof TransportUri.SerialStream) {
      transportValue.error(
          "must be a Modbus address (tcp://HOST:PORT or rtu:PORT?baud=..), not a serial: stream");
    }
    Integer unitId = section.requireInt("unitId", 0, 247);
    if (transport instanceof TransportUri.Rtu && unitId != null && unitId == 0) {
      section
          .get("unitId")
          .error("must be 1..247 on rtu: (0 is the broadcast address, which never answers)");
    }
    Integer requestTimeoutMs = section.requireInt("requestTimeoutMs", 1, 60_000);
    RegisterMap registers = RegisterMapReader.read(section.require("registers"), kind, errors);
    return errors.count() == errorsBefore
        ? new ModbusDeviceProfile(transport, unitId, requestTimeoutMs, registers)
        : null;
  }
}
