package org.gaitctl.safety;

/**
 * Keeps the latest patient position for the supervisor: the self-paced stage publishes its
 * stride-filtered centre of pressure after every frame; the supervisor reads it at its own rate.
 * {@link #publish} neither blocks nor allocates (one volatile write).
 */
public final class PatientPositionTap implements PatientPositionInput {

  /** The default distance from either end of the sensing area at which F25 fires, m. */
  public static final double DEFAULT_NEAR_END_MARGIN_M = 0.15;

  private final double nearEndLimitM;
  private volatile double positionM = Double.NaN;
  private volatile double rateMps = Double.NaN;

  /**
   * A tap for a sensing area {@code sensingLengthM} long: F25 when the patient is within {@code
   * nearEndMarginM} of either end.
   */
  public PatientPositionTap(double sensingLengthM, double nearEndMarginM) {
    if (!(nearEndMarginM >= 0) || !(sensingLengthM > 2 * nearEndMarginM)) {
      throw new IllegalArgumentException(
          "nearEndMarginM = "
              + nearEndMarginM
              + " must be >= 0 and leave room on a sensing area of "
              + sensingLengthM
              + " m");
    }
    this.nearEndLimitM = 0.5 * sensingLengthM - nearEndMarginM;
  }

  /** The patient's position, m ahead of the sensing area's centre; NaN when nobody is on it. */
  public void publish(double positionAheadOfCentreM) {
    positionM = positionAheadOfCentreM;
  }

  /** The position and how fast it changes, m/s forward (NaN: unknown). */
  public void publish(double positionAheadOfCentreM, double forwardRateMps) {
    rateMps = forwardRateMps;
    positionM = positionAheadOfCentreM;
  }

  @Override
  public double rateMps() {
    return rateMps;
  }

  @Override
  public double positionM() {
    return positionM;
  }

  @Override
  public double nearEndLimitM() {
    return nearEndLimitM;
  }
}
