package org.gaitctl.core.pipeline;

import org.gaitctl.core.gait.Side;

/**
 * One completed step: the step whose heel strike opened it and the metrics known when the next heel
 * strike of the same foot closed the stride. A preallocated, reused holder of primitives: the steps
 * stage fills the one in the ring slot, readers copy it with {@link #copyFrom}.
 *
 * <p>Unknown times are {@link #UNKNOWN_NS}; unknown or meaningless quantities (a symmetry index of
 * a quantity near zero, for example) are {@link Double#NaN}.
 */
public final class StepRecord {

  /** Marks a time that is not known. */
  public static final long UNKNOWN_NS = Long.MIN_VALUE;

  private boolean completed;
  private Side side = Side.LEFT;
  private long stepNumber;
  private long heelStrikeNs;
  private long toeOffNs;
  private long nextHeelStrikeNs;
  private long strideTimeNs;
  private long stanceTimeNs;
  private long swingTimeNs;
  private long stepTimeNs;
  private long singleSupportNs;
  private long doubleSupportNs;
  private double stepLengthM;
  private double stepWidthM;
  private double cadenceStepsPerMin;
  private double peakForceN;
  private double loadingRateNPerS;
  private double impulseNewtonSeconds;
  private double stepTimeSymmetryIndexPct;
  private double stanceTimeSymmetryIndexPct;
  private double stepLengthSymmetryIndexPct;
  private double peakForceSymmetryIndexPct;

  public StepRecord() {
    clear();
  }

  /** Marks the holder as carrying no step and every value as unknown. */
  public void clear() {
    completed = false;
    side = Side.LEFT;
    stepNumber = 0;
    heelStrikeNs = UNKNOWN_NS;
    toeOffNs = UNKNOWN_NS;
    nextHeelStrikeNs = UNKNOWN_NS;
    strideTimeNs = UNKNOWN_NS;
    stanceTimeNs = UNKNOWN_NS;
    swingTimeNs = UNKNOWN_NS;
    stepTimeNs = UNKNOWN_NS;
    singleSupportNs = UNKNOWN_NS;
    doubleSupportNs = UNKNOWN_NS;
    stepLengthM = Double.NaN;
    stepWidthM = Double.NaN;
    cadenceStepsPerMin = Double.NaN;
    peakForceN = Double.NaN;
    loadingRateNPerS = Double.NaN;
    impulseNewtonSeconds = Double.NaN;
    stepTimeSymmetryIndexPct = Double.NaN;
    stanceTimeSymmetryIndexPct = Double.NaN;
    stepLengthSymmetryIndexPct = Double.NaN;
    peakForceSymmetryIndexPct = Double.NaN;
  }

  /** Copies every value of {@code other}; allocation-free. */
  public void copyFrom(StepRecord other) {
    completed = other.completed;
    side = other.side;
    stepNumber = other.stepNumber;
    heelStrikeNs = other.heelStrikeNs;
    toeOffNs = other.toeOffNs;
    nextHeelStrikeNs = other.nextHeelStrikeNs;
    strideTimeNs = other.strideTimeNs;
    stanceTimeNs = other.stanceTimeNs;
    swingTimeNs = other.swingTimeNs;
    stepTimeNs = other.stepTimeNs;
    singleSupportNs = other.singleSupportNs;
    doubleSupportNs = other.doubleSupportNs;
    stepLengthM = other.stepLengthM;
    stepWidthM = other.stepWidthM;
    cadenceStepsPerMin = other.cadenceStepsPerMin;
    peakForceN = other.peakForceN;
    loadingRateNPerS = other.loadingRateNPerS;
    impulseNewtonSeconds = other.impulseNewtonSeconds;
    stepTimeSymmetryIndexPct = other.stepTimeSymmetryIndexPct;
    stanceTimeSymmetryIndexPct = other.stanceTimeSymmetryIndexPct;
    stepLengthSymmetryIndexPct = other.stepLengthSymmetryIndexPct;
    peakForceSymmetryIndexPct = other.peakForceSymmetryIndexPct;
  }

  /**
   * Marks the holder as carrying a completed step of {@code side}, numbered from 1 per session; the
   * metric setters fill the rest.
   */
  public StepRecord complete(Side side, long stepNumber) {
    this.completed = true;
    this.side = side;
    this.stepNumber = stepNumber;
    return this;
  }

  /** Sets the gait-cycle times of the step, ns on the pipeline clock. */
  public StepRecord times(long heelStrikeNs, long toeOffNs, long nextHeelStrikeNs) {
    this.heelStrikeNs = heelStrikeNs;
    this.toeOffNs = toeOffNs;
    this.nextHeelStrikeNs = nextHeelStrikeNs;
    return this;
  }

  /** Sets the phase durations, ns ({@link #UNKNOWN_NS} where unknown). */
  public StepRecord durations(
      long strideTimeNs,
      long stanceTimeNs,
      long swingTimeNs,
      long stepTimeNs,
      long singleSupportNs,
      long doubleSupportNs) {
    this.strideTimeNs = strideTimeNs;
    this.stanceTimeNs = stanceTimeNs;
    this.swingTimeNs = swingTimeNs;
    this.stepTimeNs = stepTimeNs;
    this.singleSupportNs = singleSupportNs;
    this.doubleSupportNs = doubleSupportNs;
    return this;
  }

  /** Sets the spatial metrics, m and steps per minute. */
  public StepRecord spatial(double stepLengthM, double stepWidthM, double cadenceStepsPerMin) {
    this.stepLengthM = stepLengthM;
    this.stepWidthM = stepWidthM;
    this.cadenceStepsPerMin = cadenceStepsPerMin;
    return this;
  }

  /** Sets the kinetic metrics: peak vertical force N, loading rate N/s, impulse N·s. */
  public StepRecord kinetics(double peakForceN, double loadingRateNPerS, double impulseNs) {
    this.peakForceN = peakForceN;
    this.loadingRateNPerS = loadingRateNPerS;
    this.impulseNewtonSeconds = impulseNs;
    return this;
  }

  /** Sets the rolling symmetry indices (Robinson 1987), percent; NaN where not meaningful. */
  public StepRecord symmetryIndices(
      double stepTimePct, double stanceTimePct, double stepLengthPct, double peakForcePct) {
    this.stepTimeSymmetryIndexPct = stepTimePct;
    this.stanceTimeSymmetryIndexPct = stanceTimePct;
    this.stepLengthSymmetryIndexPct = stepLengthPct;
    this.peakForceSymmetryIndexPct = peakForcePct;
    return this;
  }

  public boolean completed() {
    return completed;
  }

  public Side side() {
    return side;
  }

  public long stepNumber() {
    return stepNumber;
  }

  public long heelStrikeNs() {
    return heelStrikeNs;
  }

  public long toeOffNs() {
    return toeOffNs;
  }

  public long nextHeelStrikeNs() {
    return nextHeelStrikeNs;
  }

  public long strideTimeNs() {
    return strideTimeNs;
  }

  public long stanceTimeNs() {
    return stanceTimeNs;
  }

  public long swingTimeNs() {
    return swingTimeNs;
  }

  public long stepTimeNs() {
    return stepTimeNs;
  }

  public long singleSupportNs() {
    return singleSupportNs;
  }

  public long doubleSupportNs() {
    return doubleSupportNs;
  }

  public double stepLengthM() {
    return stepLengthM;
  }

  public double stepWidthM() {
    return stepWidthM;
  }

  public double cadenceStepsPerMin() {
    return cadenceStepsPerMin;
  }

  public double peakForceN() {
    return peakForceN;
  }

  public double loadingRateNPerS() {
    return loadingRateNPerS;
  }

  public double impulseNewtonSeconds() {
    return impulseNewtonSeconds;
  }

  public double stepTimeSymmetryIndexPct() {
    return stepTimeSymmetryIndexPct;
  }

  public double stanceTimeSymmetryIndexPct() {
    return stanceTimeSymmetryIndexPct;
  }

  public double stepLengthSymmetryIndexPct() {
    return stepLengthSymmetryIndexPct;
  }

  public double peakForceSymmetryIndexPct() {
    return peakForceSymmetryIndexPct;
  }
}
