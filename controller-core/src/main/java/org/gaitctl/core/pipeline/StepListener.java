package org.gaitctl.core.pipeline;

/**
 * Receives each step record the moment the steps stage completes it.
 *
 * <p>Called on the steps stage's ring thread: must not block, should not allocate, and must return
 * quickly, since the gait path's latency includes it. The record is the slot's own holder, valid
 * only during the call: copy it ({@link StepRecord#copyFrom}) to keep it. To do slow work (print,
 * write a file, update a chart) hand a copy to another thread through a bounded queue, or read the
 * latest step from the {@link SnapshotExchange} instead.
 */
@FunctionalInterface
public interface StepListener {

  /**
   * @param step the completed step
   * @param frameArrivalNs host arrival of the pressure frame that completed it
   */
  void onStep(StepRecord step, long frameArrivalNs);

  /** A listener that ignores steps. */
  StepListener NONE = (step, frameArrivalNs) -> {};
}
