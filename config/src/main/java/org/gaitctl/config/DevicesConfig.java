package org.gaitctl.config;

/**
 * A validated device profile: everything the controller needs to reach and drive the hardware.
 *
 * @param source the file it was loaded from, for messages
 * @param treadmill the treadmill drive (Modbus, unit 1 by default)
 * @param bws the body-weight-support unit (Modbus, unit 2 by default)
 * @param pressureBelt the pressure-belt acquisition unit (framed serial)
 * @param loadCell the harness load-cell amplifier (framed serial)
 * @param limits safety limits
 * @param simulation how the built-in emulators behave (defaults when the profile has none)
 * @param supervision the safety supervisor's thresholds (defaults when the profile has none)
 * @param journal how sessions are recorded (defaults when the profile has none)
 */
public record DevicesConfig(
    String source,
    ModbusDeviceProfile treadmill,
    ModbusDeviceProfile bws,
    StreamDeviceProfile pressureBelt,
    StreamDeviceProfile loadCell,
    SafetyLimits limits,
    SimulationSettings simulation,
    SupervisionThresholds supervision,
    JournalSettings journal) {

  /** A profile with the default journal settings. */
  public DevicesConfig(
      String source,
      ModbusDeviceProfile treadmill,
      ModbusDeviceProfile bws,
      StreamDeviceProfile pressureBelt,
      StreamDeviceProfile loadCell,
      SafetyLimits limits,
      SimulationSettings simulation,
      SupervisionThresholds supervision) {
    this(
        source,
        treadmill,
        bws,
        pressureBelt,
        loadCell,
        limits,
        simulation,
        supervision,
        JournalSettings.defaults());
  }

  /** This profile with other simulation settings (the emulated patient of a command line). */
  public DevicesConfig withSimulation(SimulationSettings otherSimulation) {
    return new DevicesConfig(
        source,
        treadmill,
        bws,
        pressureBelt,
        loadCell,
        limits,
        otherSimulation,
        supervision,
        journal);
  }
}
