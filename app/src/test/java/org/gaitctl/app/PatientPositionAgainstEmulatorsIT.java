package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.config.DevicesConfigLoader;
import org.gaitctl.config.IntendedSpeedKnot;
import org.gaitctl.config.PatientSettings;
import org.gaitctl.config.SimulationSettings;
import org.gaitctl.core.pipeline.CopReading;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.safety.FaultCode;
import org.gaitctl.safety.SupervisorSettings;
import org.gaitctl.session.SessionCommand;
import org.gaitctl.session.SessionController;
import org.gaitctl.session.SessionState;
import org.gaitctl.sim.hil.EmulatedHardware;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The patient's position on the belt, live: the emulated patient means to walk faster than the belt
 * runs (its profile's intended-speed schedule), so it walks ahead on the belt; the centre of
 * pressure the ring computes and the stride-filtered position the supervisor reads follow it
 * forward until F25 (patient near belt end) stops the belt. Direction and size are asserted, not
 * timing: the machine is shared.
 */
class PatientPositionAgainstEmulatorsIT {

  private static final double BELT_SPEED_MPS = 0.8;

  /** 0.15 m/s faster than the belt: about 0.4 m ahead in under 3 s of walking. */
  private static final double INTENDED_SPEED_MPS = 0.95;

  @TempDir Path workDir;

  private EmulatedHardware hardware;
  private DeviceSession session;

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
  void shouldFollowThePatientWalkingAheadOnTheBeltUntilTheNearEndCheckStopsIt() throws Exception {
    DevicesConfig profile = profileWithPatientWalkingAhead();
    hardware = EmulatedHardware.startIsolated(profile, NanoClock.SYSTEM, workDir, null);
    session =
        DeviceSession.open(
            hardware.controllerProfile(),
            NanoClock.SYSTEM,
            profile.simulation().patient().bodyMassKg(),
            lenientTiming());
    SessionController control = session.session();

    await(() -> !Double.isNaN(session.patientPosition().positionM()), 10_000, "patient standing");
    double standingM = session.patientPosition().positionM();
    assertThat(Math.abs(standingM)).as("standing near the centre").isLessThan(0.15);

    control.submit(new SessionCommand.Start(BELT_SPEED_MPS, 0));
    await(
        () -> session.patientPosition().positionM() > standingM + 0.2,
        30_000,
        () -> "the filtered position 0.2 m further forward; " + state(control));
    CopReading raw = new CopReading();
    assertThat(session.pipeline().patientPosition().read(raw)).isTrue();
    assertThat(raw.copAheadM()).as("raw centre of pressure ahead too").isGreaterThan(standingM);
    assertThat(hardware.patient().aheadOfHomeM())
        .as("the emulated patient walked ahead")
        .isPositive();

    await(
        () -> control.state() == SessionState.LATCHED,
        30_000,
        () -> "stopped by F25; " + state(control));
    assertThat(session.safety().supervisor().firstFault().code())
        .as(control.reason())
        .isEqualTo(FaultCode.PATIENT_NEAR_BELT_END);
    assertThat(session.safety().supervisor().firstFault().measured())
        .as("where F25 saw the patient: near the front end, not far beyond it")
        .isBetween(session.patientPosition().nearEndLimitM(), 0.542);
  }

  private String state(SessionController control) {
    CopReading raw = new CopReading();
    session.pipeline().patientPosition().read(raw);
    return "session "
        + control.state()
        + " ("
        + control.reason()
        + "), filtered position "
        + session.patientPosition().positionM()
        + " m, raw "
        + raw.copAheadM()
        + " m, patient ahead of home "
        + hardware.patient().aheadOfHomeM()
        + " m, "
        + hardware.patient().gaitState();
  }

  private static DevicesConfig profileWithPatientWalkingAhead() throws Exception {
    DevicesConfig profile = DevicesConfigLoader.loadDefault();
    PatientSettings base = profile.simulation().patient();
    PatientSettings walkingAhead =
        new PatientSettings(
            base.bodyMassKg(),
            base.legLengthM(),
            base.stanceAsymmetryPercent(),
            base.stepLengthAsymmetryPercent(),
            base.peakForceAsymmetryPercent(),
            base.variabilityPercent(),
            base.seed(),
            List.of(new IntendedSpeedKnot(0, INTENDED_SPEED_MPS)));
    return profile.withSimulation(
        new SimulationSettings(walkingAhead, profile.simulation().pressureBelt()));
  }

  /** As in {@link SessionAgainstEmulatorsIT}: staleness is tested on virtual time, not here. */
  private static SupervisorSettings lenientTiming() {
    return SupervisorSettings.defaults().toBuilder()
        .overrunThresholdMs(250)
        .pressureStaleMs(500)
        .loadCellStaleMs(500)
        .deviceStatusStaleMs(1_000)
        .stageStallMs(1_000)
        .build();
  }

  private static void await(BooleanSupplier condition, long timeoutMs, String what) {
    await(condition, timeoutMs, () -> what);
  }

  private static void await(BooleanSupplier condition, long timeoutMs, Supplier<String> what) {
    long deadlineNs = System.nanoTime() + timeoutMs * 1_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(deadlineNs - System.nanoTime()).as("waiting for %s", what.get()).isPositive();
      LockSupport.parkNanos(20_000_000L);
    }
  }
}
