package org.gaitctl.sim.modbus;

import java.io.IOException;
import java.util.Map;
import org.gaitctl.config.SafetyLimits;
import org.gaitctl.config.TransportUri;
import org.gaitctl.drivers.modbus.ModbusBwsUnit;
import org.gaitctl.drivers.modbus.ModbusClients;
import org.gaitctl.drivers.modbus.ModbusTreadmillDrive;
import org.gaitctl.drivers.modbus.SpecRegisterMaps;
import org.gaitctl.sim.world.SimulationWorld;

/**
 * A world's drive and BWS emulators on loopback Modbus TCP, one port per device as in the profiles,
 * and the product's drivers connected to them.
 */
public final class TcpModbusDevices {

  private final ModbusEmulatorServer driveServer;
  private final ModbusEmulatorServer bwsServer;
  private final ModbusTreadmillDrive drive;
  private final ModbusBwsUnit bws;

  private TcpModbusDevices(
      ModbusEmulatorServer driveServer,
      ModbusEmulatorServer bwsServer,
      ModbusTreadmillDrive drive,
      ModbusBwsUnit bws) {
    this.driveServer = driveServer;
    this.bwsServer = bwsServer;
    this.drive = drive;
    this.bws = bws;
  }

  /** Starts both emulators, each answering with its own reply faults, and connects the drivers. */
  public static TcpModbusDevices start(
      SimulationWorld world,
      ReplyFaults driveFaults,
      ReplyFaults bwsFaults,
      int requestTimeoutMs,
      SafetyLimits limits)
      throws IOException {
    ModbusEmulatorServer driveServer =
        ModbusEmulatorServer.startTcp("127.0.0.1", 0, Map.of(1, world.drive()), driveFaults);
    ModbusEmulatorServer bwsServer =
        ModbusEmulatorServer.startTcp("127.0.0.1", 0, Map.of(2, world.bws()), bwsFaults);
    ModbusTreadmillDrive drive =
        new ModbusTreadmillDrive(
            ModbusClients.create(
                new TransportUri.Tcp("127.0.0.1", driveServer.port()), requestTimeoutMs),
            1,
            SpecRegisterMaps.drive(),
            limits);
    ModbusBwsUnit bws =
        new ModbusBwsUnit(
            ModbusClients.create(
                new TransportUri.Tcp("127.0.0.1", bwsServer.port()), requestTimeoutMs),
            2,
            SpecRegisterMaps.bws(),
            limits);
    return new TcpModbusDevices(driveServer, bwsServer, drive, bws);
  }

  public ModbusTreadmillDrive drive() {
    return drive;
  }

  public ModbusBwsUnit bws() {
    return bws;
  }

  /** Closes the drivers, then the emulators' servers. */
  public void close() {
    drive.close();
    bws.close();
    closeServers();
  }

  /** Closes the emulators' servers only (the drivers' owner closes them). */
  public void closeServers() {
    driveServer.close();
    bwsServer.close();
  }
}
