package org.gaitctl.session.protocol;

/**
 * Accumulates one stage's set and measured values, cycle by cycle, into its {@link StageSummary}.
 * Session thread only; allocation-free until {@link #summary}.
 */
final class StageRecorder {

  private final double bodyWeightN;
  private long cycles;
  private double setSpeedSum;
  private double measuredSpeedSum;
  private double targetUnloadingSum;
  private long unloadingReadings;
  private double measuredUnloadingSumN;
  private long settledReadings;
  private double settledErrorSquareSum;
  private double settledErrorPeak;
  private long settledNs;
  private long steps;
  private double stanceTimeSiPercent = Double.NaN;
  private double stepTimeSiPercent = Double.NaN;

  StageRecorder(double bodyWeightN) {
    this.bodyWeightN = bodyWeightN;
  }

  void reset() {
    cycles = 0;
    setSpeedSum = 0;
    measuredSpeedSum = 0;
    targetUnloadingSum = 0;
    unloadingReadings = 0;
    measuredUnloadingSumN = 0;
    settledReadings = 0;
    settledErrorSquareSum = 0;
    settledErrorPeak = 0;
    settledNs = 0;
    steps = 0;
    stanceTimeSiPercent = Double.NaN;
    stepTimeSiPercent = Double.NaN;
  }

  /** One running (not paused) cycle. */
  void cycle(
      double setSpeedMps,
      double measuredSpeedMps,
      double targetUnloadingPercentBw,
      double loadCellN) {
    cycles++;
    setSpeedSum += setSpeedMps;
    measuredSpeedSum += Double.isFinite(measuredSpeedMps) ? measuredSpeedMps : 0;
    targetUnloadingSum += targetUnloadingPercentBw;
    if (Double.isFinite(loadCellN)) {
      unloadingReadings++;
      measuredUnloadingSumN += loadCellN;
    }
  }

  /**
   * One cycle in which the unloading target has been steady long enough for the loop to settle: the
   * error of the measured unloading against the target, %BW, over {@code dtNs}.
   */
  void settledUnloading(double errorPercentBw, long dtNs) {
    settledReadings++;
    settledNs += dtNs;
    settledErrorSquareSum += errorPercentBw * errorPercentBw;
    settledErrorPeak = Math.max(settledErrorPeak, Math.abs(errorPercentBw));
  }

  void step(double stanceSiPercent, double stepSiPercent) {
    steps++;
    stanceTimeSiPercent = stanceSiPercent;
    stepTimeSiPercent = stepSiPercent;
  }

  long steps() {
    return steps;
  }

  double stanceTimeSiPercent() {
    return stanceTimeSiPercent;
  }

  double stepTimeSiPercent() {
    return stepTimeSiPercent;
  }

  StageSummary summary(int index, String name, double ranS, double distanceM, boolean completed) {
    double unloadingN =
        unloadingReadings == 0 ? Double.NaN : measuredUnloadingSumN / unloadingReadings;
    return new StageSummary(
        index,
        name,
        ranS,
        distanceM,
        mean(setSpeedSum),
        mean(measuredSpeedSum),
        mean(targetUnloadingSum),
        unloadingN,
        unloadingN / bodyWeightN * 100,
        settledNs * 1e-9,
        settledReadings == 0 ? Double.NaN : Math.sqrt(settledErrorSquareSum / settledReadings),
        settledReadings == 0 ? Double.NaN : settledErrorPeak,
        steps,
        stanceTimeSiPercent,
        stepTimeSiPercent,
        completed);
  }

  private double mean(double sum) {
    return cycles == 0 ? Double.NaN : sum / cycles;
  }
}
