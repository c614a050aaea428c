package org.gaitctl.safety;

/**
 * The harness load cell's latest sample as the supervisor reads it. {@link LoadCellTap} implements
 * it from the load-cell reader's samples.
 *
 * <p>Called on the supervisor's thread once per cycle; must not block or allocate.
 */
public interface LoadCellInput extends ArrivalSource {

  /** Cable tension of the latest sample, N (0 before the first sample). */
  double harnessLoadN();

  /**
   * Flags of the latest sample ({@link org.gaitctl.core.port.StreamFlags} LOAD_*; 0 before the
   * first sample).
   */
  int flags();
}
