package org.gaitctl.core.analysis;

import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepRecordView;

/**
 * An immutable copy of a completed step, on the recording's time axis (s). NaN where unknown.
 * Forces are in the recording's unit, so the impulse is in that unit times seconds.
 */
public record StepRow(
    Side side,
    double heelStrikeS,
    double toeOffS,
    double nextHeelStrikeS,
    double strideS,
    double stanceS,
    double swingS,
    double stepTimeS,
    double singleSupportS,
    double doubleSupportS,
    double peakFz,
    double loadingRatePerS,
    double impulseFzSeconds,
    double stepLengthM,
    double strideLengthM,
    double stepWidthM,
    double cadenceStepsPerMin) {

  /** This step with step and stride length unknown (a recording without belt speed). */
  StepRow withoutLengths() {
    return new StepRow(
        side,
        heelStrikeS,
        toeOffS,
        nextHeelStrikeS,
        strideS,
        stanceS,
        swingS,
        stepTimeS,
        singleSupportS,
        doubleSupportS,
        peakFz,
        loadingRatePerS,
        impulseFzSeconds,
        Double.NaN,
        Double.NaN,
        stepWidthM,
        cadenceStepsPerMin);
  }

  static StepRow of(StepRecordView r) {
    return new StepRow(
        r.side(),
        r.heelStrikeNs() * 1e-9,
        r.toeOffNs() * 1e-9,
        r.nextHeelStrikeNs() * 1e-9,
        r.strideTimeS(),
        r.stanceTimeS(),
        r.swingTimeS(),
        r.stepTimeS(),
        r.singleSupportS(),
        r.doubleSupportS(),
        r.peakForceN(),
        r.loadingRateNps(),
        r.impulseNewtonSeconds(),
        r.stepLengthM(),
        r.strideLengthM(),
        r.stepWidthM(),
        r.cadenceStepsPerMin());
  }
}
