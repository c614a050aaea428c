package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.config.DevicesConfigLoader;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.sim.hil.EmulatedHardware;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gaitctl session} prints the pre-session checks and refuses to start while one fails. */
class PreSessionChecksCommandIT {

  @TempDir Path workDir;

  private EmulatedHardware hardware;
  private Path profile;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void startEmulators() throws IOException {
    hardware =
        EmulatedHardware.startIsolated(
            DevicesConfigLoader.loadDefault(), NanoClock.SYSTEM, workDir, null);
    profile = writeControllerProfile(hardware.controllerProfile());
  }

  @AfterEach
  void stopEmulators() {
    hardware.close();
  }

  @Test
  void shouldPrintEveryCheckAndRefuseToStartNamingTheFailedOneWhileTheEstopChainIsOpen() {
    hardware.world().drive().setEstopOpen(true);

    int exit =
        CliRun.execute(
            workDir.resolve("logs"),
            out,
            err,
            "session",
            "--devices",
            profile.toString(),
            "--out",
            workDir.resolve("session").toString());

    assertThat(exit).as(out + "" + err).isEqualTo(ExitCodes.REFUSED_TO_START);
    assertThat(out.toString())
        .contains("  [ ok ] Drive reachable — Modbus TCP 127.0.0.1:")
        .contains("  [FAIL] E-stop chain closed, safety key in — F08 e-stop chain open")
        .containsPattern(
            "Start refused, the belt did not move\\. Failed: .*E-stop chain closed, safety key in");
    assertThat(out.toString()).doesNotContain("== stage");
    assertThat(hardware.world().drive().beltSpeedMps()).isZero();
  }

  /** The built-in profile with the emulators' actual addresses. */
  private Path writeControllerProfile(DevicesConfig actual) throws IOException {
    String yaml =
        Files.readString(Path.of("..", "config", "devices", "emulated.yaml"))
            .replace("tcp://127.0.0.1:1502", actual.treadmill().transport().text())
            .replace("tcp://127.0.0.1:1503", actual.bws().transport().text())
            .replace(
                "serial:/tmp/gaitctl/pbu?baud=921600", actual.pressureBelt().transport().text())
            .replace("serial:/tmp/gaitctl/lca?baud=921600", actual.loadCell().transport().text());
    Path file = workDir.resolve("emulators.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
