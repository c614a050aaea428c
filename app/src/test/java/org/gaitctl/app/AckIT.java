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

/** {@code gaitctl ack} against the emulators on real transports, with causes injected. */
class AckIT {

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
  void shouldNameTheCauseStillPresentAndRefuseWhileTheEstopChainIsOpen() {
    hardware.world().drive().setEstopOpen(true);

    assertThat(ack()).as(out + "" + err).isEqualTo(ExitCodes.REFUSED_TO_START);
    assertThat(out.toString()).contains("Not acknowledged: cause present: F08 e-stop chain open");
  }

  @Test
  void shouldResetALatchedDriveFaultWhoseCauseIsGone() {
    hardware.world().drive().injectOvercurrent();

    assertThat(ack()).as(out + "" + err).isEqualTo(ExitCodes.DONE);
    assertThat(out.toString()).contains("Acknowledged: the devices' latched faults are reset");
  }

  private int ack() {
    return CliRun.execute(
        workDir.resolve("logs"), out, err, "ack", "--devices", profile.toString());
  }
}
