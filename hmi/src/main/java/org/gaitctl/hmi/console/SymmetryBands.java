package org.gaitctl.hmi.console;

import java.util.Optional;
import org.gaitctl.config.protocol.SymmetryTarget;
import org.gaitctl.core.symmetry.StepParameter;

/**
 * The zones drawn on the left/right ratio charts: the minimal detectable change around symmetry
 * (1.0) where it is published, and the protocol's target zone where it has one.
 *
 * <p>Minimal detectable changes of the ratios in chronic stroke, Lewek and Randall 2011 (Phys Ther
 * 91(11):1680): step length 0.15, swing time 0.26, stance time 0.09. A change of the ratio smaller
 * than that is within what repeated measurement of the same gait gives.
 */
public final class SymmetryBands {

  private SymmetryBands() {}

  /** The charts of the live view, in order. */
  public static final StepParameter[] CHARTED = {
    StepParameter.STANCE_TIME,
    StepParameter.SWING_TIME,
    StepParameter.STEP_TIME,
    StepParameter.STEP_LENGTH,
    StepParameter.PEAK_FORCE
  };

  /** The minimal detectable change of the left/right ratio of {@code p}; NaN if not published. */
  public static double minimalDetectableChange(StepParameter p) {
    return switch (p) {
      case STEP_LENGTH -> 0.15;
      case SWING_TIME -> 0.26;
      case STANCE_TIME -> 0.09;
      default -> Double.NaN;
    };
  }

  /** The band 1 ± MDC of {@code p}; empty where no MDC is published. */
  public static Optional<RatioBand> mdcBand(StepParameter p) {
    double mdc = minimalDetectableChange(p);
    return Double.isNaN(mdc) ? Optional.empty() : Optional.of(new RatioBand(1 - mdc, 1 + mdc));
  }

  /**
   * The protocol's target zone for {@code p} as a ratio band: |SI| ≤ s (Robinson, SI = 200 (L − R)
   * / (L + R)) is L/R within [(200 − s) / (200 + s), (200 + s) / (200 − s)]. Empty when the
   * protocol sets no bound for {@code p}.
   */
  public static Optional<RatioBand> targetBand(StepParameter p, Optional<SymmetryTarget> target) {
    if (target.isEmpty()) {
      return Optional.empty();
    }
    double maxSiPercent =
        switch (p) {
          case STANCE_TIME -> target.get().maxStanceTimeSiPercent();
          case STEP_LENGTH -> target.get().maxStepLengthSiPercent();
          default -> Double.NaN;
        };
    if (Double.isNaN(maxSiPercent) || maxSiPercent >= 200) {
      return Optional.empty();
    }
    return Optional.of(
        new RatioBand(
            (200 - maxSiPercent) / (200 + maxSiPercent),
            (200 + maxSiPercent) / (200 - maxSiPercent)));
  }

  /** Chart title of {@code p}'s ratio chart. */
  public static String title(StepParameter p) {
    String name =
        switch (p) {
          case STANCE_TIME -> "Stance time";
          case SWING_TIME -> "Swing time";
          case STEP_TIME -> "Step time";
          case STEP_LENGTH -> "Step length";
          case PEAK_FORCE -> "Peak force";
          default -> p.name();
        };
    return name + " L/R";
  }

  /**
   * A ratio band.
   *
   * @param low lower bound of the ratio
   * @param high upper bound of the ratio
   */
  public record RatioBand(double low, double high) {}
}
