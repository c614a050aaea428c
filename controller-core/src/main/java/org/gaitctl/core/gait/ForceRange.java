package org.gaitctl.core.gait;

/**
 * Running peak and floor of one foot's force, each forgetting towards the other with a time
 * constant, so that thresholds can follow a signal of unknown scale and offset (uncalibrated
 * sensors). Single-threaded, allocation-free.
 */
final class ForceRange {

  private final double timeConstantNs;
  private double peak;
  private double floor;
  private long lastNs;
  private long firstNs;
  private boolean started;

  ForceRange(double timeConstantS) {
    this.timeConstantNs = timeConstantS * 1e9;
  }

  void update(long timeNs, double force) {
    if (!started) {
      started = true;
      peak = force;
      floor = force;
      firstNs = timeNs;
      lastNs = timeNs;
      return;
    }
    double decay = Math.min(1.0, (timeNs - lastNs) / timeConstantNs);
    lastNs = timeNs;
    double span = peak - floor;
    peak = Math.max(force, peak - span * decay);
    floor = Math.min(force, floor + span * decay);
  }

  /** The level at {@code fraction} of the range above the floor. */
  double level(double fraction) {
    return floor + fraction * (peak - floor);
  }

  /** How long the range has been watched, ns. */
  long watchedNs() {
    return started ? lastNs - firstNs : 0;
  }
}
