package org.gaitctl.drivers.modbus;

import com.digitalpetri.modbus.client.ModbusClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gaitctl.config.BitField;
import org.gaitctl.config.ModbusDeviceProfile;
import org.gaitctl.config.RegisterField;
import org.gaitctl.config.RegisterMap;
import org.gaitctl.config.SafetyLimits;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.port.TreadmillDrivePort;
import org.gaitctl.core.port.WatchdogReading;

/**
 * The treadmill drive over Modbus TCP or RTU, mapped through the profile's {@link RegisterMap}
 * (spec §2 by default, see {@link SpecRegisterMaps#drive()}).
 *
 * <p>Thread contract: any thread may call (the pollers, the session and the safety supervisor do);
 * requests take turns on the line by {@link RequestClass}: safety commands (speed 0, RUN off, quick
 * stop, the stop's acceleration), then the heartbeat, then status reads, then setpoints (a speed or
 * incline still waiting is replaced by a newer one, and cancelled by a safety command that goes
 * first). Setpoint calls are serialised on this object (they read the remembered SPLIT). Each
 * request blocks for at most the request timeout once on the line (the connect timeout too after a
 * lost link), allocates, and never throws: the {@link CommandResult} says what happened and {@link
 * #counters()} counts it.
 *
 * <p>Command state: the control word is composed from remembered flags (RUN, SPLIT, QUICK_STOP), so
 * one call never clobbers another's flag. {@link #quickStop()} also clears RUN and {@link
 * #resetFault()} clears QUICK_STOP and RUN, so a reset never restarts the belt by itself.
 *
 * <p>Optional registers (a real drive may lack them): without {@code speedSetRight} or the {@code
 * split} bit, {@link #setSplitSpeeds} accepts only equal speeds (sent as {@link #setSpeed});
 * without {@code inclineSet} only 0 % is accepted (nothing sent); without {@code accel} {@link
 * #setAcceleration} returns {@code OUT_OF_RANGE} (the drive uses its own ramp); without {@code
 * watchdogMs} only {@code armWatchdog(0)} is accepted; without {@code heartbeat} {@link
 * #heartbeat()} sends nothing. Missing status flags read as false, a missing {@code speedActRight}
 * reads as the left belt's speed, a missing {@code inclineAct} as 0 %. Values outside the safety
 * limits or the register's 16-bit range return {@code OUT_OF_RANGE} and send nothing.
 */
public final class ModbusTreadmillDrive implements TreadmillDrivePort {

  private final DeviceRegisters registers;
  private final SafetyLimits limits;
  private final RegisterField speedSet;
  private final Optional<RegisterField> speedSetRight;

  /** Every belt's SPEED_SET: what the controlled stop zeroes. */
  private final List<RegisterField> speedSets;

  private final Optional<RegisterField> inclineSet;
  private final Optional<RegisterField> accel;
  private final BitField run;
  private final BitField quickStop;
  private final Optional<BitField> split;
  private final StatusBlock statusBlock;
  private final RegisterField status;
  private final RegisterField speedAct;
  private final Optional<RegisterField> speedActRight;
  private final Optional<RegisterField> inclineAct;
  private final RegisterField faultCode;
  private final RegisterMap map;

  /**
   * A drive on an existing client (not yet connected; the first call connects).
   *
   * @throws IllegalArgumentException when the map lacks a required field or flag ({@code control},
   *     {@code speedSet}, {@code status}, {@code speedAct}, {@code faultCode}; {@code run}, {@code
   *     quickStop}, {@code faultReset}) or its status registers cannot be read in one request per
   *     table
   */
  public ModbusTreadmillDrive(
      ModbusClient client, int unitId, RegisterMap map, SafetyLimits limits) {
    this.map = map;
    this.limits = limits;
    this.registers = new DeviceRegisters(new ModbusLink("drive", client, unitId), map);
    this.speedSet = registers.holding("speedSet");
    this.speedSetRight = map.optionalField("speedSetRight");
    this.speedSets =
        speedSetRight.isPresent() ? List.of(speedSet, speedSetRight.get()) : List.of(speedSet);
    this.inclineSet = map.optionalField("inclineSet");
    this.accel = map.optionalField("accel");
    this.run = DeviceRegisters.requiredBit(map, "run");
    this.quickStop = DeviceRegisters.requiredBit(map, "quickStop");
    DeviceRegisters.requiredBit(map, "faultReset");
    this.split = map.controlBit("split");
    this.status = DeviceRegisters.required(map, "status");
    this.speedAct = DeviceRegisters.required(map, "speedAct");
    this.faultCode = DeviceRegisters.required(map, "faultCode");
    this.speedActRight = map.optionalField("speedActRight");
    this.inclineAct = map.optionalField("inclineAct");
    List<RegisterField> statusFields = new ArrayList<>(List.of(status, speedAct, faultCode));
    speedActRight.ifPresent(statusFields::add);
    inclineAct.ifPresent(statusFields::add);
    this.statusBlock = new StatusBlock("drive", statusFields);
  }

  /** A drive at the profile's address; the transport is opened on the first call. */
  public static ModbusTreadmillDrive open(ModbusDeviceProfile profile, SafetyLimits limits) {
    return new ModbusTreadmillDrive(
        ModbusClients.create(profile.transport(), profile.requestTimeoutMs()),
        profile.unitId(),
        profile.registers(),
        limits);
  }

  @Override
  public CommandResult setSpeed(double speedMps) {
    if (speedMps == 0) {
      return stopSpeed();
    }
    synchronized (this) {
      if (splitActive()) {
        return registers.writePair(
            RequestClass.SETPOINT,
            speedSet,
            speedMps,
            speedSetRight.get(),
            speedMps,
            0,
            limits.maxBeltSpeedMps());
      }
      return registers.writeSetpoint(speedSet, speedMps, 0, limits.maxBeltSpeedMps());
    }
  }

  /**
   * Speed 0 is a safety command: it takes no lock a waiting setpoint holds, and sets both belts'
   * setpoints whatever the remembered SPLIT says (the right one is unused without SPLIT), so a
   * split being switched on meanwhile cannot leave the right belt on its old setpoint.
   */
  private CommandResult stopSpeed() {
    if (speedSetRight.isPresent()) {
      return registers.writePair(
          RequestClass.SAFETY, speedSet, 0, speedSetRight.get(), 0, 0, limits.maxBeltSpeedMps());
    }
    return registers.write(RequestClass.SAFETY, speedSet, 0, 0, limits.maxBeltSpeedMps());
  }

  @Override
  public synchronized CommandResult setSplitSpeeds(double leftMps, double rightMps) {
    if (speedSetRight.isEmpty() || split.isEmpty()) {
      return leftMps == rightMps ? setSpeed(leftMps) : CommandResult.OUT_OF_RANGE;
    }
    // Setpoints first, then SPLIT: the right belt never runs on a stale setpoint.
    CommandResult written =
        registers.writePair(
            RequestClass.SETPOINT,
            speedSet,
            leftMps,
            speedSetRight.get(),
            rightMps,
            0,
            limits.maxBeltSpeedMps());
    if (!written.isOk() || registers.isActive(split.get())) {
      return written;
    }
    return registers.setFlag(RequestClass.SETPOINT, split.get(), true);
  }

  @Override
  public synchronized CommandResult setIncline(double gradePercent) {
    if (inclineSet.isEmpty()) {
      return gradePercent == 0 ? CommandResult.OK : CommandResult.OUT_OF_RANGE;
    }
    return registers.writeSetpoint(
        inclineSet.get(), gradePercent, limits.minInclinePercent(), limits.maxInclinePercent());
  }

  @Override
  public CommandResult setAcceleration(double accelMps2) {
    if (accel.isEmpty()) {
      return CommandResult.OUT_OF_RANGE;
    }
    // A safety command: the controlled stop sets its deceleration first (SafeStopSequence).
    return registers.write(
        RequestClass.SAFETY, accel.get(), accelMps2, Double.MIN_VALUE, limits.maxAccelMps2());
  }

  /**
   * ACCEL and every belt's SPEED_SET in one FC 16 where the registers between them are known (spec
   * maps: SPEED_SET, SPEED_SET_RIGHT, INCLINE_SET carried unchanged, ACCEL), else one by one.
   */
  @Override
  public CommandResult rampToStop(double decelMps2) {
    if (accel.isEmpty()) {
      return CommandResult.OUT_OF_RANGE;
    }
    return registers.writeRampAndZeros(accel.get(), decelMps2, limits.maxAccelMps2(), speedSets);
  }

  @Override
  public CommandResult setRunning(boolean running) {
    return registers.setFlag(running ? RequestClass.SETPOINT : RequestClass.SAFETY, run, running);
  }

  @Override
  public CommandResult quickStop() {
    return registers.setFlags(RequestClass.SAFETY, quickStop, true, run, false);
  }

  @Override
  public CommandResult resetFault() {
    return registers.pulseFaultReset(quickStop, run);
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
  public DriveStatus readStatus() {
    registers.enterForStatus();
    try {
      CommandResult result = statusBlock.read(registers.link());
      if (!result.isOk()) {
        return DriveStatus.failed(result);
      }
      return decodeStatus();
    } finally {
      registers.leave();
    }
  }

  private DriveStatus decodeStatus() {
    int statusWord = statusBlock.word(status);
    double speedMps = speedAct.fromRaw(statusBlock.word(speedAct));
    return new DriveStatus(
        CommandResult.OK,
        flag("running", statusWord),
        flag("fault", statusWord),
        flag("estop", statusWord),
        flag("safetyKeyOut", statusWord),
        flag("watchdogTripped", statusWord),
        flag("atSpeed", statusWord),
        flag("split", statusWord),
        speedMps,
        speedActRight.map(f -> f.fromRaw(statusBlock.word(f))).orElse(speedMps),
        inclineAct.map(f -> f.fromRaw(statusBlock.word(f))).orElse(0.0),
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

  private boolean splitActive() {
    return speedSetRight.isPresent() && split.isPresent() && registers.isActive(split.get());
  }

  private boolean flag(String name, int statusWord) {
    return map.statusBit(name).map(bit -> bit.isActive(statusWord)).orElse(false);
  }
}
