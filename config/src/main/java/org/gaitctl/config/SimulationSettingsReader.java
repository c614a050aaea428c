package org.gaitctl.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the optional {@code simulation} section. Every key is optional: what is absent comes from
 * {@link SimulationSettings#defaults()}, except that a pressure belt with {@code belts: 2} starts
 * from {@link BeltGeometry#splitBelt()}.
 */
final class SimulationSettingsReader {

  static final List<String> KEYS = List.of("patient", "pressureBelt");
  private static final List<String> KNOT_KEYS = List.of("atS", "speedMps");
  private static final List<String> BELT_KEYS =
      List.of("belts", "rows", "cols", "pitchXUm", "pitchYUm");

  private SimulationSettingsReader() {}

  /** The settings, or {@code null} after recording their problems. */
  static SimulationSettings read(YamlMap section, ProfileErrors errors) {
    int errorsBefore = errors.count();
    SimulationSettings defaults = SimulationSettings.defaults();
    PatientSettings patient = defaults.patient();
    YamlValue patientValue = section.get("patient");
    if (patientValue != null) {
      YamlMap map = patientValue.asMap(PatientSettings.YAML_KEYS);
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
    Double bodyMassKg = number(map, "bodyMassKg", PatientSettings.BODY_MASS_KG, base.bodyMassKg());
    Double legLengthM = number(map, "legLengthM", PatientSettings.LEG_LENGTH_M, base.legLengthM());
    Double stance =
        number(
            map,
            "stanceAsymmetryPercent",
            PatientSettings.STANCE_ASYMMETRY_PERCENT,
            base.stanceAsymmetryPercent());
    Double stepLength =
        number(
            map,
            "stepLengthAsymmetryPercent",
            PatientSettings.STEP_LENGTH_ASYMMETRY_PERCENT,
            base.stepLengthAsymmetryPercent());
    Double peakForce =
        number(
            map,
            "peakForceAsymmetryPercent",
            PatientSettings.PEAK_FORCE_ASYMMETRY_PERCENT,
            base.peakForceAsymmetryPercent());
    Double variability =
        number(
            map,
            "variabilityPercent",
            PatientSettings.VARIABILITY_PERCENT,
            base.variabilityPercent());
    YamlValue seedValue = map.get("seed");
    Long seed = seedValue == null ? base.seed() : seedValue.asLong(Long.MIN_VALUE, Long.MAX_VALUE);
    YamlValue scheduleValue = map.get("intendedSpeedSchedule");
    List<IntendedSpeedKnot> schedule =
        scheduleValue == null ? base.intendedSpeedSchedule() : readSchedule(scheduleValue);
    if (bodyMassKg == null
        || legLengthM == null
        || stance == null
        || stepLength == null
        || peakForce == null
        || variability == null
        || seed == null
        || schedule == null) {
      return null;
    }
    return new PatientSettings(
        bodyMassKg, legLengthM, stance, stepLength, peakForce, variability, seed, schedule);
  }

  /**
   * A list of knots {@code {atS, speedMps}} in strictly increasing time, or {@code null} after
   * recording its problems. An empty list is the default: the patient follows the belt.
   */
  private static List<IntendedSpeedKnot> readSchedule(YamlValue value) {
    List<YamlValue> items = value.asList();
    if (items == null) {
      return null;
    }
    List<IntendedSpeedKnot> knots = new ArrayList<>(items.size());
    boolean valid = true;
    double previousAtS = Double.NEGATIVE_INFINITY;
    for (YamlValue item : items) {
      YamlMap knot = item.asMap(KNOT_KEYS);
      if (knot == null) {
        valid = false;
        continue;
      }
      YamlValue atValue = knot.require("atS");
      YamlValue speedValue = knot.require("speedMps");
      Double atS = atValue == null ? null : atValue.asNumberIn(IntendedSpeedKnot.AT_S);
      Double speedMps =
          speedValue == null ? null : speedValue.asNumberIn(IntendedSpeedKnot.SPEED_MPS);
      if (atS == null || speedMps == null) {
        valid = false;
        continue;
      }
      if (!(atS > previousAtS)) {
        atValue.error("must be after the previous knot's " + NumberText.format(previousAtS) + " s");
        valid = false;
      }
      previousAtS = atS;
      knots.add(new IntendedSpeedKnot(atS, speedMps));
    }
    return valid ? knots : null;
  }

  private static BeltGeometry readBelt(YamlMap map) {
    YamlValue beltsValue = map.get("belts");
    Integer belts = beltsValue == null ? 1 : beltsValue.asIntIn(BeltGeometry.BELTS);
    if (belts == null) {
      return null;
    }
    BeltGeometry base = belts == 2 ? BeltGeometry.splitBelt() : BeltGeometry.singleBelt();
    Integer rows = integer(map, "rows", BeltGeometry.ROWS_OR_COLS, base.rows());
    Integer cols = integer(map, "cols", BeltGeometry.ROWS_OR_COLS, base.cols());
    Integer pitchXUm = integer(map, "pitchXUm", BeltGeometry.PITCH_UM, (int) base.pitchXUm());
    Integer pitchYUm = integer(map, "pitchYUm", BeltGeometry.PITCH_UM, (int) base.pitchYUm());
    if (rows == null || cols == null || pitchXUm == null || pitchYUm == null) {
      return null;
    }
    if ((long) rows * cols > BeltGeometry.MAX_FRAME_CELLS) {
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

  private static Double number(YamlMap map, String key, SettingRange range, double absent) {
    YamlValue value = map.get(key);
    return value == null ? Double.valueOf(absent) : value.asNumberIn(range);
  }

  private static Integer integer(YamlMap map, String key, SettingRange range, int absent) {
    YamlValue value = map.get(key);
    return value == null ? Integer.valueOf(absent) : value.asIntIn(range);
  }
}
