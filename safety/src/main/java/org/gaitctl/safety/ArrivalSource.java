package org.gaitctl.safety;

import org.gaitctl.core.time.ArrivalTime;

/**
 * When an input last delivered a sample. The integrator supplies it with a lambda over the reader's
 * or the pipeline's latest arrival stamp.
 *
 * <p>Called on the supervisor's thread once per cycle; must not block or allocate (a volatile read
 * is the expected implementation).
 */
@FunctionalInterface
public interface ArrivalSource {

  /**
   * Host time ({@link org.gaitctl.core.time.NanoClock}, the supervisor's clock) of the last
   * sample's arrival, or {@link ArrivalTime#NONE} while nothing has arrived.
   */
  long lastArrivalNs();
}
