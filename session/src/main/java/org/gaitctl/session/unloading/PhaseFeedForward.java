package org.gaitctl.session.unloading;

import java.util.Arrays;

/**
 * The repetitive-control term: a table of command corrections over one stride, indexed by gait
 * phase, learned from the phase-aligned load-cell error. Each update adds the error times the
 * learning gain to the bin that was commanding when the error was caused, spread over that bin and
 * its neighbours (¼, ½, ¼). Once per stride the table is smoothed with the same kernel, which
 * removes the high stride harmonics the plant lags too much to learn stably, and its mean is
 * removed, because the mean belongs to the PI loop (two integrators on one error would fight).
 *
 * <p>Session thread only; allocation-free after construction.
 */
final class PhaseFeedForward {

  private final double[] binsN;
  private final double[] scratchN;
  private final double learningGain;

  PhaseFeedForward(int bins, double learningGain) {
    this.binsN = new double[bins];
    this.scratchN = new double[bins];
    this.learningGain = learningGain;
  }

  /** The correction at {@code phase} in [0, 1), N, linearly interpolated between bins. */
  double correctionN(double phase) {
    int n = binsN.length;
    double position = phase * n;
    int lower = (int) Math.floor(position) % n;
    double fraction = position - Math.floor(position);
    return binsN[lower] * (1 - fraction) + binsN[(lower + 1) % n] * fraction;
  }

  /** Learns {@code errorN} (target − measured) against the command issued at {@code phase}. */
  void learn(double phase, double errorN) {
    int n = binsN.length;
    int bin = (int) Math.floor(phase * n) % n;
    double stepN = learningGain * errorN;
    binsN[bin] += 0.5 * stepN;
    binsN[(bin + 1) % n] += 0.25 * stepN;
    binsN[(bin + n - 1) % n] += 0.25 * stepN;
  }

  /** Once per stride: smooths the table and removes its mean. */
  void endOfStride() {
    int n = binsN.length;
    double sumN = 0;
    for (int i = 0; i < n; i++) {
      scratchN[i] = 0.25 * binsN[(i + n - 1) % n] + 0.5 * binsN[i] + 0.25 * binsN[(i + 1) % n];
      sumN += scratchN[i];
    }
    double meanN = sumN / n;
    for (int i = 0; i < n; i++) {
      binsN[i] = scratchN[i] - meanN;
    }
  }

  void reset() {
    Arrays.fill(binsN, 0);
  }

  /** Largest correction in the table, N (for the session's display and tests). */
  double peakN() {
    double peakN = 0;
    for (double valueN : binsN) {
      peakN = Math.max(peakN, Math.abs(valueN));
    }
    return peakN;
  }
}
