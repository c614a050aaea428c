package org.gaitctl.sim.modbus;

import com.digitalpetri.modbus.client.ModbusClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.gaitctl.config.TransportUri;
import org.gaitctl.drivers.modbus.ModbusBwsUnit;
import org.gaitctl.drivers.modbus.ModbusClients;
import org.gaitctl.drivers.modbus.ModbusTreadmillDrive;
import org.gaitctl.drivers.modbus.SpecRegisterMaps;
import org.gaitctl.sim.pty.PseudoTerminalPair;
import org.gaitctl.sim.testing.Socat;

/**
 * The device contract over Modbus RTU on a socat pseudo-terminal pair: drive (unit 1) and BWS (unit
 * 2) share one line, as on an RS-485 bus, so both drivers share one client.
 */
class ModbusRtuContractIT extends ModbusDeviceContract {

  private Path dir;
  private PseudoTerminalPair pty;
  private ModbusEmulatorServer server;
  private ModbusClient client;

  @Override
  void connect() throws Exception {
    Socat.assumeInstalled();
    dir = Files.createTempDirectory("gaitctl-rtu");
    pty =
        PseudoTerminalPair.open(dir.resolve("host"), dir.resolve("device"), Duration.ofSeconds(5));
    server =
        ModbusEmulatorServer.startRtu(
            new TransportUri.Rtu(pty.deviceEnd().toRealPath().toString(), 115200, 8, "even", 1),
            Map.of(1, world.drive(), 2, world.bws()),
            new ReplyFaults());
    client =
        ModbusClients.create(
            new TransportUri.Rtu(pty.hostEnd().toRealPath().toString(), 115200, 8, "even", 1),
            REQUEST_TIMEOUT_MS);
    drive = new ModbusTreadmillDrive(client, 1, SpecRegisterMaps.drive(), LIMITS);
    bws = new ModbusBwsUnit(client, 2, SpecRegisterMaps.bws(), LIMITS);
  }

  @Override
  ReplyFaults replyFaults() {
    return server.replyFaults();
  }

  @Override
  void disconnect() throws Exception {
    server.close();
    pty.close();
    Files.deleteIfExists(dir);
  }
}
