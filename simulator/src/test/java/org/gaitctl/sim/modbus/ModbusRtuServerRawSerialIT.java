package org.gaitctl.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gaitctl.sim.modbus.RtuFrames.withCrc;

import com.fazecast.jSerialComm.SerialPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.gaitctl.config.TransportUri;
import org.gaitctl.sim.plant.PlantParameters;
import org.gaitctl.sim.pty.PseudoTerminalPair;
import org.gaitctl.sim.testing.Socat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Modbus RTU emulator as a master writing raw bytes on the host end of a socat pseudo-terminal
 * pair sees it: what it answers to function codes it does not serve and to frames with a wrong CRC,
 * and whether it keeps frame sync for the requests after them.
 */
class ModbusRtuServerRawSerialIT {

  private static final int UNIT = 1;
  private static final int READ_INPUT_REGISTERS = 4;

  /** How long the master waits for a reply that must not come, ms. */
  private static final int NO_REPLY_WAIT_MS = 300;

  private Path dir;
  private PseudoTerminalPair pty;
  private ModbusEmulatorServer server;
  private SerialPort master;

  @BeforeEach
  void startDriveOnALine() throws Exception {
    Socat.assumeInstalled();
    dir = Files.createTempDirectory("gaitctl-rtu-raw");
    pty =
        PseudoTerminalPair.open(dir.resolve("host"), dir.resolve("device"), Duration.ofSeconds(5));
    server =
        ModbusEmulatorServer.startRtu(
            new TransportUri.Rtu(pty.deviceEnd().toRealPath().toString(), 115200, 8, "even", 1),
            Map.of(UNIT, new DriveModel(PlantParameters.defaults())),
            new ReplyFaults());
    master = SerialPort.getCommPort(pty.hostEnd().toRealPath().toString());
    master.setComPortParameters(115200, 8, SerialPort.ONE_STOP_BIT, SerialPort.EVEN_PARITY);
    assertThat(master.openPort()).as("host end open").isTrue();
  }

  @AfterEach
  void stop() throws Exception {
    if (master != null) {
      master.closePort();
    }
    if (server != null) {
      server.close();
    }
    if (pty != null) {
      pty.close();
    }
    if (dir != null) {
      Files.deleteIfExists(dir);
    }
  }

  @Test
  void shouldAnswerDiagnosticsAndDeviceIdentificationWithIllegalFunctionAndServeTheNextRead() {
    send(withCrc(UNIT, 0x08, 0x00, 0x00, 0x12, 0x34));
    assertThat(receive(5)).containsExactly(withCrc(UNIT, 0x88, 0x01));

    send(withCrc(UNIT, 0x2B, 0x0E, 0x01, 0x00));
    assertThat(receive(5)).containsExactly(withCrc(UNIT, 0xAB, 0x01));

    send(readStatus());
    assertThat(receive(7)).startsWith(UNIT, READ_INPUT_REGISTERS, 2);
  }

  @Test
  void shouldAnswerAnUnknownFunctionCodeWithoutDataWithIllegalFunction() {
    send(withCrc(UNIT, 0x11));
    assertThat(receive(5)).containsExactly(withCrc(UNIT, 0x91, 0x01));

    send(readStatus());
    assertThat(receive(7)).startsWith(UNIT, READ_INPUT_REGISTERS, 2);
  }

  @Test
  void shouldNotAnswerAFrameWithAWrongCrcAndServeTheNextRead() {
    byte[] corrupted = readStatus();
    corrupted[corrupted.length - 1] ^= 0x5A;
    send(corrupted);
    assertThat(receive(1, NO_REPLY_WAIT_MS)).as("no reply to a wrong CRC").isEmpty();

    send(readStatus());
    assertThat(receive(7)).startsWith(UNIT, READ_INPUT_REGISTERS, 2);
  }

  @Test
  void shouldNotAnswerAnUnknownFunctionCodeWithAWrongCrcAndServeTheNextRead() {
    byte[] corrupted = withCrc(UNIT, 0x08, 0x00, 0x00, 0x12, 0x34);
    corrupted[corrupted.length - 2] ^= 0x5A;
    send(corrupted);
    assertThat(receive(1, NO_REPLY_WAIT_MS)).as("no reply to a wrong CRC").isEmpty();

    send(readStatus());
    assertThat(receive(7)).startsWith(UNIT, READ_INPUT_REGISTERS, 2);
  }

  private static byte[] readStatus() {
    return withCrc(UNIT, READ_INPUT_REGISTERS, 0, 0, 0, 1);
  }

  private void send(byte[] frame) {
    assertThat(master.writeBytes(frame, frame.length)).isEqualTo(frame.length);
  }

  private byte[] receive(int length) {
    byte[] reply = receive(length, 10_000);
    assertThat(reply).as("a %d-byte reply", length).hasSize(length);
    return reply;
  }

  /** Up to {@code length} bytes, or fewer if the line stays quiet for {@code timeoutMs}. */
  private byte[] receive(int length, int timeoutMs) {
    master.setComPortTimeouts(SerialPort.TIMEOUT_READ_BLOCKING, timeoutMs, 0);
    byte[] buffer = new byte[length];
    int total = 0;
    while (total < length) {
      int read = master.readBytes(buffer, length - total, total);
      if (read <= 0) {
        break;
      }
      total += read;
    }
    return Arrays.copyOf(buffer, total);
  }
}
