package org.gaitctl.config;

/**
 * How the built-in emulators behave when a profile is run against emulated hardware ({@code gaitctl
 * sim}, {@code gaitctl monitor} without real devices). Optional in a profile: absent means {@link
 * #defaults()}.
 *
 * @param patient the emulated patient
 * @param pressureBelt the emulated pressure-belt unit's sensing area
 */
public record SimulationSettings(PatientSettings patient, BeltGeometry pressureBelt) {

  public static SimulationSettings defaults() {
    return new SimulationSettings(PatientSettings.defaults(), BeltGeometry.singleBelt());
  }
}
