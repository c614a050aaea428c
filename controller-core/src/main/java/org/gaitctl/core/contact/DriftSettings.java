package org.gaitctl.core.contact;

/**
 * Parameters of the belt force gain correction (see {@link DriftCompensator}).
 *
 * @param enabled false keeps the gain at 1
 * @param bodyMassKg the patient's body mass, kg
 * @param expectUnloading true when a harness load cell is fitted: a stride without unloading
 *     samples is then not used
 * @param smoothing weight of each new stride's estimate in the running gain, 0 < w ≤ 1
 * @param minGain smallest plausible gain; a stride asking for less is rejected and counted
 * @param maxGain largest plausible gain
 * @param minStrideS shortest stride used, s
 * @param maxStrideS longest stride used, s
 */
public record DriftSettings(
    boolean enabled,
    double bodyMassKg,
    boolean expectUnloading,
    double smoothing,
    double minGain,
    double maxGain,
    double minStrideS,
    double maxStrideS) {

  public static final double GRAVITY_MPS2 = 9.81;

  public DriftSettings {
    if (enabled && !(bodyMassKg > 0)) {
      throw new IllegalArgumentException("drift settings: bodyMassKg must be > 0 when enabled");
    }
    if (!(smoothing > 0 && smoothing <= 1)) {
      throw new IllegalArgumentException("drift settings: smoothing must be in (0, 1]");
    }
    if (!(minGain > 0 && maxGain > minGain)) {
      throw new IllegalArgumentException("drift settings: need 0 < minGain < maxGain");
    }
    if (!(minStrideS > 0 && maxStrideS > minStrideS)) {
      throw new IllegalArgumentException("drift settings: need 0 < minStrideS < maxStrideS");
    }
  }

  /** No correction. */
  public static DriftSettings disabled() {
    return new DriftSettings(false, 0.0, false, 0.25, 0.5, 2.0, 0.4, 4.0);
  }

  /** Correction for a patient of {@code bodyMassKg}, with or without a harness load cell. */
  public static DriftSettings forPatient(double bodyMassKg, boolean harnessLoadCell) {
    return new DriftSettings(true, bodyMassKg, harnessLoadCell, 0.25, 0.5, 2.0, 0.4, 4.0);
  }
}
