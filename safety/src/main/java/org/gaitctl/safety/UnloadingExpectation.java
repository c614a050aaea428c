package org.gaitctl.safety;

/**
 * What the session expects the harness to carry, for the supervisor's fall sign (F04) and harness
 * overload (F05) relative to the patient: the body weight and, while the unloading controller
 * tracks its target, the tension it holds. {@link UnloadingExpectationTap} implements it.
 *
 * <p>Called on the supervisor's thread once per cycle; must not block or allocate.
 */
public interface UnloadingExpectation {

  /** Nobody publishes an expectation: F04 and F05 keep their absolute thresholds. */
  UnloadingExpectation NONE =
      new UnloadingExpectation() {
        @Override
        public double bodyWeightN() {
          return Double.NaN;
        }

        @Override
        public double expectedUnloadingN() {
          return Double.NaN;
        }
      };

  /** The patient's body weight (mass × 9.81), N; NaN when no patient is known. */
  double bodyWeightN();

  /**
   * The tension the harness should carry now, N (0 with force control off and the harness free);
   * NaN while the harness is not in a tracking state (take-up, a change of state, a stop), when
   * only the absolute thresholds apply. One value, so the supervisor never sees "tracking" with the
   * expectation of another moment.
   */
  double expectedUnloadingN();
}
