package org.gaitctl.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.gaitctl.sim.plant.PlantParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Modbus TCP emulator as raw-socket masters on loopback see it: what it answers to requests it
 * does not serve, what it does with frames that are not Modbus, and whether one master can hold up
 * another.
 */
class ModbusTcpServerRawSocketIT {

  private static final int UNIT = 1;
  private static final int READ_INPUT_REGISTERS = 4;

  private final ReplyFaults faults = new ReplyFaults();
  private ModbusEmulatorServer server;

  @BeforeEach
  void startDrive() throws IOException {
    DriveModel drive = new DriveModel(PlantParameters.defaults());
    server = ModbusEmulatorServer.startTcp("127.0.0.1", 0, Map.of(UNIT, drive), faults);
  }

  @AfterEach
  void stopDrive() {
    server.close();
  }

  @Test
  void shouldAnswerDiagnosticsAndDeviceIdentificationWithIllegalFunctionAndKeepTheConnection()
      throws IOException {
    try (Socket master = connect()) {
      send(master, frame(1, 0, UNIT, new byte[] {0x08, 0x00, 0x00, 0x12, 0x34}));
      assertThat(receive(master)).containsExactly(1, UNIT, 0x88, 1);

      send(master, frame(2, 0, UNIT, new byte[] {0x2B, 0x0E, 0x01, 0x00}));
      assertThat(receive(master)).containsExactly(2, UNIT, 0xAB, 1);

      send(master, readStatus(3));
      assertThat(receive(master)).startsWith(3, UNIT, READ_INPUT_REGISTERS);
    }
  }

  @Test
  void shouldDropAFrameWithANonZeroProtocolIdAndServeTheNextOnTheSameConnection()
      throws IOException {
    try (Socket master = connect()) {
      byte[] notModbus = frame(7, 1, UNIT, new byte[] {READ_INPUT_REGISTERS, 0, 0, 0, 1});
      send(master, notModbus);
      send(master, readStatus(8));

      assertThat(receive(master)).as("the first answer is the second request's").startsWith(8);
      master.setSoTimeout(300);
      assertThatThrownBy(() -> master.getInputStream().read())
          .as("nothing answers the dropped frame")
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void shouldAnswerASecondMasterWhileTheFirstHasManyUnreadRequestsPipelined() throws IOException {
    faults.setDelayMs(5);
    int pipelined = 1500; // 7.5 s of replies at 5 ms each, if they were all served first
    try (Socket flooding = connect();
        Socket polite = connect()) {
      ByteBuffer burst = ByteBuffer.allocate(pipelined * 12);
      for (int i = 0; i < pipelined; i++) {
        burst.put(readStatus(i));
      }
      send(flooding, burst.array());

      long sentNs = System.nanoTime();
      send(polite, readStatus(42));
      assertThat(receive(polite)).startsWith(42);
      long answeredAfterMs = (System.nanoTime() - sentNs) / 1_000_000;

      assertThat(answeredAfterMs)
          .as("the polite master's answer does not wait behind the flood")
          .isLessThan(3_000);
    }
  }

  @Test
  void shouldResetTheMastersConnectionWithAnRstAndServeItsReconnect() throws IOException {
    try (Socket master = connect()) {
      send(master, readStatus(1));
      assertThat(receive(master)).startsWith(1);

      assertThat(server.resetTcpConnections()).isEqualTo(1);

      assertThatThrownBy(() -> master.getInputStream().read())
          .as("an RST, not an orderly end of stream")
          .isInstanceOf(java.net.SocketException.class)
          .hasMessageContaining("reset");
    }
    try (Socket again = connect()) {
      send(again, readStatus(2));
      assertThat(receive(again)).startsWith(2);
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
    socket.setSoTimeout(10_000);
    socket.setTcpNoDelay(true);
    return socket;
  }

  private static byte[] readStatus(int transactionId) {
    return frame(transactionId, 0, UNIT, new byte[] {READ_INPUT_REGISTERS, 0, 0, 0, 1});
  }

  private static byte[] frame(int transactionId, int protocolId, int unitId, byte[] pdu) {
    return ByteBuffer.allocate(7 + pdu.length)
        .putShort((short) transactionId)
        .putShort((short) protocolId)
        .putShort((short) (pdu.length + 1))
        .put((byte) unitId)
        .put(pdu)
        .array();
  }

  private static void send(Socket socket, byte[] bytes) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(bytes);
    out.flush();
  }

  /** One response: transaction id, unit id, then the PDU's bytes, each unsigned. */
  private static int[] receive(Socket socket) throws IOException {
    DataInputStream in = new DataInputStream(socket.getInputStream());
    try {
      int transactionId = in.readUnsignedShort();
      assertThat(in.readUnsignedShort()).as("protocol id").isZero();
      int length = in.readUnsignedShort();
      int[] response = new int[length + 1];
      response[0] = transactionId;
      for (int i = 1; i <= length; i++) {
        response[i] = in.readUnsignedByte();
      }
      return response;
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer within " + socket.getSoTimeout() + " ms", e);
    }
  }
}
