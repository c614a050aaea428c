package org.gaitctl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gaitctl.config.ProfileText.errorsOf;

import org.junit.jupiter.api.Test;

/** The optional {@code simulation} section and its defaults. */
class SimulationSettingsTest {

  private static SimulationSettings simulationOf(String section) {
    return DevicesConfigLoader.parse(ProfileText.VALID + section, "devices.yaml").simulation();
  }

  @Test
  void shouldUseTheDefaultsWhenTheSectionIsAbsent() {
    assertThat(simulationOf("")).isEqualTo(SimulationSettings.defaults());
  }

  @Test
  void shouldTakeEachAbsentKeyFromTheDefaults() {
    SimulationSettings simulation =
        simulationOf(
            """
            simulation:
              patient:
                bodyMassKg: 90
                stanceAsymmetryPercent: 10
            """);

    PatientSettings defaults = PatientSettings.defaults();
    assertThat(simulation.patient())
        .isEqualTo(
            new PatientSettings(
                90,
                defaults.legLengthM(),
                10,
                defaults.stepLengthAsymmetryPercent(),
                defaults.peakForceAsymmetryPercent(),
                defaults.variabilityPercent(),
                defaults.seed()));
    assertThat(simulation.pressureBelt()).isEqualTo(BeltGeometry.singleBelt());
  }

  @Test
  void shouldStartASplitBeltFromTheSplitBeltGeometry() {
    SimulationSettings simulation =
        simulationOf(
            """
            simulation:
              pressureBelt: { belts: 2 }
            """);

    assertThat(simulation.pressureBelt()).isEqualTo(BeltGeometry.splitBelt());
    assertThat(simulation.patient()).isEqualTo(PatientSettings.defaults());
  }

  @Test
  void shouldAcceptAnEmptySection() {
    assertThat(simulationOf("simulation: {}\n")).isEqualTo(SimulationSettings.defaults());
  }

  @Test
  void shouldRefuseImplausiblePatientsAndOversizedBelts() {
    assertThat(
            errorsOf(
                ProfileText.VALID
                    + """
                    simulation:
                      patient:
                        bodyMassKg: 10
                        variabilityPercent: -1
                        gender: f
                      pressureBelt:
                        rows: 1024
                        cols: 1024
                    """))
        .isEqualTo(
            """
            devices.yaml:51: simulation.patient.bodyMassKg must be 20..300
            devices.yaml:52: simulation.patient.variabilityPercent must be 0..10
            devices.yaml:53: simulation.patient.gender is not a known key; expected one of:\
             bodyMassKg, legLengthM, stanceAsymmetryPercent, stepLengthAsymmetryPercent,\
             peakForceAsymmetryPercent, variabilityPercent, seed
            devices.yaml:54: simulation.pressureBelt has 1024 × 1024 cells: a frame would exceed\
             the spec's 1 MiB payload limit""");
  }
}
