package org.gaitctl.app;

import org.gaitctl.core.pipeline.CopListener;
import org.gaitctl.safety.PatientPositionTap;
import org.gaitctl.session.selfpaced.StrideCopFilter;

/**
 * Hands the supervisor the patient's stride-filtered position for F25 (patient near belt end): the
 * centre of pressure of every frame, on the ring thread, through a {@link StrideCopFilter} into a
 * {@link PatientPositionTap}, as the filter's present position (its delay taken out: a patient
 * drifting back at 0.3 m/s would otherwise leave the sensors before the delayed position crossed
 * the limit). The filter must see every frame (sampled less often, the step frequency's saw tooth
 * would alias into it), hence the ring thread and not the supervisor's. Allocation-free: one filter
 * step and one volatile write per frame.
 */
final class StridePositionRelay implements CopListener {

  /**
   * Each of the filter's two lags, s: the value the self-paced controller is tuned with
   * (docs/CONTROL.md (self-paced belt)), so that F25 and the controller see the same position.
   */
  static final double STRIDE_TIME_CONSTANT_S = 0.5;

  private final StrideCopFilter filter = new StrideCopFilter(STRIDE_TIME_CONSTANT_S);
  private final PatientPositionTap tap;
  private volatile double positionM = Double.NaN;
  private volatile double rateMps = Double.NaN;

  StridePositionRelay(PatientPositionTap tap) {
    this.tap = tap;
  }

  /**
   * NaN (no fault) until the first foot; then, while nobody stands on the belt, the last position
   * holds: a patient who walked off the front end, or fell off the back, must not clear F25 by
   * leaving the sensing area.
   */
  @Override
  public void onCop(long frameNs, double copAheadM) {
    filter.add(frameNs, copAheadM);
    if (filter.primed()) {
      tap.publish(filter.presentPositionM(), filter.rateMps());
      positionM = filter.positionM();
      rateMps = filter.rateMps();
    }
  }

  /**
   * The latest filtered position (with its delay: the self-paced controller is tuned on it), m
   * ahead of the sensing area's centre; NaN before a foot.
   */
  double positionM() {
    return positionM;
  }

  /** Its rate of change, m/s forward; NaN before a foot. Any thread. */
  double rateMps() {
    return rateMps;
  }
}
