package org.gaitctl.safety;

/**
 * Where the patient walks on the pressure-sensing belt, for the supervisor's "patient near belt
 * end" check (F25): the latest stride-filtered centre of pressure and how far from the sensing
 * area's centre it may go.
 */
public interface PatientPositionInput {

  /** Nobody publishes a position: the check never fires. */
  PatientPositionInput NONE =
      new PatientPositionInput() {
        @Override
        public double positionM() {
          return Double.NaN;
        }

        @Override
        public double nearEndLimitM() {
          return Double.POSITIVE_INFINITY;
        }
      };

  /**
   * The patient's latest position, m ahead of the sensing area's centre (negative: behind it); NaN
   * when nobody stands on the belt or no position is known.
   */
  double positionM();

  /** |position| beyond this is near an end of the sensing area, m. */
  double nearEndLimitM();

  /**
   * How fast the position changes, m/s forward (negative: backward); NaN when unknown, which F25
   * takes as moving toward the nearer end.
   */
  default double rateMps() {
    return Double.NaN;
  }
}
