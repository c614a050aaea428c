package org.gaitctl.sim.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.gaitctl.config.SafetyLimits;
import org.gaitctl.core.loop.AgentThread;
import org.gaitctl.core.loop.DeadlineIdleStrategy;
import org.gaitctl.core.loop.PeriodicAgent;
import org.gaitctl.core.loop.PeriodicCycle;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.Centinewtons;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.drivers.modbus.ModbusBwsUnit;
import org.gaitctl.drivers.modbus.ModbusTreadmillDrive;
import org.gaitctl.safety.HeartbeatPermit;
import org.gaitctl.safety.LoadCellInput;
import org.gaitctl.safety.RequestOutcome;
import org.gaitctl.safety.SafetyState;
import org.gaitctl.safety.SafetySupervisor;
import org.gaitctl.safety.StatusPoller;
import org.gaitctl.safety.SupervisedInputs;
import org.gaitctl.safety.SupervisedStream;
import org.gaitctl.safety.SupervisorSettings;
import org.gaitctl.sim.modbus.TcpModbusDevices;
import org.gaitctl.sim.world.SimulationWorld;

/**
 * The real safety supervisor and its status pollers running in real time against a world's emulated
 * drive and BWS unit over Modbus TCP; the load cell read straight from the world and the belt
 * stream always fresh (they are not what these tests are about).
 */
final class SupervisedEmulators {

  private final SimulationWorld world;
  private final TcpModbusDevices devices;
  private final StatusPoller<DriveStatus> drivePoller;
  private final StatusPoller<BwsStatus> bwsPoller;
  private final SafetySupervisor supervisor;
  private final AgentThread supervisorRunner;
  private final AgentThread driveRunner;
  private final AgentThread bwsRunner;

  SupervisedEmulators(
      SimulationWorld world,
      TcpModbusDevices devices,
      SafetyLimits limits,
      SupervisorSettings settings) {
    this.world = world;
    this.devices = devices;
    HeartbeatPermit permit = new HeartbeatPermit();
    drivePoller = StatusPoller.forDrive(devices.drive(), permit, NanoClock.SYSTEM);
    bwsPoller = StatusPoller.forBws(devices.bws(), permit, NanoClock.SYSTEM);
    SupervisedInputs inputs =
        new SupervisedInputs(
            List.of(new SupervisedStream("belt", System::nanoTime)),
            () -> 0,
            new EmulatedLoadCell(world),
            List.of(),
            () -> 0,
            () -> 0);
    supervisor =
        new SafetySupervisor(
            devices.drive(),
            devices.bws(),
            drivePoller,
            bwsPoller,
            inputs,
            permit,
            limits,
            settings,
            NanoClock.SYSTEM);
    long pollNs = settings.pollPeriodMs() * 1_000_000L;
    driveRunner = startLoop(drivePoller, pollNs);
    bwsRunner = startLoop(bwsPoller, pollNs);
    supervisorRunner = startLoop(supervisor, settings.cyclePeriodMs() * 1_000_000L);
  }

  SafetySupervisor supervisor() {
    return supervisor;
  }

  StatusPoller<DriveStatus> drivePoller() {
    return drivePoller;
  }

  StatusPoller<BwsStatus> bwsPoller() {
    return bwsPoller;
  }

  /** Waits for both pollers' first good status, which the supervisor's start needs. */
  void awaitFirstStatuses() {
    awaitCondition(() -> drivePoller.latest().lastGood() != null, 5_000, "first drive status");
    awaitCondition(() -> bwsPoller.latest().lastGood() != null, 5_000, "first BWS status");
  }

  /**
   * Started through the supervisor; the harness unloading 200 N and the belt commanded as the
   * application would.
   */
  void startSessionWithBeltAt(double speedMps) throws Exception {
    awaitFirstStatuses();
    RequestOutcome started = supervisor.requestStart().get(5, TimeUnit.SECONDS);
    assertThat(started.accepted()).as(started.reason()).isTrue();
    ModbusBwsUnit bws = devices.bws();
    assertThat(bws.setForceRate(500).isOk()).isTrue();
    assertThat(bws.setForce(200).isOk()).isTrue();
    assertThat(bws.setEnabled(true).isOk()).isTrue();
    awaitCondition(() -> world.bws().cableTensionN() > 150, 5_000, "harness unloading");
    ModbusTreadmillDrive drive = devices.drive();
    assertThat(drive.setAcceleration(1.0).isOk()).isTrue();
    assertThat(drive.setSpeed(speedMps).isOk()).isTrue();
    assertThat(drive.setRunning(true).isOk()).isTrue();
    awaitCondition(
        () -> Math.abs(world.drive().beltSpeedMps() - speedMps) < 0.01, 5_000, "belt at speed");
    assertThat(supervisor.state()).isEqualTo(SafetyState.RUNNING);
  }

  /** Polls {@code condition} every 5 ms; fails naming {@code what} after {@code timeoutMs}. */
  static void awaitCondition(BooleanSupplier condition, long timeoutMs, String what) {
    long deadlineNs = System.nanoTime() + timeoutMs * 1_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(deadlineNs - System.nanoTime()).as("waiting for " + what).isPositive();
      LockSupport.parkNanos(5_000_000L);
    }
  }

  /** Stops the supervisor first (so it raises no fault over the pollers' end), then the pollers. */
  void stopSupervisor() {
    supervisorRunner.close();
  }

  void stopPollers() {
    driveRunner.close();
    bwsRunner.close();
  }

  private static AgentThread startLoop(PeriodicCycle cycle, long periodNs) {
    PeriodicAgent agent = new PeriodicAgent(cycle, NanoClock.SYSTEM, periodNs);
    return AgentThread.startHighPriority(
        agent, DeadlineIdleStrategy.forPeriodic(agent, NanoClock.SYSTEM));
  }

  /** Stands in for the load-cell reader: the emulated load cell, read by the supervisor. */
  private static final class EmulatedLoadCell implements LoadCellInput {
    private final SimulationWorld world;

    EmulatedLoadCell(SimulationWorld world) {
      this.world = world;
    }

    @Override
    public long lastArrivalNs() {
      return System.nanoTime();
    }

    @Override
    public double harnessLoadN() {
      return Centinewtons.toNewtons(world.loadCell().forceCn(System.nanoTime()));
    }

    @Override
    public int flags() {
      return world.loadCell().flags(System.nanoTime());
    }
  }
}
