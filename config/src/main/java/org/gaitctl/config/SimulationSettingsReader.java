package org.gaitctl.config;

import java.util.List;

/**
 * Reads the optional {@code simulation} section. Every key is optional: what is absent comes from
 * {@link SimulationSettings#defaults()}, except that a pressure belt with {@code belts: 2} starts
 * from {@link BeltGeometry#splitBelt()}.
 */
final class SimulationSettingsReader {

  static final List<String> KEYS = List.of("patient", "pressureBelt");
  private static final List<String> PATIENT_KEYS =
      List.of(
          "bodyMassKg",
          "legLengthM",
          "stanceAsymmetryPercent",
          "stepLengthAsymmetryPercent",
          "peakForceAsymmetryPercent",
          "variabilityPercent",
          "seed");
  private static final List<String> BELT_KEYS =
      List.of("belts", "rows", "cols", "pitchXUm", "pitchYUm");

  /** Spec §1: a frame's payload is at most 1 MiB; a PRESSURE_FRAME has 20 bytes of header. */
  private static final long MAX_FRAME_CELLS = ((1L << 20) - 20) / 2;

  private SimulationSettingsReader() {}

  /** The settings, or {@code null} after recording their problems. */
  static SimulationSettings read(YamlMap section, ProfileErrors errors) {
    int errorsBefore = errors.count();
    SimulationSettings defaults = SimulationSettings.defaults();
    PatientSettings patient = defaults.patient();
    YamlValue patientValue = section.get("patient");
    if (patientValue != null) {
      YamlMap map = patientValue.asMap(PATIENT_KEYS);
      patient = map == null ? null : readPatient(map, defaults.patient());
    }
    BeltGeometry belt = defaults.pressureBelt();
    YamlValue beltValue = section.get("pressureBelt");
    if (beltValue != null) {
      YamlMap map = beltValue.asMap(BELT_KEYS);
      belt = map == null ? null : readBelt(map);
    }
    return errors.count() == errorsBefore ? new SimulationSettings(patient, belt) : null;
  }

  private static PatientSettings readPatient(YamlMap map, PatientSettings base) {
    Double bodyMassKg = number(map, "bodyMassKg", 20, 300, base.bodyMassKg());
    Double legLengthM = number(map, "legLengthM", 0.4, 1.3, base.legLengthM());
    Double stance = number(map, "stanceAsymmetryPercent", -100, 100, base.stanceAsymmetryPercent());
    Double stepLength =
        number(map, "stepLengthAsymmetryPercent", -100, 100, base.stepLengthAsymmetryPercent());
    Double peakForce =
        number(map, "peakForceAsymmetryPercent", -100, 100, base.peakForceAsymmetryPercent());
    Double variability = number(map, "variabilityPercent", 0, 30, base.variabilityPercent());
    YamlValue seedValue = map.get("seed");
    Long seed = seedValue == null ? base.seed() : seedValue.asLong(Long.MIN_VALUE, Long.MAX_VALUE);
    if (bodyMassKg == null
        || legLengthM == null
        || stance == null
        || stepLength == null
        || peakForce == null
        || variability == null
        || seed == null) {
      return null;
    }
    return new PatientSettings(
        bodyMassKg, legLengthM, stance, stepLength, peakForce, variability, seed);
  }

  private static BeltGeometry readBelt(YamlMap map) {
    YamlValue beltsValue = map.get("belts");
    Integer belts = beltsValue == null ? 1 : beltsValue.asInt(1, 2);
    if (belts == null) {
      return null;
    }
    BeltGeometry base = belts == 2 ? BeltGeometry.splitBelt() : BeltGeometry.singleBelt();
    Integer rows = integer(map, "rows", 1, 1024, base.rows());
    Integer cols = integer(map, "cols", 1, 1024, base.cols());
    Integer pitchXUm = integer(map, "pitchXUm", 1000, 50_000, (int) base.pitchXUm());
    Integer pitchYUm = integer(map, "pitchYUm", 1000, 50_000, (int) base.pitchYUm());
    if (rows == null || cols == null || pitchXUm == null || pitchYUm == null) {
      return null;
    }
    if ((long) rows * cols > MAX_FRAME_CELLS) {
      map.error(
          "has "
              + rows
              + " × "
              + cols
              + " cells: a frame would exceed the spec's 1 MiB payload limit");
      return null;
    }
    return new BeltGeometry(belts, rows, cols, pitchXUm, pitchYUm);
  }

  private static Double number(YamlMap map, String key, double min, double max, double absent) {
    YamlValue value = map.get(key);
    return value == null ? Double.valueOf(absent) : value.asNumberIn(min, max);
  }

  private static Integer integer(YamlMap map, String key, int min, int max, int absent) {
    YamlValue value = map.get(key);
    return value == null ? Integer.valueOf(absent) : value.asInt(min, max);
  }
}
