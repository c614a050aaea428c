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
