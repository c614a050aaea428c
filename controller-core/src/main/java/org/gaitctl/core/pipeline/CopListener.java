package org.gaitctl.core.pipeline;

/**
 * Told the centre of pressure along the belt after every pressure frame, on the ring thread that
 * computed it: it must not block, lock or allocate. The composition root hangs the stride filter of
 * the supervisor's patient-position check (F25) here, so that the filter sees every frame.
 */
@FunctionalInterface
public interface CopListener {

  /** Listens to nothing. */
  CopListener NONE = (frameNs, copAheadM) -> {};

  /**
   * @param frameNs the frame's host arrival time
   * @param copAheadM the force-weighted mean position along the belt, m ahead of the sensing area's
   *     centre (towards row 0, the front); NaN when no foot is on the belt
   */
  void onCop(long frameNs, double copAheadM);
}
