package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaitctl.config.DevicesConfigLoader;
import org.gaitctl.sim.pty.PseudoTerminalPair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gaitctl sim} where an address of the profile cannot be had: one plain line that names the
 * address and what to do, exit 2, no stack trace, and nothing left running.
 */
class SimCommandIT {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void needsSocat() {
    assumeTrue(
        PseudoTerminalPair.socatInstalled(),
        "socat is not installed (Debian/Ubuntu: apt-get install socat)");
  }

  @Test
  void shouldNameTheTakenPortAndWhatToDoWhenAnotherSimHoldsIt() throws IOException {
    try (ServerSocket otherSim = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int takenPort = otherSim.getLocalPort();
      Path profile =
          profile(
              "tcp://127.0.0.1:" + takenPort,
              "tcp://127.0.0.1:" + freePort(),
              dir.resolve("pbu").toString());

      int exit = runSim(profile);

      assertThat(exit).isEqualTo(2);
      assertThat(err.toString().lines())
          .singleElement()
          .asString()
          .contains("tcp://127.0.0.1:" + takenPort)
          .contains("already in use")
          .contains("another gaitctl sim")
          .doesNotContain("Exception");
    }
  }

  @Test
  void shouldNameTheSerialPathThatCannotBeMade() throws IOException {
    Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
    String pbuPath = notAFolder.resolve("pbu").toString();
    Path profile =
        profile("tcp://127.0.0.1:" + freePort(), "tcp://127.0.0.1:" + freePort(), pbuPath);

    int exit = runSim(profile);

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .contains(pbuPath)
        .contains("a folder you can write");
  }

  private static int freePort() throws IOException {
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return free.getLocalPort();
    }
  }

  private int runSim(Path profile) {
    return CliRun.execute(
        dir.resolve("logs"), out, err, "sim", "--no-console", "--devices", profile.toString());
  }

  /** The default profile with the drive, the BWS unit and the pressure belt moved. */
  private Path profile(String driveAddress, String bwsAddress, String pbuPath) throws IOException {
    String text;
    try (InputStream in =
        DevicesConfigLoader.class
            .getClassLoader()
            .getResourceAsStream(DevicesConfigLoader.DEFAULT_RESOURCE)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String moved =
        text.replace("tcp://127.0.0.1:1502", driveAddress)
            .replace("tcp://127.0.0.1:1503", bwsAddress)
            .replace("serial:/tmp/gaitctl/pbu", "serial:" + pbuPath)
            .replace("serial:/tmp/gaitctl/lca", "serial:" + dir.resolve("lca"));
    return Files.writeString(dir.resolve("profile.yaml"), moved);
  }
}
