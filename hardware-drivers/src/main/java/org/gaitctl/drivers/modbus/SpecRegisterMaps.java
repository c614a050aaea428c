package org.gaitctl.drivers.modbus;

import java.util.Map;
import org.gaitctl.config.BitField;
import org.gaitctl.config.RegisterField;
import org.gaitctl.config.RegisterMap;
import org.gaitctl.config.RegisterTable;

/**
 * The register maps of the wire protocol spec (§2 treadmill drive, §3 BWS unit) in engineering
 * units: speeds m/s (raw mm/s), incline percent grade (raw 0.1 %, signed), acceleration m/s² (raw
 * mm/s²), force N, force rate N/s, cable position m (raw mm), watchdog and heartbeat raw ms /
 * counts.
 *
 * <p>The field and bit names are the contract with the configuration loader: a profile of another
 * drive family uses the same names with its own addresses, scales and bits.
 */
public final class SpecRegisterMaps {

  private SpecRegisterMaps() {}

  /** The treadmill drive of spec §2 (unit 1). */
  public static RegisterMap drive() {
    return new RegisterMap(
        Map.ofEntries(
            holding("control", 0, 1, false, ""),
            holding("speedSet", 1, 0.001, false, "m/s"),
            holding("speedSetRight", 2, 0.001, false, "m/s"),
            holding("inclineSet", 3, 0.1, true, "%"),
            holding("accel", 4, 0.001, false, "m/s²"),
            holding("watchdogMs", 5, 1, false, "ms"),
            holding("heartbeat", 6, 1, false, ""),
            input("status", 0, 1, false, ""),
            input("speedAct", 1, 0.001, false, "m/s"),
            input("speedActRight", 2, 0.001, false, "m/s"),
            input("inclineAct", 3, 0.1, true, "%"),
            input("faultCode", 4, 1, false, "")),
        0,
        Map.of("run", bit(0), "faultReset", bit(1), "quickStop", bit(2), "split", bit(3)),
        Map.of(
            "running", bit(0),
            "fault", bit(1),
            "estop", bit(2),
            "safetyKeyOut", bit(3),
            "watchdogTripped", bit(4),
            "atSpeed", bit(5),
            "split", bit(6)));
  }

  /** The body-weight-support unit of spec §3 (unit 2). */
  public static RegisterMap bws() {
    return new RegisterMap(
        Map.ofEntries(
            holding("control", 0, 1, false, ""),
            holding("forceSet", 1, 1, false, "N"),
            holding("forceRate", 2, 1, false, "N/s"),
            holding("watchdogMs", 3, 1, false, "ms"),
            holding("heartbeat", 4, 1, false, ""),
            input("status", 0, 1, false, ""),
            input("forceAct", 1, 1, false, "N"),
            input("cablePos", 2, 0.001, false, "m"),
            input("faultCode", 3, 1, false, "")),
        0,
        Map.of("enable", bit(0), "faultReset", bit(1), "hold", bit(2)),
        Map.of(
            "enabled", bit(0),
            "fault", bit(1),
            "holding", bit(2),
            "watchdogTripped", bit(3),
            "overload", bit(4),
            "slack", bit(5)));
  }

  private static Map.Entry<String, RegisterField> holding(
      String name, int address, double scale, boolean signed, String unit) {
    return Map.entry(
        name, new RegisterField(name, RegisterTable.HOLDING, address, scale, signed, unit));
  }

  private static Map.Entry<String, RegisterField> input(
      String name, int address, double scale, boolean signed, String unit) {
    return Map.entry(
        name, new RegisterField(name, RegisterTable.INPUT, address, scale, signed, unit));
  }

  private static BitField bit(int index) {
    return new BitField(1 << index, false);
  }
}
