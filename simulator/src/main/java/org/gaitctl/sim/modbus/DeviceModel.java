package org.gaitctl.sim.modbus;

/**
 * What the drive and BWS models share: the holding table with its ranges, input registers computed
 * from the model's state, the communication watchdog, the latched fault and its reset on a rising
 * edge of FAULT_RESET (CONTROL bit 1 on both devices) when the cause is gone.
 *
 * <p>Register access comes from the Modbus server's threads and stepping from the simulation
 * thread; every public method synchronises on the model. Nothing blocks or does I/O under the lock.
 */
public abstract class DeviceModel implements RegisterDevice {

  /** CONTROL is holding register 0 on both devices. */
  static final int CONTROL = 0;

  /** CONTROL bit 1 on both devices. */
  static final int FAULT_RESET_BIT = 1 << 1;

  final HoldingRegisters holding;
  private final int inputCount;
  private final int watchdogAddress;
  private final int heartbeatAddress;
  private final CommWatchdog watchdog = new CommWatchdog();
  private boolean faulted;
  private int faultCode;
  private boolean watchdogTripped;
  private boolean ignoresWatchdogWrites;
  private boolean stepped;
  private long lastStepNs;
  private DeviceEventListener listener = DeviceEventListener.NONE;

  DeviceModel(int[][] holdingRanges, int inputCount, int watchdogAddress, int heartbeatAddress) {
    this.holding = new HoldingRegisters(holdingRanges);
    this.inputCount = inputCount;
    this.watchdogAddress = watchdogAddress;
    this.heartbeatAddress = heartbeatAddress;
  }

  @Override
  public final synchronized int readHolding(int address, int quantity, int[] wordsOut) {
    return holding.read(address, quantity, wordsOut);
  }

  @Override
  public final synchronized int readInput(int address, int quantity, int[] wordsOut) {
    if (!RegisterRanges.fits(address, quantity, inputCount)) {
      return ILLEGAL_DATA_ADDRESS;
    }
    for (int i = 0; i < quantity; i++) {
      wordsOut[i] = inputWord(address + i) & 0xFFFF;
    }
    return OK;
  }

  @Override
  public final synchronized int writeHolding(int address, int[] words) {
    int previousControl = holding.value(CONTROL);
    int previousHeartbeat = holding.value(heartbeatAddress);
    int previousWatchdog = holding.value(watchdogAddress);
    int result = holding.write(address, words);
    if (result != OK) {
      return result;
    }
    boolean armed = address <= watchdogAddress && watchdogAddress < address + words.length;
    if (armed && ignoresWatchdogWrites) {
      // Answered OK like any write, but the device keeps its old timeout.
      holding.put(watchdogAddress, previousWatchdog);
      armed = false;
    }
    if (armed || holding.value(heartbeatAddress) != previousHeartbeat) {
      watchdog.feed(lastStepNs);
    }
    int control = holding.value(CONTROL);
    boolean resetEdge =
        (control & FAULT_RESET_BIT) != 0 && (previousControl & FAULT_RESET_BIT) == 0;
    if (resetEdge && faulted && !faultCausePresent()) {
      faulted = false;
      faultCode = 0;
      watchdogTripped = false;
      watchdog.feed(lastStepNs);
    }
    return OK;
  }

  /**
   * Fault injection: the device acknowledges writes of WATCHDOG_MS but keeps its old timeout, as a
   * device with another register map, a write-protected register or another firmware's scaling
   * would. Only a read-back shows it.
   */
  public final synchronized void setIgnoresWatchdogWrites(boolean ignores) {
    this.ignoresWatchdogWrites = ignores;
  }

  /** Who hears of latched faults and watchdog trips (the HIL event log); replaces the previous. */
  public final synchronized void setEventListener(DeviceEventListener listener) {
    this.listener = listener;
  }

  public final synchronized boolean faulted() {
    return faulted;
  }

  public final synchronized int faultCode() {
    return faultCode;
  }

  public final synchronized boolean watchdogTripped() {
    return watchdogTripped;
  }

  /** The CONTROL word as last written. */
  final int control() {
    return holding.value(CONTROL);
  }

  /** Latches a fault; the first cause's code is kept until a reset. */
  final void latch(int code) {
    if (!faulted) {
      faulted = true;
      faultCode = code;
      listener.onFaultLatched(lastStepNs, code);
    }
  }

  /**
   * Advances the model's time: checks the watchdog (a trip latches {@code watchdogFaultCode}) and
   * returns the seconds since the previous step (0 on the first).
   */
  /** The time of the last {@link #advanceClock} (the model's own clock); caller holds the lock. */
  final long lastStepNs() {
    return lastStepNs;
  }

  final double advanceClock(long nowNs, int watchdogFaultCode) {
    double dtS = stepped ? (nowNs - lastStepNs) / 1e9 : 0;
    if (!stepped) {
      // Time starts now: a watchdog armed before the first step counts from here.
      watchdog.feed(nowNs);
      stepped = true;
    }
    lastStepNs = nowNs;
    if (watchdog.expired(nowNs, holding.value(watchdogAddress))) {
      if (!watchdogTripped) {
        listener.onWatchdogTripped(nowNs);
      }
      watchdogTripped = true;
      latch(watchdogFaultCode);
    }
    return dtS;
  }

  /** Whether a condition that forbids a fault reset is still present (e-stop open, overload...). */
  abstract boolean faultCausePresent();

  /** The current value of an input register, as a 16-bit word. */
  abstract int inputWord(int address);

  static int bit(boolean set, int index) {
    return set ? 1 << index : 0;
  }

  static int clampWord(double value) {
    return (int) Math.max(0, Math.min(0xFFFF, Math.round(value)));
  }
}
