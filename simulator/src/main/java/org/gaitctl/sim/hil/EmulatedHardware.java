package org.gaitctl.sim.hil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.config.ModbusDeviceProfile;
import org.gaitctl.config.SimulationSettings;
import org.gaitctl.config.StreamDeviceProfile;
import org.gaitctl.config.TransportUri;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.sim.modbus.BwsModel;
import org.gaitctl.sim.modbus.DriveModel;
import org.gaitctl.sim.modbus.ModbusEmulatorServer;
import org.gaitctl.sim.modbus.RegisterDevice;
import org.gaitctl.sim.modbus.ReplyFaults;
import org.gaitctl.sim.patient.GroundTruthWriter;
import org.gaitctl.sim.patient.PatientGaitModel;
import org.gaitctl.sim.plant.PlantParameters;
import org.gaitctl.sim.pty.PseudoTerminalPair;
import org.gaitctl.sim.stream.LoadCellDevice;
import org.gaitctl.sim.stream.PressureBeltDevice;
import org.gaitctl.sim.stream.SerialDeviceEmulator;
import org.gaitctl.sim.world.SimulationWorld;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four emulated devices of a profile on real transports, driven by one simulation world: the
 * drive and the BWS unit as Modbus servers (TCP, or RTU on the device end of a socat pair), the
 * pressure-belt unit and the load-cell amplifier streaming on the device ends of socat pairs. The
 * controller reaches them through the profile's own addresses and cannot tell them from real
 * hardware.
 *
 * <p>Serial and RTU addresses in a profile name the host end of a pseudo-terminal pair; the
 * emulator opens the same path plus {@value PseudoTerminalPair#DEVICE_SUFFIX}.
 */
public final class EmulatedHardware implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmulatedHardware.class);

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final Map<String, String> listening = new LinkedHashMap<>();
  private final PatientGaitModel patient;
  private final SimulationWorld world;
  private DevicesConfig controllerProfile;
  private ModbusEmulatorServer driveServer;
  private ModbusEmulatorServer bwsServer;
  private SerialDeviceEmulator pressureBelt;
  private SerialDeviceEmulator loadCell;
  private GroundTruthWriter groundTruth;
  private EventLog eventLog;

  private EmulatedHardware(DevicesConfig profile, NanoClock clock) {
    SimulationSettings simulation = profile.simulation();
    this.patient = new PatientGaitModel(simulation.patient(), simulation.pressureBelt());
    this.world = new SimulationWorld(clock, patient, PlantParameters.defaults());
    this.controllerProfile = profile;
  }

  /**
   * Starts every emulator where {@code profile} says its device is, on real time.
   *
   * @param groundTruthCsv where the patient's ground truth goes, or {@code null}
   * @throws IOException when a transport cannot be opened (port in use, socat missing); whatever
   *     was started is closed again
   */
  public static EmulatedHardware start(DevicesConfig profile, NanoClock clock, Path groundTruthCsv)
      throws IOException {
    return start(profile, clock, groundTruthCsv, null);
  }

  /**
   * Starts every emulator where {@code profile} says its device is, on real time, recording what
   * happens to the devices in an event log ({@link EventLog}) for the HIL runner.
   *
   * @param eventLogFile where the event log goes, or {@code null} for none
   */
  public static EmulatedHardware start(
      DevicesConfig profile, NanoClock clock, Path groundTruthCsv, Path eventLogFile)
      throws IOException {
    EmulatedHardware hardware = new EmulatedHardware(profile, clock);
    try {
      hardware.startAll(profile, clock, groundTruthCsv, eventLogFile);
      return hardware;
    } catch (IOException | RuntimeException e) {
      hardware.close();
      throw e;
    }
  }

  /**
   * Starts the emulators for an in-process session: TCP servers on free loopback ports and
   * pseudo-terminals in a fresh directory under {@code workDir}, so a session never collides with a
   * standalone {@code gaitctl sim}. {@link #controllerProfile()} gives the addresses to use. That
   * directory is removed again at {@link #close()} (or when the start fails).
   */
  public static EmulatedHardware startIsolated(
      DevicesConfig profile, NanoClock clock, Path workDir, Path groundTruthCsv)
      throws IOException {
    return startIsolated(profile, clock, workDir, groundTruthCsv, null);
  }

  /**
   * As {@link #startIsolated(DevicesConfig, NanoClock, Path, Path)}, recording an event log.
   *
   * @param eventLogFile where the event log goes, or {@code null} for none
   */
  public static EmulatedHardware startIsolated(
      DevicesConfig profile, NanoClock clock, Path workDir, Path groundTruthCsv, Path eventLogFile)
      throws IOException {
    Files.createDirectories(workDir);
    Path ptyDir = Files.createTempDirectory(workDir, "pty-");
    EmulatedHardware hardware;
    try {
      hardware = start(isolate(profile, ptyDir), clock, groundTruthCsv, eventLogFile);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(ptyDir);
      throw e;
    }
    // First in the list, so closed last: after the pairs have removed their links from it.
    hardware.resources.add(0, () -> Files.deleteIfExists(ptyDir));
    return hardware;
  }

  private void startAll(
      DevicesConfig profile, NanoClock clock, Path groundTruthCsv, Path eventLogFile)
      throws IOException {
    if (groundTruthCsv != null) {
      groundTruth = GroundTruthWriter.toFile(groundTruthCsv);
      resources.add(groundTruth);
      patient.addGroundTruthListener(groundTruth);
      listening.put("ground truth", groundTruthCsv.toString());
    }
    world.start();
    resources.add(world);
    if (eventLogFile != null) {
      // Before the servers, so the first write a master makes is recorded.
      eventLog = EventLog.start(eventLogFile, clock, world);
      resources.add(eventLog);
      listening.put("event log", eventLogFile.toString());
    }
    startModbus(profile.treadmill(), profile.bws());
    pressureBelt = startPressureBelt(profile.pressureBelt(), clock);
    loadCell = startLoadCell(profile.loadCell(), clock);
  }

  private void startModbus(ModbusDeviceProfile drive, ModbusDeviceProfile bws) throws IOException {
    Map<Integer, RegisterDevice> driveUnits =
        Map.of(drive.unitId(), observed(world.drive(), "drive", DriveModel.HEARTBEAT));
    Map<Integer, RegisterDevice> bwsUnits =
        Map.of(bws.unitId(), observed(world.bws(), "bws", BwsModel.HEARTBEAT));
    if (drive.transport().equals(bws.transport())) {
      Map<Integer, RegisterDevice> both = new HashMap<>(driveUnits);
      both.putAll(bwsUnits);
      driveServer = startModbusServer("drive+bws", drive.transport(), both);
      bwsServer = driveServer;
    } else {
      driveServer = startModbusServer("drive", drive.transport(), driveUnits);
      bwsServer = startModbusServer("bws", bws.transport(), bwsUnits);
    }
    controllerProfile =
        withModbusTransports(
            controllerProfile,
            actualAddress(drive.transport(), driveServer),
            actualAddress(bws.transport(), bwsServer));
  }

  private RegisterDevice observed(RegisterDevice device, String name, int heartbeatAddress) {
    return eventLog == null
        ? device
        : new ObservedRegisterDevice(device, name, heartbeatAddress, eventLog);
  }

  private ModbusEmulatorServer startModbusServer(
      String name, TransportUri transport, Map<Integer, RegisterDevice> units) throws IOException {
    ModbusEmulatorServer server;
    // What a master opens: the TCP address, or the host end of the pair (not the emulator's end).
    String masterAddress;
    if (transport instanceof TransportUri.Tcp tcp) {
      server = ModbusEmulatorServer.startTcp(tcp.host(), tcp.port(), units, new ReplyFaults());
      masterAddress = server.address();
    } else if (transport instanceof TransportUri.Rtu rtu) {
      PseudoTerminalPair pair = openPair(rtu.port());
      server =
          ModbusEmulatorServer.startRtu(
              new TransportUri.Rtu(
                  pair.deviceEnd().toString(),
                  rtu.baud(),
                  rtu.dataBits(),
                  rtu.parity(),
                  rtu.stopBits()),
              units,
              new ReplyFaults());
      masterAddress = rtu.text();
    } else {
      throw new IllegalArgumentException(name + ": not a Modbus transport: " + transport.text());
    }
    resources.add(server);
    listening.put(name + " (Modbus units " + units.keySet() + ")", masterAddress);
    return server;
  }

  private SerialDeviceEmulator startPressureBelt(StreamDeviceProfile profile, NanoClock clock)
      throws IOException {
    PseudoTerminalPair pair = openPair(streamPort(profile));
    PressureBeltDevice.Settings settings =
        PressureBeltDevice.Settings.defaults().withRateHz(profile.rateHz());
    SerialDeviceEmulator emulator =
        SerialDeviceEmulator.pressureBelt(pair.deviceEnd().toString(), patient, settings, clock);
    resources.add(emulator);
    listening.put("pressure-belt unit", profile.transport().text());
    return emulator;
  }

  private SerialDeviceEmulator startLoadCell(StreamDeviceProfile profile, NanoClock clock)
      throws IOException {
    PseudoTerminalPair pair = openPair(streamPort(profile));
    LoadCellDevice.Settings settings =
        LoadCellDevice.Settings.defaults().withRateHz(profile.rateHz());
    SerialDeviceEmulator emulator =
        SerialDeviceEmulator.loadCell(
            pair.deviceEnd().toString(), world.loadCell(), settings, clock);
    resources.add(emulator);
    listening.put("load-cell amplifier", profile.transport().text());
    return emulator;
  }

  private PseudoTerminalPair openPair(String hostPath) throws IOException {
    Path hostEnd = Path.of(hostPath);
    Path parent = hostEnd.toAbsolutePath().getParent();
    PseudoTerminalPair pair;
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
      pair = PseudoTerminalPair.forHostPath(hostEnd);
    } catch (IOException e) {
      // The JDK names only the path (AccessDeniedException: /dev/x): say what and what to do.
      throw new IOException(
          "cannot make the pseudo-terminal "
              + hostPath
              + " ("
              + e
              + "): give the device a path in a folder you can write in the profile",
          e);
    }
    // Closed last (resources close in reverse), after the emulator that uses its device end.
    resources.add(pair);
    return pair;
  }

  private static String streamPort(StreamDeviceProfile profile) {
    if (profile.transport() instanceof TransportUri.SerialStream stream) {
      return stream.port();
    }
    throw new IllegalArgumentException(
        "a streaming device needs a serial: address, not " + profile.transport().text());
  }

  private static TransportUri actualAddress(TransportUri configured, ModbusEmulatorServer server) {
    if (configured instanceof TransportUri.Tcp tcp) {
      return new TransportUri.Tcp(tcp.host(), server.port());
    }
    return configured;
  }

  private static DevicesConfig isolate(DevicesConfig profile, Path ptyDir) {
    DevicesConfig modbusIsolated =
        withModbusTransports(
            profile,
            isolate(profile.treadmill().transport(), ptyDir, "drive"),
            isolate(profile.bws().transport(), ptyDir, "bws"));
    return new DevicesConfig(
        profile.source(),
        modbusIsolated.treadmill(),
        modbusIsolated.bws(),
        withTransport(
            profile.pressureBelt(), isolate(profile.pressureBelt().transport(), ptyDir, "pbu")),
        withTransport(profile.loadCell(), isolate(profile.loadCell().transport(), ptyDir, "lca")),
        profile.limits(),
        profile.simulation(),
        profile.supervision());
  }

  private static TransportUri isolate(TransportUri transport, Path ptyDir, String name) {
    if (transport instanceof TransportUri.Tcp tcp) {
      return new TransportUri.Tcp(tcp.host(), 0);
    }
    if (transport instanceof TransportUri.Rtu rtu) {
      // Drive and BWS on one RTU line stay on one line.
      String line = Path.of(rtu.port()).getFileName().toString();
      return new TransportUri.Rtu(
          ptyDir.resolve(line).toString(),
          rtu.baud(),
          rtu.dataBits(),
          rtu.parity(),
          rtu.stopBits());
    }
    TransportUri.SerialStream stream = (TransportUri.SerialStream) transport;
    return new TransportUri.SerialStream(ptyDir.resolve(name).toString(), stream.baud());
  }

  private static DevicesConfig withModbusTransports(
      DevicesConfig profile, TransportUri drive, TransportUri bws) {
    return new DevicesConfig(
        profile.source(),
        withTransport(profile.treadmill(), drive),
        withTransport(profile.bws(), bws),
        profile.pressureBelt(),
        profile.loadCell(),
        profile.limits(),
        profile.simulation(),
        profile.supervision());
  }

  private static ModbusDeviceProfile withTransport(ModbusDeviceProfile device, TransportUri uri) {
    return new ModbusDeviceProfile(
        uri, device.unitId(), device.requestTimeoutMs(), device.registers());
  }

  private static StreamDeviceProfile withTransport(StreamDeviceProfile device, TransportUri uri) {
    return new StreamDeviceProfile(uri, device.rateHz(), device.commandTimeoutMs());
  }

  /** The profile a controller uses to reach these emulators (actual ports filled in). */
  public DevicesConfig controllerProfile() {
    return controllerProfile;
  }

  /**
   * Where a master reaches each emulator, by device, for people: TCP addresses, and for serial and
   * RTU the host end of the pseudo-terminal pair (the emulator holds the {@code .device} end).
   */
  public Map<String, String> listening() {
    return Collections.unmodifiableMap(listening);
  }

  public PatientGaitModel patient() {
    return patient;
  }

  public SimulationWorld world() {
    return world;
  }

  public ModbusEmulatorServer driveServer() {
    return driveServer;
  }

  public ModbusEmulatorServer bwsServer() {
    return bwsServer;
  }

  public SerialDeviceEmulator pressureBelt() {
    return pressureBelt;
  }

  public SerialDeviceEmulator loadCell() {
    return loadCell;
  }

  /** The pressure-belt unit's behaviour, for its own fault injections (the frames' grid). */
  public PressureBeltDevice pressureBeltDevice() {
    return (PressureBeltDevice) pressureBelt.device();
  }

  /** Records a fault console command that was carried out in the event log, if there is one. */
  public void recordInjection(String command) {
    if (eventLog != null) {
      eventLog.onInjection(command);
    }
  }

  /** The fallen patient stands up again: the patient model and the harness. */
  public void recoverPatient() {
    patient.recover();
    world.injectRecovery();
  }

  /**
   * The bench as after a fresh start, without restarting it: every injected fault cleared (plant,
   * reply delays and drops, stream faults) and the patient standing in a slack harness. Faults the
   * devices latched stay latched until the controller resets them, as on real devices.
   */
  public void resetInjectedFaults() {
    world.clearInjectedFaults();
    patient.recover();
    driveServer.replyFaults().clear();
    bwsServer.replyFaults().clear();
    pressureBelt.faults().clear();
    pressureBeltDevice().sendOwnGrid();
    loadCell.faults().clear();
    patient.walkAtScheduledSpeed();
    patient.walkWithProfileAsymmetry();
  }

  /** The world's stepping thread failed (the emulated devices are frozen), or {@code null}. */
  public Throwable failure() {
    return world.failure();
  }

  /** Stops every emulator and removes the pseudo-terminals. Never throws. */
  @Override
  public void close() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      AutoCloseable resource = resources.get(i);
      try {
        resource.close();
      } catch (Exception e) {
        // Shutting down: the remaining resources must still be released.
        LOG.warn("closing {} failed: {}", resource, e.toString());
      }
    }
    resources.clear();
  }
}
