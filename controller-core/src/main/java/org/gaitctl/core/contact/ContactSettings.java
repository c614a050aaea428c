package org.gaitctl.core.contact;

/**
 * Parameters of foot-contact estimation from pressure frames. Validated once, at construction.
 *
 * @param cellThresholdCounts a cell counts as loaded when its reading exceeds its baseline by at
 *     least this many counts (0.01 N/cm² each)
 * @param minFootprintForceN connected regions carrying less force are treated as noise
 * @param baselineTimeConstantS time constant with which an unloaded cell's baseline follows its
 *     reading, s (slow, so short unloaded moments of a footprint edge do not leak into it)
 * @param maxFootLengthM a region joins a foot already on the belt (heel and forefoot apart during
 *     roll-over) only if together they are no longer than this, m
 * @param maxFootWidthM ... and only if their centres lie at most this far apart across the belt, m
 * @param maxFootprints regions beyond this number in one frame are ignored and counted
 */
public record ContactSettings(
    int cellThresholdCounts,
    double minFootprintForceN,
    double baselineTimeConstantS,
    double maxFootLengthM,
    double maxFootWidthM,
    int maxFootprints) {

  public ContactSettings {
    require(cellThresholdCounts >= 1, "cellThresholdCounts must be >= 1");
    require(minFootprintForceN >= 0, "minFootprintForceN must be >= 0");
    require(baselineTimeConstantS > 0, "baselineTimeConstantS must be > 0");
    require(maxFootLengthM > 0, "maxFootLengthM must be > 0");
    require(maxFootWidthM > 0, "maxFootWidthM must be > 0");
    require(maxFootprints >= 2, "maxFootprints must be >= 2");
  }

  /** 10 counts, 5 N, 10 s baseline, 0.32 m × 0.10 m feet, 32 regions. */
  public static ContactSettings defaults() {
    return new ContactSettings(10, 5.0, 10.0, 0.32, 0.10, 32);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("contact settings: " + message);
    }
  }
}
