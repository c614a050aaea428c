package org.gaitctl.sim.modbus;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.digitalpetri.modbus.client.ModbusClient;
import java.util.Map;
import org.gaitctl.config.TransportUri;
import org.gaitctl.drivers.modbus.ModbusBwsUnit;
import org.gaitctl.drivers.modbus.ModbusClients;
import org.gaitctl.drivers.modbus.ModbusTreadmillDrive;
import org.gaitctl.drivers.modbus.SpecRegisterMaps;
import org.gaitctl.sim.testing.SocatPtyPair;

/**
 * The device contract over Modbus RTU on a socat pseudo-terminal pair: drive (unit 1) and BWS (unit
 * 2) share one line, as on an RS-485 bus, so both drivers share one client.
 */
class ModbusRtuContractIT extends ModbusDeviceContract {

  private SocatPtyPair pty;
  private ModbusEmulatorServer server;
  private ModbusClient client;

  @Override
  void connect() throws Exception {
    assumeTrue(SocatPtyPair.socatAvailable(), "socat is not installed");
    pty = SocatPtyPair.open();
    server =
        ModbusEmulatorServer.startRtu(
            new TransportUri.Rtu(pty.deviceEnd(), 115200, 8, "even", 1),
            Map.of(1, world.drive(), 2, world.bws()),
            new ReplyFaults());
    client =
        ModbusClients.create(
            new TransportUri.Rtu(pty.hostEnd(), 115200, 8, "even", 1), REQUEST_TIMEOUT_MS);
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
  }
}
