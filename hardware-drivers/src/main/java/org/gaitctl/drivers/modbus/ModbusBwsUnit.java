package org.gaitctl.drivers.modbus;

import com.digitalpetri.modbus.client.ModbusClient;
import java.util.List;
import org.gaitctl.config.BitField;
import org.gaitctl.config.ModbusDeviceProfile;
import org.gaitctl.config.RegisterField;
import org.gaitctl.config.RegisterMap;
import org.gaitctl.config.SafetyLimits;
import org.gaitctl.core.port.BwsPort;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.WatchdogReading;

/**
 * The body-weight-support unit over Modbus TCP or RTU, mapped through the profile's {@link
 * RegisterMap} (spec §3 by default, see {@link SpecRegisterMaps#bws()}).
 *
 * <p>Thread contract as for {@link ModbusTreadmillDrive}: any thread, requests taking turns on the
 * line by {@link RequestClass} (HOLD on is a safety command; FORCE_SET a coalesced setpoint the
 * heartbeat's FC 16 over registers 1–4 can carry), never throwing.
 *
 * <p>Command state: ENABLE and HOLD are remembered and written together in the control word; {@link
 * #resetFault()} pulses FAULT_RESET with both kept as they are, so a reset neither drops force
 * control nor releases a commanded hold. Setpoints outside {@code [0, maxUnloadingN]} or rates
 * outside {@code (0, maxForceRateNPerS]} return {@code OUT_OF_RANGE} and send nothing.
 */
public final class ModbusBwsUnit implements BwsPort {

  private final DeviceRegisters registers;
  private final SafetyLimits limits;
  private final RegisterMap map;
  private final RegisterField forceSet;
  private final RegisterField forceRate;
  private final BitField enable;
  private final BitField hold;
  private final StatusBlock statusBlock;
  private final RegisterField status;
  private final RegisterField forceAct;
  private final RegisterField cablePos;
  private final RegisterField faultCode;

  /**
   * A BWS unit on an existing client (not yet connected; the first call connects).
   *
   * @throws IllegalArgumentException when the map lacks a field or flag of spec §3
   */
  public ModbusBwsUnit(ModbusClient client, int unitId, RegisterMap map, SafetyLimits limits) {
    this.map = map;
    this.limits = limits;
    this.registers = new DeviceRegisters(new ModbusLink("bws", client, unitId), map);
    this.forceSet = registers.holding("forceSet");
    this.forceRate = registers.holding("forceRate");
    this.enable = DeviceRegisters.requiredBit(map, "enable");
    this.hold = DeviceRegisters.requiredBit(map, "hold");
    DeviceRegisters.requiredBit(map, "faultReset");
    this.status = DeviceRegisters.required(map, "status");
    this.forceAct = DeviceRegisters.required(map, "forceAct");
    this.cablePos = DeviceRegisters.required(map, "cablePos");
    this.faultCode = DeviceRegisters.required(map, "faultCode");
    this.statusBlock = new StatusBlock("bws", List.of(status, forceAct, cablePos, faultCode));
  }

  /** A BWS unit at the profile's address; the transport is opened on the first call. */
  public static ModbusBwsUnit open(ModbusDeviceProfile profile, SafetyLimits limits) {
    return new ModbusBwsUnit(
        ModbusClients.create(profile.transport(), profile.requestTimeoutMs()),
        profile.unitId(),
        profile.registers(),
        limits);
  }

  @Override
  public CommandResult setForce(double unloadingN) {
    return registers.writeSetpoint(forceSet, unloadingN, 0, limits.maxUnloadingN());
  }

  @Override
  public CommandResult setForceRate(double rateNPerS) {
    return registers.write(
        RequestClass.SETPOINT, forceRate, rateNPerS, Double.MIN_VALUE, limits.maxForceRateNPerS());
  }

  @Override
  public CommandResult setEnabled(boolean enabled) {
    return registers.setFlag(RequestClass.SETPOINT, enable, enabled);
  }

  @Override
  public CommandResult setHold(boolean holdCable) {
    return registers.setFlag(
        holdCable ? RequestClass.SAFETY : RequestClass.SETPOINT, hold, holdCable);
  }

  @Override
  public CommandResult resetFault() {
    return registers.pulseFaultReset();
  }

  @Override
  public CommandResult armWatchdog(int timeoutMs) {
    return registers.armWatchdog(timeoutMs);
  }

  @Override
  public WatchdogReading readWatchdog() {
    return registers.readWatchdog();
  }

  @Override
  public CommandResult heartbeat() {
    return registers.heartbeat();
  }

  @Override
  public BwsStatus readStatus() {
    registers.enterForStatus();
    try {
      CommandResult result = statusBlock.read(registers.link());
      if (!result.isOk()) {
        return BwsStatus.failed(result);
      }
      return decodeStatus();
    } finally {
      registers.leave();
    }
  }

  private BwsStatus decodeStatus() {
    int statusWord = statusBlock.word(status);
    return new BwsStatus(
        CommandResult.OK,
        flag("enabled", statusWord),
        flag("fault", statusWord),
        flag("holding", statusWord),
        flag("watchdogTripped", statusWord),
        flag("overload", statusWord),
        flag("slack", statusWord),
        forceAct.fromRaw(statusBlock.word(forceAct)),
        cablePos.fromRaw(statusBlock.word(cablePos)),
        (int) faultCode.fromRaw(statusBlock.word(faultCode)));
  }

  @Override
  public LinkCounters counters() {
    return registers.link().counters();
  }

  @Override
  public void close() {
    registers.link().close();
  }

  private boolean flag(String name, int statusWord) {
    return map.statusBit(name).map(bit -> bit.isActive(statusWord)).orElse(false);
  }
}
