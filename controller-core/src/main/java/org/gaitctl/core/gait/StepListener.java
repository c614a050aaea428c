package org.gaitctl.core.gait;

/**
 * Receives each step the moment it completes (at the next heel strike of the same foot).
 *
 * <p>Called on the thread of the stage that feeds the {@link StepAssembler} (the pipeline's steps
 * handler, or the offline analysis). It sees the step read-only; the record behind the view is
 * reused after the call returns. Implementations on the live path must not block or allocate.
 */
@FunctionalInterface
public interface StepListener {

  void onStep(StepRecordView step);
}
