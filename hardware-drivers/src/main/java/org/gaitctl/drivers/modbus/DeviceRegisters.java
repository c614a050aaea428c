package org.gaitctl.drivers.modbus;

import java.util.Optional;
import org.gaitctl.config.BitField;
import org.gaitctl.config.RegisterField;
import org.gaitctl.config.RegisterMap;
import org.gaitctl.config.RegisterTable;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.WatchdogReading;

/**
 * What the drive and BWS drivers share: engineering values written through the register map with
 * range checks before anything is sent, the remembered control word, the FAULT_RESET pulse, the
 * communication watchdog (armed and read back) and its heartbeat.
 *
 * <p>Not thread-safe; each driver calls it under its own lock.
 */
final class DeviceRegisters {

  private final ModbusLink link;
  private final RegisterMap map;
  private final RegisterField control;
  private final ControlWord controlWord;
  private final Optional<RegisterField> watchdogMs;
  private final Optional<RegisterField> heartbeat;
  private final int[] watchdogWord = new int[1];
  private int heartbeatCount;

  DeviceRegisters(ModbusLink link, RegisterMap map) {
    this.link = link;
    this.map = map;
    this.control = requireHolding(required(map, "control"));
    this.controlWord = new ControlWord(map);
    this.watchdogMs = map.optionalField("watchdogMs").map(DeviceRegisters::requireHolding);
    this.heartbeat = map.optionalField("heartbeat").map(DeviceRegisters::requireHolding);
  }

  ModbusLink link() {
    return link;
  }

  /** A writable field the device must have. */
  RegisterField holding(String name) {
    return requireHolding(required(map, name));
  }

  /**
   * Writes an engineering value if it lies in {@code [min, max]} and fits the register; otherwise
   * returns {@code OUT_OF_RANGE} without sending.
   */
  CommandResult write(RegisterField field, double value, double min, double max) {
    if (!inRange(field, value, min, max)) {
      return CommandResult.OUT_OF_RANGE;
    }
    return link.write(field.address(), field.toRaw(value));
  }

  /**
   * Writes two values, in one FC 16 request when their registers are adjacent (so the device takes
   * both or neither), else as two writes; nothing is sent unless both are in range.
   */
  CommandResult writePair(
      RegisterField first,
      double firstValue,
      RegisterField second,
      double secondValue,
      double min,
      double max) {
    if (!inRange(first, firstValue, min, max) || !inRange(second, secondValue, min, max)) {
      return CommandResult.OUT_OF_RANGE;
    }
    if (second.address() == first.address() + 1) {
      return link.writeMultiple(
          first.address(), new int[] {first.toRaw(firstValue), second.toRaw(secondValue)});
    }
    CommandResult result = link.write(first.address(), first.toRaw(firstValue));
    return result.isOk() ? link.write(second.address(), second.toRaw(secondValue)) : result;
  }

  /** A control flag of the profile, if the device has it. */
  Optional<BitField> controlBit(String name) {
    return map.controlBit(name);
  }

  boolean isActive(BitField flag) {
    return controlWord.isActive(flag);
  }

  /** Remembers the flag and writes the whole control word. */
  CommandResult setFlag(BitField flag, boolean active) {
    controlWord.set(flag, active);
    return writeControl();
  }

  /** Remembers the flags and writes the whole control word once. */
  CommandResult setFlags(BitField first, boolean firstActive, BitField second, boolean active) {
    controlWord.set(first, firstActive);
    controlWord.set(second, active);
    return writeControl();
  }

  /** Remembers the flag without writing (it goes out with the next control write). */
  void remember(BitField flag, boolean active) {
    controlWord.set(flag, active);
  }

  CommandResult writeControl() {
    return link.write(control.address(), controlWord.word());
  }

  /**
   * A rising edge of FAULT_RESET: the control word with the bit, then without. The remembered word
   * never holds the bit, so a later write cannot re-trigger a reset.
   */
  CommandResult pulseFaultReset() {
    BitField reset = map.controlBit("faultReset").orElse(null);
    if (reset == null) {
      return CommandResult.OUT_OF_RANGE;
    }
    CommandResult raised = link.write(control.address(), controlWord.with(reset, true));
    if (!raised.isOk()) {
      return raised;
    }
    return link.write(control.address(), controlWord.with(reset, false));
  }

  /**
   * Arms the device's communication watchdog; 0 disarms. A device without a watchdog register
   * accepts 0 (nothing to disarm) and answers any other timeout with {@code OUT_OF_RANGE}.
   */
  CommandResult armWatchdog(int timeoutMs) {
    if (watchdogMs.isEmpty()) {
      return timeoutMs == 0 ? CommandResult.OK : CommandResult.OUT_OF_RANGE;
    }
    RegisterField field = watchdogMs.get();
    return write(field, timeoutMs, 0, Double.MAX_VALUE);
  }

  /**
   * Reads the watchdog register back (FC 3) in ms, through the field's scale. A device without a
   * watchdog register has nothing to read: {@code OUT_OF_RANGE}, nothing sent.
   */
  WatchdogReading readWatchdog() {
    if (watchdogMs.isEmpty()) {
      return WatchdogReading.failed(CommandResult.OUT_OF_RANGE);
    }
    RegisterField field = watchdogMs.get();
    CommandResult result = link.read(RegisterTable.HOLDING, field.address(), 1, watchdogWord);
    if (!result.isOk()) {
      return WatchdogReading.failed(result);
    }
    return WatchdogReading.of((int) Math.round(field.fromRaw(watchdogWord[0])));
  }

  /**
   * Writes the next heartbeat count (wrapping at 16 bits). A device without a heartbeat register
   * has nothing to feed: {@code OK}, nothing sent.
   */
  CommandResult heartbeat() {
    if (heartbeat.isEmpty()) {
      return CommandResult.OK;
    }
    heartbeatCount = (heartbeatCount + 1) & 0xFFFF;
    return link.write(heartbeat.get().address(), heartbeatCount);
  }

  /** A field the profile must have for this driver. */
  static RegisterField required(RegisterMap map, String name) {
    return map.optionalField(name)
        .orElseThrow(
            () -> new IllegalArgumentException("register map lacks required field '" + name + "'"));
  }

  /** A control flag the profile must have for this driver. */
  static BitField requiredBit(RegisterMap map, String name) {
    return map.controlBit(name)
        .orElseThrow(
            () -> new IllegalArgumentException("register map lacks control bit '" + name + "'"));
  }

  private static boolean inRange(RegisterField field, double value, double min, double max) {
    if (!Double.isFinite(value) || value < min || value > max) {
      return false;
    }
    return field.fitsRegister(field.toRaw(value));
  }

  private static RegisterField requireHolding(RegisterField field) {
    if (field.table() != RegisterTable.HOLDING) {
      throw new IllegalArgumentException(
          "register map field '" + field.name() + "' must be a holding register to be written");
    }
    return field;
  }
}
