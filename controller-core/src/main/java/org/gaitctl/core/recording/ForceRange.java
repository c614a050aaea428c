package org.gaitctl.core.recording;

/** The vertical forces a recording in newtons may hold; beyond them the file is wrong. */
final class ForceRange {

  /**
   * 20 kN: running peaks are about 3 body weights (under 5 kN for 150 kg); a factor of four above
   * that still catches a file in the wrong unit (mN, raw counts) or corrupt values.
   */
  static final double MAX_ABS_NEWTONS = 20_000.0;

  private ForceRange() {}

  static boolean isPlausibleNewtons(double forceN) {
    return Math.abs(forceN) <= MAX_ABS_NEWTONS;
  }
}
