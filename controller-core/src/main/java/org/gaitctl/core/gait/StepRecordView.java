package org.gaitctl.core.gait;

/**
 * A completed step and the stride it begins, read-only: what step listeners and the pipeline's step
 * feed subscribers see. The object behind it is a reused {@link StepRecord}, valid only during the
 * call that hands it over; copy it ({@link StepRecord#copyFrom}) to keep it. Unknown values are
 * NaN.
 */
public interface StepRecordView {

  /** Number of this step since the assembler started, from 0. */
  long stepIndex();

  Side side();

  /** This heel strike, ns on the analysis clock (host arrival time on the live path). */
  long heelStrikeNs();

  /** This stance's toe off, ns. */
  long toeOffNs();

  /** The same foot's next heel strike, which completed the step, ns. */
  long nextHeelStrikeNs();

  /** Heel strike to next heel strike of the same foot, s. */
  double strideTimeS();

  /** Heel strike to toe off, s. */
  double stanceTimeS();

  /** Toe off to next heel strike, s. */
  double swingTimeS();

  /** The other foot's last heel strike to this heel strike, s. */
  double stepTimeS();

  /** Part of this stance with the other foot off the ground, s. */
  double singleSupportS();

  /** Part of this stance with both feet on the ground (initial + terminal), s. */
  double doubleSupportS();

  /** Heel position ahead of the other foot's heel at this heel strike, on the belt, m. */
  double stepLengthM();

  /** Heel position ahead of this foot's previous heel strike, on the belt, m. */
  double strideLengthM();

  /** Distance across the belt between this stance's and the other foot's last stance's COP, m. */
  double stepWidthM();

  /** 60 / step time, steps per minute. */
  double cadenceStepsPerMin();

  /** Largest vertical force in this stance, N (or the recording's unit). */
  double peakForceN();

  /** Mean slope of the force from 20 % to 80 % of the peak on its first rise, N/s. */
  double loadingRateNps();

  /** Integral of the vertical force over the stance, N·s. */
  double impulseNewtonSeconds();
}
