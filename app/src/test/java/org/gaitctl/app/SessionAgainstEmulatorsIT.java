package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.config.DevicesConfigLoader;
import org.gaitctl.core.pipeline.StepSubscription;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.safety.FaultCode;
import org.gaitctl.safety.SafetyState;
import org.gaitctl.safety.SupervisorSettings;
import org.gaitctl.session.SessionCommand;
import org.gaitctl.session.SessionController;
import org.gaitctl.session.SessionState;
import org.gaitctl.sim.hil.EmulatedHardware;
import org.gaitctl.sim.modbus.BwsModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions against the built-in emulators on real transports (Modbus TCP, socat pseudo-terminals):
 * what the session leaves the harness in, faults injected into the emulators, and what reaches the
 * ring, each read from the emulators' own registers where it can be.
 */
class SessionAgainstEmulatorsIT {

  @TempDir Path workDir;

  private EmulatedHardware hardware;
  private DeviceSession session;
  private SessionController control;
  private StepSubscription steps;
  private int stepsWithLength;

  @BeforeEach
  void startEmulatorsAndController() throws Exception {
    DevicesConfig profile = DevicesConfigLoader.loadDefault();
    hardware = EmulatedHardware.startIsolated(profile, NanoClock.SYSTEM, workDir, null);
    session =
        DeviceSession.open(
            hardware.controllerProfile(),
            NanoClock.SYSTEM,
            profile.simulation().patient().bodyMassKg(),
            lenientTiming());
    steps = session.pipeline().steps().subscribe("it", 64);
    control = session.session();
  }

  @AfterEach
  void closeEverything() {
    if (session != null) {
      session.close();
    }
    if (hardware != null) {
      hardware.close();
    }
  }

  @Test
  void shouldReleaseTheHarnessHeldByTheLastStopWhenTheNextSessionStartsWithoutUnloading() {
    startAndAwaitRunning(0.8, 0);
    control.submit(new SessionCommand.Stop());
    await(() -> control.state() == SessionState.LATCHED, 15_000, "latched after the stop");
    assertThat(bwsControlRegister() & BwsModel.HOLD).as("held after the stop").isNotZero();
    control.submit(new SessionCommand.Acknowledge());
    await(() -> control.state() == SessionState.IDLE, 10_000, "acknowledged");

    startAndAwaitRunning(0.8, 0);
    long runningSinceNs = System.nanoTime();
    await(() -> System.nanoTime() - runningSinceNs > 3_000_000_000L, 5_000, "3 s walking");

    assertThat(control.state()).as(control.reason()).isEqualTo(SessionState.RUNNING);
    assertThat(bwsControlRegister() & (BwsModel.HOLD | BwsModel.ENABLE))
        .as("harness free: neither held nor under force control")
        .isZero();
    assertThat(session.safety().supervisor().counters().faults(FaultCode.PATIENT_FALL)).isZero();
  }

  @Test
  void shouldStopTheBeltUnderControlWhenThePressureBeltUnitReportsASensorFault() {
    startAndAwaitRunning(1.0, 150);

    hardware.pressureBelt().faults().setSensorFault(true);
    await(() -> control.state() == SessionState.LATCHED, 15_000, "latched");

    assertThat(session.safety().supervisor().firstFault().code())
        .isEqualTo(FaultCode.PRESSURE_SENSOR_FAULT);
    assertThat(session.safety().supervisor().lastSafeStop().quickStopUsed()).isFalse();
    assertThat(hardware.world().drive().beltSpeedMps()).isLessThanOrEqualTo(0.02);
    assertThat(hardware.world().drive().faulted()).as("no drive fault latched").isFalse();
    assertThat(hardware.world().bws().faulted()).as("no BWS fault latched").isFalse();
  }

  @Test
  void shouldGiveStepsTheirLengthFromDriveStatusThePollerPublishesIntoTheRing() {
    startAndAwaitRunning(1.0, 150);
    await(
        () -> {
          steps.drain(
              (step, symmetry, arrivalNs) -> {
                if (step.stepLengthM() > 0.2) {
                  stepsWithLength++;
                }
              });
          return stepsWithLength >= 6;
        },
        20_000,
        "six steps with a length");
    assertThat(session.safety().supervisor().state()).isEqualTo(SafetyState.RUNNING);
  }

  @Test
  void shouldRefuseASessionCommandOutsideTheLimitsWithoutMovingTheBelt() {
    control.submit(new SessionCommand.Start(9.0, 0));
    LockSupport.parkNanos(500_000_000L);
    assertThat(control.state()).isEqualTo(SessionState.IDLE);
    assertThat(hardware.world().drive().beltSpeedMps()).isZero();
  }

  /**
   * A shared 2-core CI machine delays threads by tens, at times hundreds, of ms; staleness and
   * overruns are tested on virtual time (safety module), not here.
   */
  private static SupervisorSettings lenientTiming() {
    return SupervisorSettings.defaults().toBuilder()
        .overrunThresholdMs(250)
        .pressureStaleMs(500)
        .loadCellStaleMs(500)
        .deviceStatusStaleMs(1_000)
        .stageStallMs(1_000)
        .build();
  }

  private void startAndAwaitRunning(double speedMps, double unloadingN) {
    control.submit(new SessionCommand.Start(speedMps, unloadingN));
    await(
        () -> control.state() == SessionState.RUNNING || control.state() == SessionState.LATCHED,
        30_000,
        "session running");
    assertThat(control.state()).as(control.reason()).isEqualTo(SessionState.RUNNING);
  }

  private int bwsControlRegister() {
    int[] control = new int[1];
    hardware.world().bws().readHolding(0, 1, control);
    return control[0];
  }

  private static void await(BooleanSupplier condition, long timeoutMs, String what) {
    long deadlineNs = System.nanoTime() + timeoutMs * 1_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(deadlineNs - System.nanoTime()).as("waiting for " + what).isPositive();
      LockSupport.parkNanos(20_000_000L);
    }
  }
}
