package org.gaitctl.session.protocol;

import org.gaitctl.core.gait.StepRecordView;
import org.gaitctl.core.pipeline.StepSymmetry;

/**
 * Where the executor's measurements come from: the drive's polled status, the pipeline's latest
 * load-cell value and its step feed. Called on the session thread only, once per cycle; must not
 * block.
 */
public interface ProtocolInputs {

  /** Fills {@code into} with the latest measurements. */
  void read(MeasuredState into);

  /** Hands over the steps completed since the last call, oldest first. */
  void drainSteps(StepConsumer consumer);

  /**
   * The run has ended: release what the inputs hold (a step subscription), so that the runs of a
   * console that stays open do not pile up on the pipeline.
   */
  void release();

  /** Receives one completed step and the running symmetry after it. */
  @FunctionalInterface
  interface StepConsumer {
    void accept(StepRecordView step, StepSymmetry symmetry);
  }
}
