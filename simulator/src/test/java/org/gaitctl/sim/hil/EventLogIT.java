package org.gaitctl.sim.hil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.gaitctl.config.DevicesConfigLoader;
import org.gaitctl.config.TransportUri;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.sim.modbus.DriveModel;
import org.gaitctl.sim.testing.Socat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogIT {

  private static final int WRITE_SINGLE_REGISTER = 6;

  @TempDir Path workDir;

  @Test
  void shouldRecordASetpointWriteTheDriveReceivedAndAnInjectedFault() throws IOException {
    Socat.assumeInstalled();
    Path log = workDir.resolve("events.jsonl");
    try (EmulatedHardware hardware =
        EmulatedHardware.startIsolated(
            DevicesConfigLoader.loadDefault(), NanoClock.SYSTEM, workDir, null, log)) {
      TransportUri.Tcp drive =
          (TransportUri.Tcp) hardware.controllerProfile().treadmill().transport();
      writeSingleRegister(drive.port(), 1, DriveModel.SPEED_SET, 800);
      hardware.world().drive().setEstopOpen(true);
      hardware.recordInjection("estop open");

      awaitLine(log, "\"type\":\"latch\"");
    }

    List<String> lines = Files.readAllLines(log);
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(
                        "\"type\":\"write\",\"device\":\"drive\",\"address\":1,\"words\":[800]"))
        .anySatisfy(
            line -> assertThat(line).contains("\"type\":\"inject\",\"command\":\"estop open\""))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(
                        "\"type\":\"latch\",\"device\":\"drive\",\"code\":"
                            + DriveModel.FAULT_ESTOP))
        .anySatisfy(
            line ->
                assertThat(line).contains("\"type\":\"sample\"").contains("\"speedSetMps\":0.800"))
        .allSatisfy(line -> assertThat(line).startsWith("{\"t\":").endsWith("}"));
  }

  /** Waits (parking, up to 10 s: the machine may be loaded) until the log holds {@code text}. */
  private static void awaitLine(Path log, String text) throws IOException {
    long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadlineNs && !Files.readString(log).contains(text)) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  private static void writeSingleRegister(int port, int unit, int address, int value)
      throws IOException {
    try (Socket master = new Socket(InetAddress.getLoopbackAddress(), port)) {
      master.setSoTimeout(5000);
      byte[] pdu = {WRITE_SINGLE_REGISTER, 0, (byte) address, (byte) (value >> 8), (byte) value};
      byte[] frame =
          ByteBuffer.allocate(7 + pdu.length)
              .putShort((short) 1)
              .putShort((short) 0)
              .putShort((short) (pdu.length + 1))
              .put((byte) unit)
              .put(pdu)
              .array();
      OutputStream out = master.getOutputStream();
      out.write(frame);
      out.flush();
      DataInputStream in = new DataInputStream(master.getInputStream());
      in.readFully(new byte[7 + pdu.length]); // FC 6 echoes the request
    }
  }
}
