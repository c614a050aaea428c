package org.gaitctl.config;

import java.util.Map;
import java.util.Optional;

/**
 * How a Modbus device's registers are laid out: numeric fields by name, and the meaning of the bits
 * of its control and status words. A drive with another layout needs another map, not code.
 *
 * @param fields numeric and word registers by name (e.g. {@code control}, {@code speedSet}, {@code
 *     status}, {@code speedAct})
 * @param controlBaseWord bits always written in the control word (e.g. a drive profile's "remote"
 *     or "no coast stop" bits)
 * @param controlBits control flags by name (e.g. {@code run}, {@code faultReset}, {@code
 *     quickStop}, {@code split}, {@code enable}, {@code hold})
 * @param statusBits status flags by name (e.g. {@code running}, {@code fault}, {@code estop})
 */
public record RegisterMap(
    Map<String, RegisterField> fields,
    int controlBaseWord,
    Map<String, BitField> controlBits,
    Map<String, BitField> statusBits) {

  public RegisterMap {
    fields = Map.copyOf(fields);
    controlBits = Map.copyOf(controlBits);
    statusBits = Map.copyOf(statusBits);
  }

  /** A field the device must have; the loader has checked that required fields exist. */
  public RegisterField field(String name) {
    RegisterField field = fields.get(name);
    if (field == null) {
      throw new IllegalStateException("register map has no field '" + name + "'");
    }
    return field;
  }

  /** A field the device may lack (e.g. a drive without a heartbeat register). */
  public Optional<RegisterField> optionalField(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  public Optional<BitField> controlBit(String name) {
    return Optional.ofNullable(controlBits.get(name));
  }

  public Optional<BitField> statusBit(String name) {
    return Optional.ofNullable(statusBits.get(name));
  }
}
