package org.gaitctl.safety;

import org.gaitctl.core.port.StreamFlags;

/**
 * A streaming device's latest STATUS message as the supervisor reads it (wire spec §1: STATUS
 * flags, sent at least once a second while streaming and at once on any change).
 *
 * <p>Called on the supervisor's thread once per cycle; must not block or allocate.
 */
@FunctionalInterface
public interface StreamStatusInput {

  /** Flags of the latest STATUS (0 before the first); bits in {@link StreamFlags}. */
  int statusFlags();
}
