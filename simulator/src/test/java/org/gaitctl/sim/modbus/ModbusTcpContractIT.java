package org.gaitctl.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.gaitctl.config.TransportUri;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.drivers.modbus.ModbusClients;
import org.gaitctl.drivers.modbus.ModbusTreadmillDrive;
import org.gaitctl.drivers.modbus.SpecRegisterMaps;
import org.junit.jupiter.api.Test;

/** The device contract over Modbus TCP on loopback: one port per device, as in the profiles. */
class ModbusTcpContractIT extends ModbusDeviceContract {

  private final ReplyFaults faults = new ReplyFaults();
  private TcpModbusDevices devices;

  @Override
  void connect() throws IOException {
    devices = TcpModbusDevices.start(world, faults, faults, REQUEST_TIMEOUT_MS, LIMITS);
    drive = devices.drive();
    bws = devices.bws();
  }

  @Override
  ReplyFaults replyFaults() {
    return faults;
  }

  @Override
  void disconnect() {
    devices.closeServers();
  }

  @Test
  void shouldReportNotConnectedAndReconnectOnTheNextCall() throws IOException {
    int freePort;
    try (ServerSocket probe = new ServerSocket(0)) {
      freePort = probe.getLocalPort();
    }
    try (ModbusTreadmillDrive late =
        new ModbusTreadmillDrive(
            ModbusClients.create(new TransportUri.Tcp("127.0.0.1", freePort), REQUEST_TIMEOUT_MS),
            1,
            SpecRegisterMaps.drive(),
            LIMITS)) {
      assertThat(late.readStatus().result()).isEqualTo(CommandResult.NOT_CONNECTED);
      assertThat(late.heartbeat()).isEqualTo(CommandResult.NOT_CONNECTED);
      assertThat(late.counters().notConnected()).isEqualTo(2);

      try (ModbusEmulatorServer server =
          ModbusEmulatorServer.startTcp(
              "127.0.0.1", freePort, Map.of(1, world.drive()), new ReplyFaults())) {
        assertThat(late.readStatus().result()).isEqualTo(CommandResult.OK);

        server.close();
        // A request racing the close may still go out and find no answer.
        assertThat(late.readStatus().result())
            .isIn(CommandResult.TIMEOUT, CommandResult.NOT_CONNECTED, CommandResult.IO_ERROR);
        assertThat(late.readStatus().result()).isEqualTo(CommandResult.NOT_CONNECTED);
      }
    }
  }

  /**
   * A device that resets its connection (an RST) is answering again before a whole connect wait
   * (twice the request timeout) has passed since the request that met the reset. The library's
   * first connect after a loss never completed: the link sat out the whole connect wait (1 s here;
   * 200 ms of silence that tripped the BWS unit's watchdog in the HIL runs) before the next attempt
   * connected in a few ms. Now a reconnect takes about 10 ms, at worst one request timeout when a
   * request races the reset; the bound is the defect's size, not a speed target.
   */
  @Test
  void shouldAnswerAgainBeforeAWholeConnectWaitAfterTheRequestThatMetAReset() throws IOException {
    try (ModbusEmulatorServer server =
            ModbusEmulatorServer.startTcp("127.0.0.1", 0, Map.of(1, world.drive()), faults);
        ModbusTreadmillDrive linked =
            new ModbusTreadmillDrive(
                ModbusClients.create(
                    new TransportUri.Tcp("127.0.0.1", server.port()), REQUEST_TIMEOUT_MS),
                1,
                SpecRegisterMaps.drive(),
                LIMITS)) {
      for (int reset = 0; reset < 5; reset++) {
        assertThat(linked.readStatus().result()).isEqualTo(CommandResult.OK);
        assertThat(server.resetTcpConnections()).as("connections reset").isEqualTo(1);

        CommandResult result = linked.readStatus().result();
        long failedAtNs = System.nanoTime();
        while (result != CommandResult.OK
            && System.nanoTime() - failedAtNs < 4L * REQUEST_TIMEOUT_MS * 1_000_000) {
          result = linked.readStatus().result();
        }
        long backMs = (System.nanoTime() - failedAtNs) / 1_000_000;

        assertThat(result).as("reset %d", reset).isEqualTo(CommandResult.OK);
        assertThat(backMs)
            .as("reset %d: ms until answered again", reset)
            .isLessThan(REQUEST_TIMEOUT_MS);
      }
    }
  }

  /**
   * A device that dies while requests are unanswered (its process killed): every later request ends
   * within the connect wait. The library's blocking connect once parked the pollers for good, and
   * the supervisor's stop commands waited behind them (found by the HIL scenario
   * emulator-killed.yaml).
   */
  @Test
  void shouldEndEveryRequestInBoundedTimeAfterTheDeviceDiedWithRequestsUnanswered()
      throws IOException {
    int freePort;
    try (ServerSocket probe = new ServerSocket(0)) {
      freePort = probe.getLocalPort();
    }
    ReplyFaults silent = new ReplyFaults();
    try (ModbusTreadmillDrive drive =
        new ModbusTreadmillDrive(
            ModbusClients.create(new TransportUri.Tcp("127.0.0.1", freePort), 100),
            1,
            SpecRegisterMaps.drive(),
            LIMITS)) {
      ModbusEmulatorServer server =
          ModbusEmulatorServer.startTcp("127.0.0.1", freePort, Map.of(1, world.drive()), silent);
      assertThat(drive.readStatus().result()).isEqualTo(CommandResult.OK);
      silent.setDropReplies(true);
      assertThat(drive.readStatus().result()).isEqualTo(CommandResult.TIMEOUT);
      server.close();

      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () -> {
            for (int i = 0; i < 20; i++) {
              assertThat(drive.readStatus().result()).isNotEqualTo(CommandResult.OK);
            }
          },
          "20 status reads of a dead device, each bounded by the connect wait (200 ms)");
    }
  }
}
