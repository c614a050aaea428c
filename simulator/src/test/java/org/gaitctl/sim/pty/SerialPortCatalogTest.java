package org.gaitctl.sim.pty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gaitctl.drivers.serial.SerialPortCatalog;
import org.gaitctl.sim.testing.Socat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog on a port made for the test: jSerialComm lists a pseudo-terminal whose link sits in
 * {@code /dev}, so the test needs socat and a writable {@code /dev} (root, as on CI).
 */
class SerialPortCatalogTest {

  private static final Path DEV = Path.of("/dev");

  @TempDir Path dir;

  @Test
  void shouldListAPseudoTerminalLinkedInDevWithNameAndPath() throws IOException {
    Socat.assumeInstalled();
    assumeTrue(Files.isWritable(DEV), "/dev is not writable: no port can be made for the test");
    Path hostEnd = DEV.resolve("ttyGaitctlTest" + ProcessHandle.current().pid());
    try (PseudoTerminalPair pair =
        PseudoTerminalPair.open(hostEnd, dir.resolve("device"), Duration.ofSeconds(5))) {
      List<SerialPortCatalog.PortEntry> ports = SerialPortCatalog.list();
      assertThat(ports)
          .as("ports listed")
          .anySatisfy(
              port -> {
                assertThat(port.path()).isEqualTo(pair.hostEnd().toString());
                assertThat(port.name()).isEqualTo(hostEnd.getFileName().toString());
              });
      assertThat(ports)
          .allSatisfy(
              port -> {
                assertThat(port.name()).isNotBlank();
                assertThat(port.path()).isNotBlank();
                assertThat(port.description()).isNotNull();
              });
    }
  }
}
