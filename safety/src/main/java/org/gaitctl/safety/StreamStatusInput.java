package org.gaitctl.safety;

/**
 * A streaming device's latest STATUS message as the supervisor reads it (wire spec §1: STATUS
 * flags, sent at least once a second while streaming and at once on any change).
 *
 * <p>Called on the supervisor's thread once per cycle; must not block or allocate.
 */
@FunctionalInterface
public interface StreamStatusInput {

  /** STATUS flag bit 1: the device reports a sensor fault. */
  int FLAG_SENSOR_FAULT = 1 << 1;

  /** Flags of the latest STATUS (0 before the first). */
  int statusFlags();
}
