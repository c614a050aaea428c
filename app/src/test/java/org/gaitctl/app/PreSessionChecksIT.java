package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.config.DevicesConfigLoader;
import org.gaitctl.config.ProtocolLibrary;
import org.gaitctl.config.protocol.PatientLimits;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.safety.SafetyState;
import org.gaitctl.session.checks.CheckState;
import org.gaitctl.session.checks.PreSessionCheck;
import org.gaitctl.sim.hil.EmulatedHardware;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-session check list against the built-in emulators on real transports (Modbus TCP, socat
 * pseudo-terminals), healthy and with causes injected into the emulators: each cause fails its own
 * check with its reason, and the belt does not move.
 */
class PreSessionChecksIT {

  @TempDir Path workDir;

  private EmulatedHardware hardware;
  private DeviceSession session;
  private final List<List<PreSessionCheck>> progress = new ArrayList<>();

  @BeforeEach
  void startEmulatorsAndController() throws IOException {
    DevicesConfig profile = DevicesConfigLoader.loadDefault();
    hardware = EmulatedHardware.startIsolated(profile, NanoClock.SYSTEM, workDir, null);
    session =
        DeviceSession.open(
            hardware.controllerProfile(),
            NanoClock.SYSTEM,
            profile.simulation().patient().bodyMassKg());
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
  void shouldPassEveryCheckInItsOrderAgainstHealthyEmulators() {
    PreSessionChecks.Result result = run();

    assertThat(result.allPassed()).as(result.checks().toString()).isTrue();
    assertThat(result.checks()).extracting(PreSessionCheck::name).isEqualTo(PreSessionChecks.NAMES);
    assertThat(progress.get(0)).allMatch(check -> check.state() == CheckState.PENDING);
    assertThat(progress).hasSize(PreSessionChecks.NAMES.size() + 1);
    assertThat(reason(result, PreSessionChecks.DRIVE)).startsWith("Modbus TCP 127.0.0.1:");
    assertThat(reason(result, PreSessionChecks.LOAD_CELL_PLAUSIBLE)).contains("load cell");
    assertNoMotion();
  }

  @Test
  void shouldFailDriveReachableWhenTheDriveStopsAnswering() {
    hardware.driveServer().replyFaults().setDropReplies(true);

    PreSessionChecks.Result result = run();

    assertFailed(result, PreSessionChecks.DRIVE, "TIMEOUT");
    assertNoMotion();
  }

  @Test
  void shouldFailDriveReachableNamingTheRoundTripBoundWhenTheDriveAnswersTooLate() {
    int timeoutMs = hardware.controllerProfile().treadmill().requestTimeoutMs();
    hardware.driveServer().replyFaults().setDelayMs(timeoutMs * 3 / 2);

    PreSessionChecks.Result result = run();

    assertFailed(
        result,
        PreSessionChecks.DRIVE,
        "TIMEOUT in each of 3 attempts (round trip bound: the "
            + timeoutMs
            + " ms request timeout)");
    assertNoMotion();
  }

  @Test
  void shouldFailTheEstopCheckWhileTheChainIsOpen() {
    hardware.world().drive().setEstopOpen(true);

    PreSessionChecks.Result result = run();

    assertFailed(result, PreSessionChecks.ESTOP, "F08 e-stop chain open");
    assertNoMotion();
  }

  @Test
  void shouldFailOnALatchedDriveFaultAndAskForAnAcknowledgement() {
    hardware.world().drive().injectOvercurrent();

    PreSessionChecks.Result result = run();

    assertFailed(result, PreSessionChecks.LATCHED, "run `gaitctl ack`");
    assertNoMotion();
  }

  @Test
  void shouldFailTheLoadCellWhenItDisagreesWithTheBwsUnitsOwnForce() {
    // A harness left under tension (200 N by the unit's own sensor) whose sensor reads 1.6 times
    // the tension: the unit's loop settles at 125 N true tension, which the load cell measures.
    assertThat(session.bws().setForce(200)).isEqualTo(CommandResult.OK);
    assertThat(session.bws().setEnabled(true)).isEqualTo(CommandResult.OK);
    hardware.world().bws().setSensorGain(1.6);

    PreSessionChecks.Result result = run();

    assertFailed(result, PreSessionChecks.LOAD_CELL_PLAUSIBLE, "F26");
    assertNoMotion();
  }

  @Test
  void shouldFailThePressureBaselineWhileTheUnitReportsCellsOverRange() {
    hardware.pressureBelt().faults().setOverload(true);

    PreSessionChecks.Result result = run();

    assertFailed(result, PreSessionChecks.PRESSURE_BASELINE, "cells over range");
    assertNoMotion();
  }

  private PreSessionChecks.Result run() {
    PatientLimits patient =
        PatientLimits.forBodyMass(
            hardware.controllerProfile().simulation().patient().bodyMassKg(),
            hardware.controllerProfile().limits());
    return new PreSessionChecks(session, ProtocolLibrary.load("demo"), patient)
        .run(() -> false, progress::add);
  }

  private static String reason(PreSessionChecks.Result result, String name) {
    return result.checks().stream()
        .filter(check -> check.name().equals(name))
        .findFirst()
        .orElseThrow()
        .reason();
  }

  private static void assertFailed(PreSessionChecks.Result result, String name, String reason) {
    assertThat(result.allPassed()).as(result.checks().toString()).isFalse();
    assertThat(result.failedNames()).as(result.checks().toString()).contains(name);
    assertThat(reason(result, name)).contains(reason);
  }

  /** The supervisor was never armed and the emulated belt is at rest. */
  private void assertNoMotion() {
    assertThat(session.safety().supervisor().state()).isEqualTo(SafetyState.IDLE);
    assertThat(hardware.world().drive().beltSpeedMps()).isZero();
  }
}
