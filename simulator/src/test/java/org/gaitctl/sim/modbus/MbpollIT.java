package org.gaitctl.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gaitctl.config.TransportUri;
import org.gaitctl.sim.plant.PlantParameters;
import org.gaitctl.sim.pty.PseudoTerminalPair;
import org.gaitctl.sim.testing.Socat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party master (mbpoll, Debian package {@code mbpoll}) reads and writes the drive emulator
 * over TCP with exactly the commands of docs/MODBUS-AND-PLANT.md. mbpoll's {@code -r} is 1-based
 * unless {@code -0} is given, so {@code -r 1} is protocol address 0.
 */
class MbpollIT {

  private static final Path MBPOLL = Path.of("/usr/bin/mbpoll");

  private final DriveModel drive = new DriveModel(PlantParameters.defaults());
  private ModbusEmulatorServer server;
  @TempDir Path dir;

  @BeforeEach
  void startDrive() throws IOException {
    assumeTrue(Files.isExecutable(MBPOLL), "mbpoll is not installed");
    server = ModbusEmulatorServer.startTcp("127.0.0.1", 0, Map.of(1, drive), new ReplyFaults());
    drive.writeHolding(DriveModel.SPEED_SET, new int[] {1200});
    drive.writeHolding(DriveModel.INCLINE_SET, new int[] {-35 & 0xFFFF});
  }

  @AfterEach
  void stopDrive() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void shouldReadTheDrivesHoldingRegisters() throws Exception {
    String out =
        mbpoll(
            "-m",
            "tcp",
            "-a",
            "1",
            "-r",
            "1",
            "-c",
            "7",
            "-t",
            "4",
            "-1",
            "-p",
            port(),
            "127.0.0.1");

    assertThat(out)
        .contains("[1]: \t0")
        .contains("[2]: \t1200")
        .contains("[3]: \t0")
        .contains("[4]: \t65501 (-35)")
        .contains("[5]: \t500")
        .contains("[6]: \t0")
        .contains("[7]: \t0");
  }

  @Test
  void shouldReadTheDrivesInputRegistersWithZeroBasedAddresses() throws Exception {
    drive.setEstopOpen(true);
    drive.step(0);

    String out =
        mbpoll(
            "-m",
            "tcp",
            "-a",
            "1",
            "-0",
            "-r",
            "0",
            "-c",
            "5",
            "-t",
            "3",
            "-1",
            "-p",
            port(),
            "127.0.0.1");

    assertThat(out).contains("[0]: \t6").contains("[4]: \t4");
  }

  @Test
  void shouldWriteASetpointAndSeeExceptionThreeForAnOutOfRangeOne() throws Exception {
    mbpoll("-m", "tcp", "-a", "1", "-r", "2", "-t", "4", "-1", "-p", port(), "127.0.0.1", "800");
    int[] word = new int[1];
    drive.readHolding(DriveModel.SPEED_SET, 1, word);
    assertThat(word[0]).isEqualTo(800);

    String refused =
        mbpoll(
            "-m", "tcp", "-a", "1", "-r", "2", "-t", "4", "-1", "-p", port(), "127.0.0.1", "9000");
    assertThat(refused).containsIgnoringCase("illegal data value");
    drive.readHolding(DriveModel.SPEED_SET, 1, word);
    assertThat(word[0]).isEqualTo(800);
  }

  @Test
  void shouldReadTheDrivesHoldingRegistersOverRtuOnAPseudoTerminal() throws Exception {
    Socat.assumeInstalled();
    try (PseudoTerminalPair pty = PseudoTerminalPair.forHostPath(dir.resolve("ttyRTU"));
        ModbusEmulatorServer rtu =
            ModbusEmulatorServer.startRtu(
                new TransportUri.Rtu(pty.deviceEnd().toRealPath().toString(), 115200, 8, "even", 1),
                Map.of(1, drive),
                new ReplyFaults())) {
      String out =
          mbpoll(
              "-m",
              "rtu",
              "-a",
              "1",
              "-b",
              "115200",
              "-P",
              "even",
              "-r",
              "1",
              "-c",
              "7",
              "-t",
              "4",
              "-1",
              pty.hostEnd().toRealPath().toString());

      assertThat(out).contains("[2]: \t1200").contains("[5]: \t500");
    }
  }

  private String port() {
    return Integer.toString(server.port());
  }

  private static String mbpoll(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(MBPOLL.toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean exited = process.waitFor(10, TimeUnit.SECONDS);
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!exited) {
      process.destroyForcibly();
    }
    assertThat(exited).as("mbpoll finished: %s", out).isTrue();
    return out;
  }
}
