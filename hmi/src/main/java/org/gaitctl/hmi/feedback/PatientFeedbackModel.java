package org.gaitctl.hmi.feedback;

import java.util.Objects;
import java.util.Optional;
import org.gaitctl.config.protocol.SymmetryTarget;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.symmetry.SymmetryMath;

/**
 * From plain values (the latest step's value of each side, or a symmetry index, and the protocol's
 * stage status) to what the patient's window shows. Pure and cheap: the console calls it at its
 * refresh rate from its own snapshots, on any thread.
 *
 * <p>The bar spans {@link #FULL_SCALE_ZONES} times the zone's half-width to each side, so the zone
 * is always the middle third and a patient far out of it still sees the marker move.
 */
public final class PatientFeedbackModel {

  /** The bar's half-width in multiples of the zone's half-width. */
  public static final double FULL_SCALE_ZONES = 3.0;

  static final String IN_ZONE_TEXT = "Good, keep going";
  static final String NO_VALUE_TEXT = "Waiting for steps";
  static final String NO_TARGET_TEXT = "Keep walking";
  static final String UNKNOWN_TIME_TEXT = "--:--";

  private final SymmetryParameter parameter;
  private final Optional<SymmetryTarget> target;

  /**
   * @param parameter the quantity whose symmetry the patient sees
   * @param target the protocol's symmetry zone; empty when it sets none
   */
  public PatientFeedbackModel(SymmetryParameter parameter, Optional<SymmetryTarget> target) {
    this.parameter = Objects.requireNonNull(parameter, "parameter");
    this.target = Objects.requireNonNull(target, "target");
  }

  /**
   * The state from the latest value of each side (s or m, the parameter's unit; NaN for a side
   * without a step yet).
   */
  public PatientFeedbackState fromSides(
      double leftValue, double rightValue, long steps, double stageTimeLeftS, String stageName) {
    double indexPercent =
        SymmetryMath.symmetryIndexPercent(
            leftValue, rightValue, parameter.stepParameter().defaultFloor());
    return fromIndex(indexPercent, steps, stageTimeLeftS, stageName);
  }

  /**
   * The state from a symmetry index (Robinson, percent, positive when the left value is larger; NaN
   * when not meaningful), e.g. the rolling index of {@code ProtocolStatus}.
   */
  public PatientFeedbackState fromIndex(
      double indexPercent, long steps, double stageTimeLeftS, String stageName) {
    Optional<Side> weaker = weakerSide(indexPercent);
    SymmetryVerdict verdict;
    double zoneHalfPercent = Double.NaN;
    double markerPosition = Double.NaN;
    if (target.isEmpty()) {
      verdict = SymmetryVerdict.NO_TARGET;
    } else {
      zoneHalfPercent = parameter.maxIndexPercent(target.get());
      if (Double.isNaN(indexPercent)) {
        verdict = SymmetryVerdict.NO_VALUE;
      } else {
        verdict =
            Math.abs(indexPercent) <= zoneHalfPercent
                ? SymmetryVerdict.IN_ZONE
                : SymmetryVerdict.OUT_OF_ZONE;
        markerPosition = position(indexPercent, zoneHalfPercent);
      }
    }
    return new PatientFeedbackState(
        parameter,
        verdict,
        weaker,
        indexPercent,
        -zoneHalfPercent,
        zoneHalfPercent,
        markerPosition,
        position(-zoneHalfPercent, zoneHalfPercent),
        position(zoneHalfPercent, zoneHalfPercent),
        instruction(verdict, weaker),
        steps,
        "Steps " + steps,
        stageName,
        stageTimeLeftS,
        timeLeftText(stageTimeLeftS));
  }

  /** m:ss, whole seconds rounded up so that 0:00 shows only at the stage's end. */
  static String timeLeftText(double timeLeftS) {
    if (!Double.isFinite(timeLeftS)) {
      return UNKNOWN_TIME_TEXT;
    }
    long seconds = (long) Math.ceil(Math.max(0.0, timeLeftS));
    return String.format("%d:%02d", seconds / 60, seconds % 60);
  }

  /** The side with the smaller value: a positive index means the left value is the larger. */
  private static Optional<Side> weakerSide(double indexPercent) {
    if (Double.isNaN(indexPercent) || indexPercent == 0.0) {
      return Optional.empty();
    }
    return Optional.of(indexPercent > 0.0 ? Side.RIGHT : Side.LEFT);
  }

  /**
   * Left weaker (negative index) moves the marker left of centre, so the marker sits on the side
   * the patient is asked to work with.
   */
  private static double position(double indexPercent, double zoneHalfPercent) {
    if (Double.isNaN(zoneHalfPercent)) {
      return Double.NaN;
    }
    double fullScalePercent = FULL_SCALE_ZONES * zoneHalfPercent;
    double unclamped = 0.5 + indexPercent / (2.0 * fullScalePercent);
    return Math.max(0.0, Math.min(1.0, unclamped));
  }

  private String instruction(SymmetryVerdict verdict, Optional<Side> weaker) {
    return switch (verdict) {
      case IN_ZONE -> IN_ZONE_TEXT;
      case OUT_OF_ZONE ->
          parameter.instructionPrefix() + weaker.map(PatientFeedbackModel::name).orElseThrow();
      case NO_VALUE -> NO_VALUE_TEXT;
      case NO_TARGET -> NO_TARGET_TEXT;
    };
  }

  private static String name(Side side) {
    return side == Side.LEFT ? "LEFT" : "RIGHT";
  }
}
