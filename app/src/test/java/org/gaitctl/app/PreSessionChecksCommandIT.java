package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
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
    profile = EmulatorProfileFile.write(hardware.controllerProfile(), workDir);
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
}
