package org.gaitctl.safety;

/**
 * When an input last delivered a sample. The integrator supplies it with a lambda over the reader's
 * or pipeline's latest arrival stamp.
 *
 * <p>Called on the supervisor's thread once per cycle; must not block or allocate (a volatile read
 * is the expected implementation).
 */
@FunctionalInterface
public interface InputFreshness {

  /** Returned by {@link #lastArrivalNs()} while no sample has arrived yet. */
  long NONE = Long.MIN_VALUE;

  /**
   * Host time ({@link org.gaitctl.core.time.NanoClock}, the supervisor's clock) of the last
   * sample's arrival, or {@link #NONE}.
   */
  long lastArrivalNs();
}
