package org.gaitctl.sim.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.gaitctl.config.SafetyLimits;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.drivers.modbus.ModbusBwsUnit;
import org.gaitctl.drivers.modbus.ModbusTreadmillDrive;
import org.gaitctl.safety.ArmedWatchdogs;
import org.gaitctl.safety.FaultCode;
import org.gaitctl.safety.RequestOutcome;
import org.gaitctl.safety.SafeStopOutcome;
import org.gaitctl.safety.SafetyState;
import org.gaitctl.safety.SafetySupervisor;
import org.gaitctl.safety.StatusPoller;
import org.gaitctl.safety.SupervisorCounters;
import org.gaitctl.safety.SupervisorSettings;
import org.gaitctl.sim.modbus.BwsModel;
import org.gaitctl.sim.modbus.ReplyFaults;
import org.gaitctl.sim.modbus.TcpModbusDevices;
import org.gaitctl.sim.plant.PlantParameters;
import org.gaitctl.sim.testing.SinusoidalPatient;
import org.gaitctl.sim.world.SimulationWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety supervisor against the drive and BWS emulators over loopback Modbus TCP, in real time:
 * the supervisor's safe stop, its acknowledge rules, the devices' own watchdogs (armed and read
 * back at the start) as the second line of defence when the supervisor dies.
 */
class SupervisorAgainstModbusEmulatorsIT {

  private static final Logger LOG =
      LoggerFactory.getLogger(SupervisorAgainstModbusEmulatorsIT.class);

  private static final SafetyLimits LIMITS =
      new SafetyLimits(2.0, -5.0, 15.0, 600.0, 0.0, 1.0, 0.5, 500.0, 1_000);
  private static final int REQUEST_TIMEOUT_MS = 200;

  private SimulationWorld world;
  private ModbusTreadmillDrive drive;
  private ModbusBwsUnit bws;
  private TcpModbusDevices devices;
  private SupervisedEmulators supervised;
  private StatusPoller<DriveStatus> drivePoller;
  private StatusPoller<BwsStatus> bwsPoller;
  private SafetySupervisor supervisor;

  @BeforeEach
  void startEmulatorsAndSupervisor() throws IOException {
    // No centre-of-mass oscillation: with the plant's default tuning a walking patient swings the
    // harness tension by up to 264 N within 200 ms around a 200 N setpoint, a fall sign (F04).
    SinusoidalPatient steadyPatient = new SinusoidalPatient(75, 0, 1.8);
    world = new SimulationWorld(NanoClock.SYSTEM, steadyPatient, PlantParameters.defaults());
    world.start();
    devices =
        TcpModbusDevices.start(
            world, new ReplyFaults(), new ReplyFaults(), REQUEST_TIMEOUT_MS, LIMITS);
    drive = devices.drive();
    bws = devices.bws();
    SupervisorSettings defaults = SupervisorSettings.defaults();
    // A 2-core CI machine shared with other builds delays threads by tens, at times hundreds, of
    // ms: overruns and status staleness are tested on virtual time, not here; device watchdogs
    // (LIMITS) get 1 s for the same reason.
    SupervisorSettings settings =
        defaults.toBuilder().overrunThresholdMs(250).deviceStatusStaleMs(1_000).build();
    supervised = new SupervisedEmulators(world, devices, LIMITS, settings);
    supervisor = supervised.supervisor();
    drivePoller = supervised.drivePoller();
    bwsPoller = supervised.bwsPoller();
  }

  @AfterEach
  void stopEverything() {
    supervised.stopSupervisor();
    SupervisorCounters counters = supervisor.counters();
    LOG.info(
        "supervisor figures: cycles={} maxCycleUs={} maxLatenessMs={} safeStops={}",
        counters.cycles(),
        counters.maxCycleNs() / 1_000,
        counters.maxLatenessNs() / 1_000_000,
        counters.safeStops());
    supervised.stopPollers();
    devices.close();
    world.close();
  }

  @Test
  void shouldArmBothEmulatedWatchdogsAndExposeWhatTheyReadBack() throws Exception {
    supervised.awaitFirstStatuses();
    RequestOutcome started = supervisor.requestStart().get(5, TimeUnit.SECONDS);
    assertThat(started.accepted()).as(started.reason()).isTrue();
    assertThat(supervisor.armedWatchdogs()).isEqualTo(new ArmedWatchdogs(1_000, 1_000));
  }

  @Test
  void shouldRefuseTheStartWhenTheEmulatedDriveIgnoresTheWatchdogWrite() throws Exception {
    world.drive().setIgnoresWatchdogWrites(true);
    supervised.awaitFirstStatuses();
    RequestOutcome refused = supervisor.requestStart().get(5, TimeUnit.SECONDS);
    assertThat(refused.accepted()).isFalse();
    assertThat(refused.reason()).isEqualTo("drive watchdog read back 0 ms after arming 1000 ms");
    assertThat(supervisor.state()).isEqualTo(SafetyState.IDLE);
    assertThat(supervisor.armedWatchdogs()).isNull();
  }

  @Test
  void shouldQuickStopTheEmulatedBeltAndHoldTheHarnessWhenTheEstopOpens() throws Exception {
    supervised.startSessionWithBeltAt(1.0);

    world.drive().setEstopOpen(true);
    SupervisedEmulators.awaitCondition(
        () -> supervisor.state() == SafetyState.SAFE_STOP_LATCHED, 5_000, "latched");

    assertThat(supervisor.firstFault().code()).isEqualTo(FaultCode.DRIVE_ESTOP_OPEN);
    SafeStopOutcome stop = supervisor.lastSafeStop();
    assertThat(stop.quickStopUsed()).isTrue();
    assertThat(stop.holdCommanded()).isTrue();
    assertThat(stop.beltAtRest()).isTrue();
    assertThat(world.drive().beltSpeedMps()).isLessThanOrEqualTo(0.02);
    assertThat(bws.readStatus().holding()).isTrue();
    int[] bwsControl = new int[1];
    world.bws().readHolding(0, 1, bwsControl);
    assertThat(bwsControl[0] & BwsModel.ENABLE)
        .as("ENABLE never cleared")
        .isEqualTo(BwsModel.ENABLE);

    RequestOutcome refused = supervisor.requestAcknowledge().get(5, TimeUnit.SECONDS);
    assertThat(refused.accepted()).isFalse();
    assertThat(refused.reason()).contains("F08 e-stop chain open");

    world.drive().setEstopOpen(false);
    RequestOutcome acknowledged = supervisor.requestAcknowledge().get(5, TimeUnit.SECONDS);
    assertThat(acknowledged.accepted()).as(acknowledged.reason()).isTrue();
    assertThat(supervisor.state()).isEqualTo(SafetyState.IDLE);
  }

  @Test
  void shouldLetTheDeviceWatchdogsStopTheBeltAndHoldTheHarnessWhenTheSupervisorDies()
      throws Exception {
    supervised.startSessionWithBeltAt(1.0);

    supervised.stopSupervisor(); // the supervisor's thread is gone; the pollers still run

    SupervisedEmulators.awaitCondition(
        () -> world.drive().beltSpeedMps() <= 0.02, 5_000, "belt at rest");
    DriveStatus driveStatus = drive.readStatus();
    assertThat(driveStatus.watchdogTripped()).isTrue();
    assertThat(driveStatus.fault()).isTrue();
    BwsStatus bwsStatus = bws.readStatus();
    assertThat(bwsStatus.watchdogTripped()).isTrue();
    assertThat(bwsStatus.holding()).isTrue();
  }

  @Test
  void shouldQuickStopTheEmulatedBeltWhenThePatientFalls() throws Exception {
    supervised.startSessionWithBeltAt(1.0);

    world.injectFall();
    SupervisedEmulators.awaitCondition(
        () -> supervisor.state() == SafetyState.SAFE_STOP_LATCHED, 5_000, "latched");

    assertThat(supervisor.firstFault().code()).isEqualTo(FaultCode.PATIENT_FALL);
    assertThat(supervisor.lastSafeStop().quickStopUsed()).isTrue();
    assertThat(supervisor.lastSafeStop().beltAtRest()).isTrue();
    assertThat(bws.readStatus().holding()).isTrue();
  }

  @Test
  void shouldStopTheEmulatedBeltUnderControlWhenTheBwsForceSensorDrifts() throws Exception {
    supervised.startSessionWithBeltAt(1.0);

    // The unit's sensor reads 1.6 times the tension: its force loop settles at 125 N true tension
    // (the load cell) while FORCE_ACT says 200 N, 75 N apart.
    world.bws().setSensorGain(1.6);
    SupervisedEmulators.awaitCondition(
        () -> supervisor.state() == SafetyState.SAFE_STOP_LATCHED, 8_000, "latched");

    assertThat(supervisor.firstFault().code()).isEqualTo(FaultCode.FORCE_SENSOR_DISAGREE);
    assertThat(supervisor.lastSafeStop().quickStopUsed()).isFalse();
    assertThat(supervisor.lastSafeStop().beltAtRest()).isTrue();
    assertThat(bws.readStatus().holding()).isTrue();
  }

  @Test
  void shouldEndAControlledStopAtRestAtTheCommandedDecelerationWithNoDeviceFaultLatched()
      throws Exception {
    supervised.startSessionWithBeltAt(1.0);
    BeltSpeedSampler sampler = BeltSpeedSampler.start(world.drive());

    supervisor.requestOperatorStop();
    SupervisedEmulators.awaitCondition(
        () -> supervisor.state() == SafetyState.SAFE_STOP_LATCHED, 8_000, "latched");
    sampler.close();

    SafeStopOutcome stop = supervisor.lastSafeStop();
    assertThat(stop.quickStopUsed()).as("quick stop used").isFalse();
    assertThat(stop.beltAtRest()).isTrue();
    assertThat(world.drive().beltSpeedMps()).isLessThanOrEqualTo(0.02);
    // The belt followed the commanded ramp all the way down, never the emergency ramp (1.0 m/s²);
    // windows of 250 ms keep the sampler's own scheduling jitter out of the figure.
    LOG.info(
        "controlled stop from 1.0 m/s: steepest deceleration over 250 ms {} m/s² (commanded {})",
        String.format("%.3f", sampler.steepestDecelerationMps2(250)),
        LIMITS.stopDecelMps2());
    assertThat(sampler.steepestDecelerationMps2(250))
        .as("steepest deceleration over 250 ms")
        .isLessThanOrEqualTo(LIMITS.stopDecelMps2() * 1.2);
    assertThat(world.drive().faulted()).as("drive fault latched").isFalse();
    assertThat(world.drive().watchdogTripped()).as("drive watchdog tripped").isFalse();
    assertThat(world.bws().faulted()).as("BWS fault latched").isFalse();
    assertThat(world.bws().watchdogTripped()).as("BWS watchdog tripped").isFalse();
    assertThat(bws.readStatus().holding()).isTrue();
  }
}
