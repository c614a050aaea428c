package org.gaitctl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gaitctl.config.ProfileText.errorsOf;

import java.util.List;
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
             peakForceAsymmetryPercent, variabilityPercent, seed, intendedSpeedSchedule
            devices.yaml:54: simulation.pressureBelt has 1024 × 1024 cells: a frame would exceed\
             the spec's 1 MiB payload limit""");
  }

  @Test
  void shouldReadTheIntendedSpeedScheduleKnotByKnot() {
    SimulationSettings simulation =
        simulationOf(
            """
            simulation:
              patient:
                intendedSpeedSchedule:
                  - { atS: 0, speedMps: 0.8 }
                  - { atS: 10, speedMps: 0.8 }
                  - { atS: 20, speedMps: 1.2 }
            """);

    assertThat(simulation.patient().intendedSpeedSchedule())
        .containsExactly(
            new IntendedSpeedKnot(0, 0.8),
            new IntendedSpeedKnot(10, 0.8),
            new IntendedSpeedKnot(20, 1.2));
  }

  @Test
  void shouldFollowTheBeltWithoutASchedule() {
    assertThat(simulationOf("").patient().intendedSpeedSchedule()).isEmpty();
  }

  @Test
  void shouldRefuseKnotsOutOfRangeOutOfOrderOrIncomplete() {
    assertThat(
            errorsOf(
                ProfileText.VALID
                    + """
                    simulation:
                      patient:
                        intendedSpeedSchedule:
                          - { atS: 5, speedMps: 0.8 }
                          - { atS: 5, speedMps: 1.0 }
                          - { atS: 8, speedMps: 4 }
                          - { speedMps: 1.0 }
                          - { atS: 12, speedMps: 1.0, accel: 2 }
                          - 7
                    """))
        .isEqualTo(
            """
            devices.yaml:53: simulation.patient.intendedSpeedSchedule[2].atS must be after the\
             previous knot's 5 s
            devices.yaml:54: simulation.patient.intendedSpeedSchedule[3].speedMps must be 0.2..3
            devices.yaml:55: simulation.patient.intendedSpeedSchedule[4].atS is required
            devices.yaml:56: simulation.patient.intendedSpeedSchedule[5].accel is not a known key;\
             expected one of: atS, speedMps
            devices.yaml:57: simulation.patient.intendedSpeedSchedule[6] must be a mapping with keys\
             atS, speedMps, not '7'""");
  }

  @Test
  void shouldRefuseAScheduleOutOfTimeOrderInCodeToo() {
    List<IntendedSpeedKnot> backwards =
        List.of(new IntendedSpeedKnot(10, 0.8), new IntendedSpeedKnot(5, 1.0));

    assertThatThrownBy(() -> new PatientSettings(75, 0.9, 0, 0, 0, 2, 1L, backwards))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("intendedSpeedSchedule[2].atS");
  }
}
