package org.gaitctl.sim.hil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.gaitctl.config.DevicesConfigLoader;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.sim.testing.Socat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatedHardwareIT {

  @TempDir Path workDir;

  @Test
  void shouldRemoveItsPseudoTerminalFolderWhenClosed() throws IOException {
    Socat.assumeInstalled();
    EmulatedHardware hardware =
        EmulatedHardware.startIsolated(
            DevicesConfigLoader.loadDefault(), NanoClock.SYSTEM, workDir, null);
    assertThat(entries()).singleElement().asString().contains("pty-");

    hardware.close();

    assertThat(entries()).isEmpty();
  }

  @Test
  void shouldListTheHostEndsAMasterOpensForRtuAndStreamDevices() throws IOException {
    Socat.assumeInstalled();
    try (EmulatedHardware hardware =
        EmulatedHardware.startIsolated(
            DevicesConfigLoader.loadResource("devices/emulated-rtu.yaml"),
            NanoClock.SYSTEM,
            workDir,
            null)) {
      assertThat(hardware.listening().values())
          .hasSize(4)
          .allSatisfy(address -> assertThat(address).doesNotContain(".device"))
          .anySatisfy(address -> assertThat(address).startsWith("rtu:"))
          .anySatisfy(address -> assertThat(address).startsWith("serial:"));
    }
  }

  private Stream<Path> entries() throws IOException {
    try (Stream<Path> list = Files.list(workDir)) {
      return list.toList().stream();
    }
  }
}
