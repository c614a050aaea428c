package org.gaitctl.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.Predicate;
import java.util.function.Supplier;
import org.gaitctl.config.SafetyLimits;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.port.WatchdogReading;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.drivers.modbus.ModbusBwsUnit;
import org.gaitctl.drivers.modbus.ModbusTreadmillDrive;
import org.gaitctl.sim.plant.PlantParameters;
import org.gaitctl.sim.testing.SinusoidalPatient;
import org.gaitctl.sim.world.SimulationWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract between our Modbus drivers and the spec's devices, run over every real transport:
 * the drivers talk to the emulators, which run on a world paced in real time.
 */
abstract class ModbusDeviceContract {

  /** Above the device's 5 m/s, so the device's own range check (exception 3) is reachable. */
  static final SafetyLimits LIMITS =
      new SafetyLimits(6.0, -10.0, 25.0, 1400.0, 0.0, 3.0, 1.0, 3000.0, 200);

  static final int REQUEST_TIMEOUT_MS = 500;

  private static final long AWAIT_MS = 5000;

  SimulationWorld world;
  ModbusTreadmillDrive drive;
  ModbusBwsUnit bws;

  /** Starts the emulators of {@link #world} and connects {@link #drive} and {@link #bws}. */
  abstract void connect() throws Exception;

  abstract ReplyFaults replyFaults();

  abstract void disconnect() throws Exception;

  @BeforeEach
  void startWorld() throws Exception {
    world =
        new SimulationWorld(
            NanoClock.SYSTEM, SinusoidalPatient.walking(), PlantParameters.defaults());
    world.start();
    connect();
  }

  @AfterEach
  void stopWorld() throws Exception {
    drive.close();
    bws.close();
    disconnect();
    world.close();
    assertThat(world.failure()).isNull();
  }

  @Test
  void shouldRunTheBeltToSpeedAndReadItBack() {
    assertThat(drive.setAcceleration(2.0)).isEqualTo(CommandResult.OK);
    assertThat(drive.setSpeed(1.2)).isEqualTo(CommandResult.OK);
    assertThat(drive.setIncline(-1.5)).isEqualTo(CommandResult.OK);
    assertThat(drive.setRunning(true)).isEqualTo(CommandResult.OK);

    DriveStatus status = awaitDrive(s -> s.atSpeed() && s.inclinePercent() < -1.45);
    assertThat(status.running()).isTrue();
    assertThat(status.fault()).isFalse();
    assertThat(status.speedMps()).isCloseTo(1.2, within(0.01));
    assertThat(status.speedRightMps()).isCloseTo(1.2, within(0.01));
    assertThat(status.inclinePercent()).isCloseTo(-1.5, within(0.001));
    assertThat(drive.counters().timeouts() + drive.counters().ioErrors()).isZero();
  }

  @Test
  void shouldRunSplitBeltsAtTheirOwnSpeeds() {
    assertThat(drive.setAcceleration(2.0)).isEqualTo(CommandResult.OK);
    assertThat(drive.setSplitSpeeds(0.6, 0.9)).isEqualTo(CommandResult.OK);
    assertThat(drive.setRunning(true)).isEqualTo(CommandResult.OK);

    DriveStatus status = awaitDrive(DriveStatus::atSpeed);
    assertThat(status.split()).isTrue();
    assertThat(status.speedMps()).isCloseTo(0.6, within(0.01));
    assertThat(status.speedRightMps()).isCloseTo(0.9, within(0.01));
  }

  @Test
  void shouldSurfaceException3AsRejectedAndCountIt() {
    assertThat(drive.setSpeed(5.5)).isEqualTo(CommandResult.REJECTED);
    assertThat(drive.setAcceleration(0.01)).isEqualTo(CommandResult.REJECTED);
    assertThat(bws.setForceRate(5)).isEqualTo(CommandResult.REJECTED);

    assertThat(drive.counters().rejections()).isEqualTo(2);
    assertThat(bws.counters().rejections()).isEqualTo(1);
    assertThat(drive.readStatus().result()).isEqualTo(CommandResult.OK);
  }

  @Test
  void shouldRefuseValuesOutsideTheLimitsWithoutSendingThem() {
    long before = drive.counters().requests();

    assertThat(drive.setSpeed(6.5)).isEqualTo(CommandResult.OUT_OF_RANGE);
    assertThat(drive.setSpeed(-0.1)).isEqualTo(CommandResult.OUT_OF_RANGE);
    assertThat(drive.setSpeed(Double.NaN)).isEqualTo(CommandResult.OUT_OF_RANGE);
    assertThat(drive.setIncline(30)).isEqualTo(CommandResult.OUT_OF_RANGE);
    assertThat(drive.armWatchdog(70_000)).isEqualTo(CommandResult.OUT_OF_RANGE);
    assertThat(bws.setForce(1401)).isEqualTo(CommandResult.OUT_OF_RANGE);

    assertThat(drive.counters().requests()).isEqualTo(before);
  }

  @Test
  void shouldTimeOutWhenRepliesAreDroppedAndRecoverWhenTheyReturn() {
    assertThat(drive.readStatus().result()).isEqualTo(CommandResult.OK);
    replyFaults().setDropReplies(true);

    assertThat(drive.readStatus().result()).isEqualTo(CommandResult.TIMEOUT);
    assertThat(bws.setForce(100)).isEqualTo(CommandResult.TIMEOUT);
    assertThat(drive.counters().timeouts()).isEqualTo(1);
    assertThat(bws.counters().timeouts()).isEqualTo(1);

    replyFaults().setDropReplies(false);
    assertThat(drive.readStatus().result()).isEqualTo(CommandResult.OK);
  }

  @Test
  void shouldTimeOutWhenRepliesAreDelayedBeyondTheRequestTimeout() {
    replyFaults().setDelayMs(REQUEST_TIMEOUT_MS + 250);
    assertThat(drive.heartbeat()).isEqualTo(CommandResult.TIMEOUT);

    replyFaults().setDelayMs(20);
    // The late answer of the timed-out request must not be taken for this one's.
    sleepMs(REQUEST_TIMEOUT_MS);
    assertThat(drive.readStatus().result()).isEqualTo(CommandResult.OK);
    assertThat(drive.counters().timeouts()).isEqualTo(1);
  }

  @Test
  void shouldReadTheArmedWatchdogsBackUnlessTheDeviceIgnoresTheWrite() {
    assertThat(drive.armWatchdog(1500)).isEqualTo(CommandResult.OK);
    assertThat(bws.armWatchdog(1200)).isEqualTo(CommandResult.OK);
    assertThat(drive.readWatchdog()).isEqualTo(WatchdogReading.of(1500));
    assertThat(bws.readWatchdog()).isEqualTo(WatchdogReading.of(1200));

    world.bws().setIgnoresWatchdogWrites(true);
    assertThat(bws.armWatchdog(500)).as("acknowledged all the same").isEqualTo(CommandResult.OK);
    assertThat(bws.readWatchdog()).isEqualTo(WatchdogReading.of(1200));

    replyFaults().setDropReplies(true);
    assertThat(drive.readWatchdog().result()).isEqualTo(CommandResult.TIMEOUT);
    replyFaults().clear();
  }

  @Test
  void shouldTripTheDriveWatchdogWhenHeartbeatStopsAndRampTheBeltToZero() {
    // A loose watchdog while the belt comes up to speed, so a loaded CI machine cannot trip it
    // early; then the short one, and silence.
    assertThat(drive.armWatchdog(2000)).isEqualTo(CommandResult.OK);
    assertThat(drive.setAcceleration(2.0)).isEqualTo(CommandResult.OK);
    assertThat(drive.setSpeed(0.8)).isEqualTo(CommandResult.OK);
    assertThat(drive.setRunning(true)).isEqualTo(CommandResult.OK);
    DriveStatus atSpeed =
        awaitDrive(
            s -> {
              assertThat(drive.heartbeat()).isEqualTo(CommandResult.OK);
              return s.atSpeed();
            });
    assertThat(atSpeed.watchdogTripped()).isFalse();
    assertThat(drive.armWatchdog(200)).isEqualTo(CommandResult.OK);

    DriveStatus tripped = awaitDrive(DriveStatus::watchdogTripped);
    assertThat(tripped.fault()).isTrue();
    assertThat(tripped.faultCode()).isEqualTo(DriveModel.FAULT_WATCHDOG);
    assertThat(tripped.running()).isFalse();

    DriveStatus stopped = awaitDrive(s -> s.speedMps() == 0);
    assertThat(stopped.fault()).as("latched").isTrue();

    assertThat(drive.resetFault()).isEqualTo(CommandResult.OK);
    DriveStatus reset = drive.readStatus();
    assertThat(reset.fault()).isFalse();
    assertThat(reset.watchdogTripped()).isFalse();
    assertThat(reset.running()).as("a reset never restarts the belt").isFalse();
  }

  @Test
  void shouldRampToStopInOneRequestCarryingTheKnownInclineUnchanged() {
    assertThat(drive.setAcceleration(2.0)).isEqualTo(CommandResult.OK);
    assertThat(drive.setSplitSpeeds(0.6, 0.9)).isEqualTo(CommandResult.OK);
    assertThat(drive.setIncline(3.0)).isEqualTo(CommandResult.OK);
    assertThat(drive.setRunning(true)).isEqualTo(CommandResult.OK);
    awaitDrive(DriveStatus::atSpeed);
    long requestsBefore = drive.counters().requests();

    assertThat(drive.rampToStop(0.5)).isEqualTo(CommandResult.OK);

    assertThat(drive.counters().requests() - requestsBefore).as("one FC 16").isEqualTo(1);
    assertThat(holding(world.drive(), 1)).as("SPEED_SET").isZero();
    assertThat(holding(world.drive(), 2)).as("SPEED_SET_RIGHT").isZero();
    assertThat(holding(world.drive(), 3)).as("INCLINE_SET, 0.1 %").isEqualTo(30);
    assertThat(holding(world.drive(), 4)).as("ACCEL, mm/s²").isEqualTo(500);
    DriveStatus stopped = awaitDrive(s -> s.speedMps() < 0.01 && s.speedRightMps() < 0.01);
    assertThat(stopped.fault()).as("a ramp, not a quick stop").isFalse();
  }

  @Test
  void shouldRampToStopOneWriteAtATimeWhenARegisterBetweenIsUnknown() {
    assertThat(drive.setSpeed(0.5)).isEqualTo(CommandResult.OK);
    long requestsBefore = drive.counters().requests();

    assertThat(drive.rampToStop(0.5)).isEqualTo(CommandResult.OK);

    assertThat(drive.counters().requests() - requestsBefore)
        .as("INCLINE_SET never written or read: ACCEL, SPEED_SET, SPEED_SET_RIGHT apart")
        .isEqualTo(3);
    assertThat(holding(world.drive(), 1)).isZero();
    assertThat(holding(world.drive(), 4)).isEqualTo(500);
  }

  @Test
  void shouldLatchQuickStopAndClearItWithAFaultResetPulse() {
    assertThat(drive.setSpeed(0.5)).isEqualTo(CommandResult.OK);
    assertThat(drive.setRunning(true)).isEqualTo(CommandResult.OK);
    assertThat(drive.quickStop()).isEqualTo(CommandResult.OK);

    DriveStatus faulted = awaitDrive(DriveStatus::fault);
    assertThat(faulted.running()).isFalse();

    assertThat(drive.resetFault()).isEqualTo(CommandResult.OK);
    assertThat(drive.readStatus().fault()).isFalse();
    assertThat(holding(world.drive(), 0))
        .as("FAULT_RESET pulsed off again; RUN and QUICK_STOP cleared")
        .isZero();
  }

  @Test
  void shouldKeepSplitWhenRunChangesAndCountTheHeartbeatUp() {
    assertThat(drive.setSplitSpeeds(0.4, 0.5)).isEqualTo(CommandResult.OK);
    assertThat(drive.setRunning(true)).isEqualTo(CommandResult.OK);
    assertThat(holding(world.drive(), 0)).isEqualTo(DriveModel.RUN | DriveModel.SPLIT);
    assertThat(drive.setRunning(false)).isEqualTo(CommandResult.OK);
    assertThat(holding(world.drive(), 0)).isEqualTo(DriveModel.SPLIT);

    assertThat(drive.heartbeat()).isEqualTo(CommandResult.OK);
    assertThat(drive.heartbeat()).isEqualTo(CommandResult.OK);
    assertThat(holding(world.drive(), DriveModel.HEARTBEAT)).isEqualTo(2);
  }

  @Test
  void shouldUnloadThePatientAndHoldTheCable() {
    assertThat(bws.setForceRate(1000)).isEqualTo(CommandResult.OK);
    assertThat(bws.setForce(250)).isEqualTo(CommandResult.OK);
    assertThat(bws.setEnabled(true)).isEqualTo(CommandResult.OK);

    BwsStatus unloading = awaitBws(s -> s.enabled() && Math.abs(s.forceN() - 250) <= 30);
    assertThat(unloading.fault()).isFalse();

    assertThat(bws.setHold(true)).isEqualTo(CommandResult.OK);
    BwsStatus holding = awaitBws(BwsStatus::holding);
    assertThat(holding.cablePositionM()).isBetween(1.0, 1.6);
    assertThat(bws.setForce(0)).isEqualTo(CommandResult.OK);
    sleepMs(300);
    BwsStatus stillHolding = bws.readStatus();
    assertThat(stillHolding.cablePositionM()).isEqualTo(holding.cablePositionM());
  }

  @Test
  void shouldServeDriveAndBwsFromTwoThreadsAtOnce() throws Exception {
    int requests = 100;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.Future<Long> driveOk =
          pool.submit(
              () ->
                  java.util.stream.IntStream.range(0, requests)
                      .filter(i -> drive.readStatus().result().isOk())
                      .count());
      java.util.concurrent.Future<Long> bwsOk =
          pool.submit(
              () ->
                  java.util.stream.IntStream.range(0, requests)
                      .filter(i -> bws.readStatus().result().isOk())
                      .count());
      assertThat(driveOk.get()).isEqualTo(requests);
      assertThat(bwsOk.get()).isEqualTo(requests);
    } finally {
      pool.shutdownNow();
    }
  }

  static int holding(RegisterDevice device, int address) {
    int[] word = new int[1];
    assertThat(device.readHolding(address, 1, word)).isZero();
    return word[0];
  }

  DriveStatus awaitDrive(Predicate<DriveStatus> condition) {
    return await(drive::readStatus, s -> s.result().isOk() && condition.test(s));
  }

  BwsStatus awaitBws(Predicate<BwsStatus> condition) {
    return await(bws::readStatus, s -> s.result().isOk() && condition.test(s));
  }

  private static <S> S await(Supplier<S> read, Predicate<S> condition) {
    long deadlineNs = System.nanoTime() + AWAIT_MS * 1_000_000L;
    S last = read.get();
    while (!condition.test(last)) {
      if (System.nanoTime() - deadlineNs > 0) {
        throw new AssertionError("condition not reached within " + AWAIT_MS + " ms; last " + last);
      }
      sleepMs(20);
      last = read.get();
    }
    return last;
  }

  static void sleepMs(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
