package org.gaitctl.sim.safety;

import java.util.List;
import org.gaitctl.config.SafetyLimits;
import org.gaitctl.core.loop.AgentThread;
import org.gaitctl.core.loop.DeadlineIdleStrategy;
import org.gaitctl.core.loop.PeriodicAgent;
import org.gaitctl.core.loop.PeriodicCycle;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.Centinewtons;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.safety.HeartbeatPermit;
import org.gaitctl.safety.LoadCellInput;
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
