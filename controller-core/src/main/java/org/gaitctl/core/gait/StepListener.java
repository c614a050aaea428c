package org.gaitctl.core.gait;

/**
 * Receives each step the moment it completes (at the next heel strike of the same foot), and each
 * open step the {@link StepAssembler} has to drop.
 *
 * <p>Called on the thread of the stage that feeds the {@link StepAssembler} (the pipeline's gait
 * stage, or the offline analysis). It sees the step read-only; the record behind the view is reused
 * after the call returns. Implementations on the live path must not block or allocate.
 */
public interface StepListener {

  void onStep(StepRecordView step);

  /** An open step of {@code side} was dropped: its toe off was missing or its data had a gap. */
  void onStepDiscarded(Side side);
}
