package org.gaitctl.config;

import static org.gaitctl.config.BitContract.bit;
import static org.gaitctl.config.FieldContract.measurement;
import static org.gaitctl.config.FieldContract.setpoint;
import static org.gaitctl.config.FieldContract.word;
import static org.gaitctl.config.RegisterTable.HOLDING;
import static org.gaitctl.config.RegisterTable.INPUT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two Modbus devices gaitctl drives, each with the register fields and flags its driver uses
 * (names, units, which are required) and the layout of wire protocol spec §2 and §3.
 */
public enum ModbusDeviceKind {
  /** Spec §2, unit 1 by default. */
  TREADMILL_DRIVE(
      List.of(
          word("control", HOLDING, 0, true),
          setpoint("speedSet", 1, 0.001, false, Units.SPEED, 0, 5, true),
          setpoint("speedSetRight", 2, 0.001, false, Units.SPEED, 0, 5, false),
          setpoint("inclineSet", 3, 0.1, true, Units.INCLINE, -10, 25, false),
          setpoint("accel", 4, 0.001, false, Units.ACCELERATION, 0.05, 2, false),
          setpoint("watchdogMs", 5, 1, false, Units.TIME, 0, 60000, false),
          word("heartbeat", HOLDING, 6, false),
          word("status", INPUT, 0, true),
          measurement("speedAct", 1, 0.001, false, Units.SPEED, true),
          measurement("speedActRight", 2, 0.001, false, Units.SPEED, false),
          measurement("inclineAct", 3, 0.1, true, Units.INCLINE, false),
          word("faultCode", INPUT, 4, true)),
      List.of(
          bit("run", 0, true),
          bit("faultReset", 1, true),
          bit("quickStop", 2, true),
          bit("split", 3, false)),
      List.of(
          bit("running", 0, true),
          bit("fault", 1, true),
          bit("estop", 2, true),
          bit("safetyKeyOut", 3, false),
          bit("watchdogTripped", 4, false),
          bit("atSpeed", 5, false),
          bit("split", 6, false))),

  /** Spec §3, unit 2 by default. */
  BWS_UNIT(
      List.of(
          word("control", HOLDING, 0, true),
          setpoint("forceSet", 1, 1, false, Units.FORCE, 0, 1500, true),
          setpoint("forceRate", 2, 1, false, Units.FORCE_RATE, 10, 2000, true),
          setpoint("watchdogMs", 3, 1, false, Units.TIME, 0, 60000, true),
          word("heartbeat", HOLDING, 4, true),
          word("status", INPUT, 0, true),
          measurement("forceAct", 1, 1, false, Units.FORCE, true),
          measurement("cablePos", 2, 0.001, false, Units.LENGTH, true),
          word("faultCode", INPUT, 3, true)),
      List.of(bit("enable", 0, true), bit("faultReset", 1, true), bit("hold", 2, true)),
      List.of(
          bit("enabled", 0, true),
          bit("fault", 1, true),
          bit("holding", 2, true),
          bit("watchdogTripped", 3, true),
          bit("overload", 4, true),
          bit("slack", 5, true)));

  private final List<FieldContract> fields;
  private final List<BitContract> controlBits;
  private final List<BitContract> statusBits;

  ModbusDeviceKind(
      List<FieldContract> fields, List<BitContract> controlBits, List<BitContract> statusBits) {
    this.fields = fields;
    this.controlBits = controlBits;
    this.statusBits = statusBits;
  }

  /**
   * The register map of the wire protocol spec (layout {@code gaitctl-spec-v1}), in engineering
   * units. Builds a new map on each call: call it at start-up (drivers, emulators, tests), not on a
   * hot path.
   */
  public RegisterMap specRegisterMap() {
    Map<String, RegisterField> specFields = new LinkedHashMap<>();
    fields.forEach(field -> specFields.put(field.name(), field.spec()));
    return new RegisterMap(specFields, 0, specBits(controlBits), specBits(statusBits));
  }

  List<FieldContract> fields() {
    return fields;
  }

  List<BitContract> controlBits() {
    return controlBits;
  }

  List<BitContract> statusBits() {
    return statusBits;
  }

  private static Map<String, BitField> specBits(List<BitContract> bits) {
    Map<String, BitField> map = new LinkedHashMap<>();
    bits.forEach(bit -> map.put(bit.name(), bit.spec()));
    return map;
  }

  /** The engineering units the drivers work in. */
  static final class Units {
    static final String SPEED = "m/s";
    static final String INCLINE = "%";
    static final String ACCELERATION = "m/s²";
    static final String TIME = "ms";
    static final String FORCE = "N";
    static final String FORCE_RATE = "N/s";
    static final String LENGTH = "m";

    private Units() {}

    /** The canonical spelling of {@code unit}; {@code m/s^2} is accepted for {@code m/s²}. */
    static String canonical(String unit) {
      return unit.equals("m/s^2") ? ACCELERATION : unit;
    }
  }
}
