package org.gaitctl.core.pipeline;

import org.gaitctl.core.gait.StepRecord;
import org.gaitctl.core.gait.StepRecordView;
import org.gaitctl.core.symmetry.SymmetryTracker;

/**
 * A ring slot's step output: the step its event completed, with the symmetry after it; written by
 * the steps stage.
 */
public final class StepOutput {
  private boolean completed;
  private final StepRecord record = new StepRecord();
  private final StepSymmetry symmetry = new StepSymmetry();

  void clear() {
    completed = false;
  }

  void complete(StepRecordView step, SymmetryTracker tracker) {
    record.copyFrom(step);
    symmetry.capture(tracker);
    completed = true;
  }

  /** True when this event completed a step; the other values are stale otherwise. */
  public boolean completed() {
    return completed;
  }

  public StepRecordView record() {
    return record;
  }

  public StepSymmetry symmetry() {
    return symmetry;
  }
}
