package org.gaitctl.drivers.modbus;

import java.util.List;
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
 * <p>Every request names its {@link RequestClass} and composes its words from the driver's state
 * while it holds the line, so the line's order is the only order. Setpoints ({@link
 * #writeSetpoint}) are coalesced on a busy line: a value still waiting is replaced by a newer one,
 * or goes out with the heartbeat when the registers between it and HEARTBEAT are known ({@link
 * KnownWords}; BWS FORCE_SET..HEARTBEAT are registers 1–4), and a safety command cancels it, so no
 * setpoint reaches the wire after a stop that overtook it.
 *
 * <p>Thread-safe through the line; the drivers serialise their setpoint calls (which read the
 * remembered SPLIT) on their own lock.
 */
final class DeviceRegisters {

  private final ModbusLink link;
  private final RegisterMap map;
  private final RegisterField control;
  private final ControlWord controlWord;
  private final Optional<RegisterField> watchdogMs;
  private final Optional<RegisterField> heartbeat;
  private final int[] watchdogWord = new int[1];
  private final int[] pairWords = new int[2];
  private final int[] carryWords = new int[KnownWords.MAX_SPAN + 1];
  private final int[] windowWords = new int[KnownWords.MAX_SPAN];
  private final int[] spanWords = new int[KnownWords.MAX_SPAN];
  private final boolean[] spanSet = new boolean[KnownWords.MAX_SPAN];
  private final KnownWords known;
  private final PendingSetpoint pending;
  private int heartbeatCount;

  DeviceRegisters(ModbusLink link, RegisterMap map) {
    this.link = link;
    this.map = map;
    this.control = requireHolding(required(map, "control"));
    this.controlWord = new ControlWord(map);
    this.watchdogMs = map.optionalField("watchdogMs").map(DeviceRegisters::requireHolding);
    this.heartbeat = map.optionalField("heartbeat").map(DeviceRegisters::requireHolding);
    this.known = KnownWords.of(map, heartbeat, control);
    this.pending = new PendingSetpoint(link.counters());
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
  CommandResult write(
      RequestClass requestClass, RegisterField field, double value, double min, double max) {
    if (!inRange(field, value, min, max)) {
      return CommandResult.OUT_OF_RANGE;
    }
    enter(requestClass);
    try {
      return writeWord(field.address(), field.toRaw(value));
    } finally {
      link.leave();
    }
  }

  /**
   * Writes a setpoint as {@link #write} does when the line is free, coalesced ({@link
   * PendingSetpoint}) when it is not. On a slow device ({@link ModbusLink#slow()}) a setpoint in
   * the carry window first waits up to two request timeouts for the heartbeat to carry it, busy
   * line or not (a slow device's poll cycle is a status read and a heartbeat, so a setpoint taking
   * a turn of its own between them would delay the heartbeat by a whole round trip); otherwise, or
   * when no heartbeat came, it waits at most one request timeout for a turn ({@code TIMEOUT}, never
   * sent, when none came). Meanwhile a newer value replaces it (the older caller gets the newer
   * write's result) and a safety command that goes first cancels it ({@code REFUSED}, never sent).
   */
  CommandResult writeSetpoint(RegisterField field, double value, double min, double max) {
    if (!inRange(field, value, min, max)) {
      return CommandResult.OUT_OF_RANGE;
    }
    long seq = pending.offer(field.address(), field.toRaw(value));
    if (seq < 0) {
      return write(RequestClass.SETPOINT, field, value, min, max);
    }
    // On a slow device the heartbeat carries the setpoint even when the line is free this moment:
    // free is the gap between the supervisor's heartbeat and its next status read, and a turn of
    // its own there delays both by a round trip (a BWS watchdog trip was seen in `slow-modbus`).
    if (link.slow() && known.inWindow(field.address())) {
      CommandResult carried = pending.awaitSettled(seq, 2 * link.requestTimeoutNs());
      if (carried != null) {
        return carried;
      }
    }
    if (!link.tryEnter(RequestClass.SETPOINT)
        && !link.enterWithinRequestTimeout(RequestClass.SETPOINT)) {
      return pending.withdraw(seq);
    }
    try {
      CommandResult settled = pending.outcomeOf(seq);
      if (settled != null) {
        return settled;
      }
      CommandResult result = writeWord(pending.address(), pending.word());
      pending.settle(result);
      return result;
    } finally {
      link.leave();
    }
  }

  /**
   * Writes two values, in one FC 16 request when their registers are adjacent (so the device takes
   * both or neither), else as two writes; nothing is sent unless both are in range.
   */
  CommandResult writePair(
      RequestClass requestClass,
      RegisterField first,
      double firstValue,
      RegisterField second,
      double secondValue,
      double min,
      double max) {
    if (!inRange(first, firstValue, min, max) || !inRange(second, secondValue, min, max)) {
      return CommandResult.OUT_OF_RANGE;
    }
    int firstWord = first.toRaw(firstValue);
    int secondWord = second.toRaw(secondValue);
    enter(requestClass);
    try {
      if (second.address() == first.address() + 1) {
        pairWords[0] = firstWord;
        pairWords[1] = secondWord;
        CommandResult result = link.writeMultipleEntered(first.address(), pairWords, 2);
        known.written(first.address(), firstWord, result);
        known.written(second.address(), secondWord, result);
        return result;
      }
      CommandResult result = writeWord(first.address(), firstWord);
      return result.isOk() ? writeWord(second.address(), secondWord) : result;
    } finally {
      link.leave();
    }
  }

  /**
   * The controlled stop's write: {@code ramp} set to {@code rampValue} and every field of {@code
   * zeroed} to 0, as a safety command. One FC 16 over their span when every other register in it is
   * known: the device applies it whole or not at all (spec §2), so the belt never heads for 0 at an
   * older ramp, and the stop is on the wire one round trip sooner. Otherwise the ramp first, then
   * the zeros, one write each, stopping at the first that fails.
   */
  CommandResult writeRampAndZeros(
      RegisterField ramp, double rampValue, double rampMax, List<RegisterField> zeroed) {
    if (!inRange(ramp, rampValue, Double.MIN_VALUE, rampMax)) {
      return CommandResult.OUT_OF_RANGE;
    }
    int rampWord = ramp.toRaw(rampValue);
    enter(RequestClass.SAFETY);
    try {
      int first = ramp.address();
      int last = ramp.address();
      for (RegisterField field : zeroed) {
        first = Math.min(first, field.address());
        last = Math.max(last, field.address());
      }
      int span = last - first + 1;
      if (span <= spanWords.length && fillSpan(first, span, ramp, rampWord, zeroed)) {
        CommandResult result = link.writeMultipleEntered(first, spanWords, span);
        for (int address = first; address <= last; address++) {
          known.written(address, spanWords[address - first], result);
        }
        return result;
      }
      CommandResult result = writeWord(ramp.address(), rampWord);
      for (RegisterField field : zeroed) {
        if (!result.isOk()) {
          return result;
        }
        result = writeWord(field.address(), field.toRaw(0));
      }
      return result;
    } finally {
      link.leave();
    }
  }

  /**
   * Fills {@link #spanWords} from {@code first}: the ramp's word, 0 for the zeroed fields, the
   * known word for every other register. False when one of those others is not known.
   */
  private boolean fillSpan(
      int first, int span, RegisterField ramp, int rampWord, List<RegisterField> zeroed) {
    for (int slot = 0; slot < span; slot++) {
      spanSet[slot] = known.isKnown(first + slot);
      spanWords[slot] = spanSet[slot] ? known.word(first + slot) : 0;
    }
    spanWords[ramp.address() - first] = rampWord;
    spanSet[ramp.address() - first] = true;
    for (RegisterField field : zeroed) {
      spanWords[field.address() - first] = field.toRaw(0);
      spanSet[field.address() - first] = true;
    }
    for (int slot = 0; slot < span; slot++) {
      if (!spanSet[slot]) {
        return false;
      }
    }
    return true;
  }

  /** A control flag of the profile, if the device has it. */
  Optional<BitField> controlBit(String name) {
    return map.controlBit(name);
  }

  boolean isActive(BitField flag) {
    return controlWord.isActive(flag);
  }

  /** Remembers the flag and writes the whole control word. */
  CommandResult setFlag(RequestClass requestClass, BitField flag, boolean active) {
    enter(requestClass);
    try {
      controlWord.set(flag, active);
      return writeWord(control.address(), controlWord.word());
    } finally {
      link.leave();
    }
  }

  /** Remembers the flags and writes the whole control word once. */
  CommandResult setFlags(
      RequestClass requestClass,
      BitField first,
      boolean firstActive,
      BitField second,
      boolean secondActive) {
    enter(requestClass);
    try {
      controlWord.set(first, firstActive);
      controlWord.set(second, secondActive);
      return writeWord(control.address(), controlWord.word());
    } finally {
      link.leave();
    }
  }

  /**
   * A rising edge of FAULT_RESET: the control word with the bit, then without, after remembering
   * {@code cleared} as off (a reset never restarts anything by itself). The remembered word never
   * holds the bit, so a later write cannot re-trigger a reset.
   */
  CommandResult pulseFaultReset(BitField... cleared) {
    BitField reset = map.controlBit("faultReset").orElse(null);
    if (reset == null) {
      return CommandResult.OUT_OF_RANGE;
    }
    enter(RequestClass.SETPOINT);
    try {
      for (BitField flag : cleared) {
        controlWord.set(flag, false);
      }
      CommandResult raised = writeWord(control.address(), controlWord.with(reset, true));
      if (!raised.isOk()) {
        return raised;
      }
      return writeWord(control.address(), controlWord.with(reset, false));
    } finally {
      link.leave();
    }
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
    if (!inRange(field, timeoutMs, 0, Double.MAX_VALUE)) {
      return CommandResult.OUT_OF_RANGE;
    }
    enter(RequestClass.SETPOINT);
    try {
      // FC 16 of one register (spec §2 takes FC 6 or FC 16): the controlled stop's write is an
      // FC 16, and this one, before the session, is the first through that code, so the stop
      // does not wait for the JVM to load and link it.
      watchdogWord[0] = field.toRaw(timeoutMs);
      CommandResult result = link.writeMultipleEntered(field.address(), watchdogWord, 1);
      known.written(field.address(), watchdogWord[0], result);
      return result;
    } finally {
      link.leave();
    }
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
    link.enter(RequestClass.STATUS);
    try {
      if (!known.inWindow(field.address())) {
        CommandResult result =
            link.readEntered(RegisterTable.HOLDING, field.address(), 1, watchdogWord);
        return result.isOk()
            ? WatchdogReading.of((int) Math.round(field.fromRaw(watchdogWord[0])))
            : WatchdogReading.failed(result);
      }
      // The same round trip learns the carry window, so setpoints can ride on the heartbeat.
      CommandResult result =
          link.readEntered(RegisterTable.HOLDING, known.firstAddress(), known.size(), windowWords);
      if (!result.isOk()) {
        return WatchdogReading.failed(result);
      }
      known.read(windowWords);
      int word = known.word(field.address());
      return WatchdogReading.of((int) Math.round(field.fromRaw(word)));
    } finally {
      link.leave();
    }
  }

  /**
   * Writes the next heartbeat count (wrapping at 16 bits); when a setpoint is pending below the
   * heartbeat and every register between is known, one FC 16 carries the setpoint, those registers
   * unchanged and the heartbeat. A device without a heartbeat register has nothing to feed: {@code
   * OK}, nothing sent.
   */
  CommandResult heartbeat() {
    if (heartbeat.isEmpty()) {
      return CommandResult.OK;
    }
    int heartbeatAddress = heartbeat.get().address();
    link.enter(RequestClass.HEARTBEAT);
    try {
      heartbeatCount = (heartbeatCount + 1) & 0xFFFF;
      if (!pending.isPending() || !known.allKnownAfter(pending.address())) {
        return link.writeEntered(heartbeatAddress, heartbeatCount);
      }
      int first = pending.address();
      int count = heartbeatAddress - first + 1;
      carryWords[0] = pending.word();
      for (int address = first + 1; address < heartbeatAddress; address++) {
        carryWords[address - first] = known.word(address);
      }
      carryWords[count - 1] = heartbeatCount;
      CommandResult result = link.writeMultipleEntered(first, carryWords, count);
      known.written(first, carryWords[0], result);
      pending.settle(result);
      link.counters().countCarried();
      // FC 16 is all or nothing: a setpoint the device refuses must not cost the watchdog's feed.
      return result == CommandResult.REJECTED
          ? link.writeEntered(heartbeatAddress, heartbeatCount)
          : result;
    } finally {
      link.leave();
    }
  }

  /** Enters the line for a status read; the driver decodes its block before {@link #leave()}. */
  void enterForStatus() {
    link.enter(RequestClass.STATUS);
  }

  void leave() {
    link.leave();
  }

  /** Enters the line; a safety command cancels the pending setpoint it overtakes. */
  private void enter(RequestClass requestClass) {
    link.enter(requestClass);
    if (requestClass == RequestClass.SAFETY) {
      pending.cancel();
    }
  }

  private CommandResult writeWord(int address, int word) {
    CommandResult result = link.writeEntered(address, word);
    known.written(address, word, result);
    return result;
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
