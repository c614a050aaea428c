package org.gaitctl.config;

import java.util.List;

/** Reads a {@code pressureBelt} or {@code loadCell} section into a {@link StreamDeviceProfile}. */
final class StreamDeviceReader {

  static final List<String> KEYS = List.of("transport", "rateHz", "commandTimeoutMs");

  private StreamDeviceReader() {}

  /** The profile, or {@code null} after recording its problems. */
  static StreamDeviceProfile read(YamlMap section, ProfileErrors errors) {
    int errorsBefore = errors.count();
    YamlValue transportValue = section.require("transport");
    TransportUri transport = transportValue == null ? null : transportValue.asTransport();
    if (transport != null && !(transport instanceof TransportUri.SerialStream)) {
      transportValue.error("must be a serial:PORT?baud=.. address, not '" + transport.text() + "'");
    }
    // SET_RATE carries the rate as u16 (spec §1).
    Integer rateHz = section.requireInt("rateHz", 1, 0xFFFF);
    Integer commandTimeoutMs = section.requireInt("commandTimeoutMs", 1, 60_000);
    return errors.count() == errorsBefore
        ? new StreamDeviceProfile(transport, rateHz, commandTimeoutMs)
        : null;
  }
}
