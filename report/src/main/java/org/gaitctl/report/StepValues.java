package org.gaitctl.report;

import org.gaitctl.core.analysis.StepRow;
import org.gaitctl.core.symmetry.StepParameter;

/** A step parameter's value in a {@link StepRow} (the row carries all but none). */
final class StepValues {

  private StepValues() {}

  static double of(StepParameter p, StepRow r) {
    return switch (p) {
      case STRIDE_TIME -> r.strideS();
      case STANCE_TIME -> r.stanceS();
      case SWING_TIME -> r.swingS();
      case STEP_TIME -> r.stepTimeS();
      case SINGLE_SUPPORT -> r.singleSupportS();
      case DOUBLE_SUPPORT -> r.doubleSupportS();
      case STEP_LENGTH -> r.stepLengthM();
      case STEP_WIDTH -> r.stepWidthM();
      case PEAK_FORCE -> r.peakFz();
      case LOADING_RATE -> r.loadingRatePerS();
      case IMPULSE -> r.impulseFzSeconds();
    };
  }
}
