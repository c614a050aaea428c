package org.gaitctl.core.pipeline;

import org.gaitctl.core.gait.StepRecord;

/**
 * Receives each step record the moment the gait analysis completes it, with the rolling symmetry
 * that includes it.
 *
 * <p>Called on the gait stage's ring thread: must not block, should not allocate, and must return
 * quickly, since the gait path's latency includes it. The record and symmetry are the slot's own
 * holders, valid only during the call: copy them ({@code copyFrom}) to keep them. To do slow work
 * (print, write a file, update a chart) hand a copy to another thread through a bounded queue, or
 * read the latest step from the {@link SnapshotExchange} instead. An exception thrown here is a
 * stage fault ({@link PipelineFaults}).
 */
@FunctionalInterface
public interface StepRecordListener {

  /**
   * @param step the completed step
   * @param symmetry rolling symmetry after this step
   * @param frameArrivalNs host arrival of the pressure frame that completed it
   */
  void onStep(StepRecord step, StepSymmetry symmetry, long frameArrivalNs);

  /** A listener that ignores steps. */
  StepRecordListener NONE = (step, symmetry, frameArrivalNs) -> {};
}
