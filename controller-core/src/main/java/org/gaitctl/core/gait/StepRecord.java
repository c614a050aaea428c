package org.gaitctl.core.gait;

/**
 * One completed step and the stride it begins: from a heel strike of {@link #side} to that foot's
 * next heel strike. The mutable holder behind {@link StepRecordView}: written by {@link
 * StepAssembler} and reused, or a preallocated copy; readers outside the writer see the view.
 * Unknown values are NaN.
 */
public final class StepRecord implements StepRecordView {

  /** Number of this step since the assembler started, from 0. */
  public long stepIndex;

  public Side side;

  public long heelStrikeNs;
  public long toeOffNs;
  public long nextHeelStrikeNs;

  /** Heel strike to next heel strike of the same foot, s. */
  public double strideTimeS;

  /** Heel strike to toe off, s. */
  public double stanceTimeS;

  /** Toe off to next heel strike, s. */
  public double swingTimeS;

  /** The other foot's last heel strike to this heel strike, s. */
  public double stepTimeS;

  /** Part of this stance with the other foot off the ground, s. */
  public double singleSupportS;

  /** Part of this stance with both feet on the ground (initial + terminal), s. */
  public double doubleSupportS;

  /** Heel position ahead of the other foot's heel at this heel strike, on the belt, m. */
  public double stepLengthM;

  /** Heel position ahead of this foot's previous heel strike, on the belt, m. */
  public double strideLengthM;

  /** Distance across the belt between this stance's and the other foot's last stance's COP, m. */
  public double stepWidthM;

  /** 60 / step time, steps per minute. */
  public double cadenceStepsPerMin;

  /** Largest vertical force in this stance, N (or the recording's unit). */
  public double peakForceN;

  /** Mean slope of the force from 20 % to 80 % of the peak on its first rise, N/s. */
  public double loadingRateNps;

  /** Integral of the vertical force over the stance, N·s. */
  public double impulseNewtonSeconds;

  /** Copies every value of {@code other}, e.g. into a preallocated ring slot; allocation-free. */
  public void copyFrom(StepRecordView other) {
    stepIndex = other.stepIndex();
    side = other.side();
    heelStrikeNs = other.heelStrikeNs();
    toeOffNs = other.toeOffNs();
    nextHeelStrikeNs = other.nextHeelStrikeNs();
    strideTimeS = other.strideTimeS();
    stanceTimeS = other.stanceTimeS();
    swingTimeS = other.swingTimeS();
    stepTimeS = other.stepTimeS();
    singleSupportS = other.singleSupportS();
    doubleSupportS = other.doubleSupportS();
    stepLengthM = other.stepLengthM();
    strideLengthM = other.strideLengthM();
    stepWidthM = other.stepWidthM();
    cadenceStepsPerMin = other.cadenceStepsPerMin();
    peakForceN = other.peakForceN();
    loadingRateNps = other.loadingRateNps();
    impulseNewtonSeconds = other.impulseNewtonSeconds();
  }

  @Override
  public long stepIndex() {
    return stepIndex;
  }

  @Override
  public Side side() {
    return side;
  }

  @Override
  public long heelStrikeNs() {
    return heelStrikeNs;
  }

  @Override
  public long toeOffNs() {
    return toeOffNs;
  }

  @Override
  public long nextHeelStrikeNs() {
    return nextHeelStrikeNs;
  }

  @Override
  public double strideTimeS() {
    return strideTimeS;
  }

  @Override
  public double stanceTimeS() {
    return stanceTimeS;
  }

  @Override
  public double swingTimeS() {
    return swingTimeS;
  }

  @Override
  public double stepTimeS() {
    return stepTimeS;
  }

  @Override
  public double singleSupportS() {
    return singleSupportS;
  }

  @Override
  public double doubleSupportS() {
    return doubleSupportS;
  }

  @Override
  public double stepLengthM() {
    return stepLengthM;
  }

  @Override
  public double strideLengthM() {
    return strideLengthM;
  }

  @Override
  public double stepWidthM() {
    return stepWidthM;
  }

  @Override
  public double cadenceStepsPerMin() {
    return cadenceStepsPerMin;
  }

  @Override
  public double peakForceN() {
    return peakForceN;
  }

  @Override
  public double loadingRateNps() {
    return loadingRateNps;
  }

  @Override
  public double impulseNewtonSeconds() {
    return impulseNewtonSeconds;
  }
}
