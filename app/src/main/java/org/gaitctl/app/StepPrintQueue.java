package org.gaitctl.app;

import org.gaitctl.core.gait.StepRecordView;
import org.gaitctl.core.pipeline.StepFeed;
import org.gaitctl.core.pipeline.StepSubscription;
import org.gaitctl.core.pipeline.StepSymmetry;

/**
 * The command line's printer as one subscriber of the pipeline's step feed: its own bounded queue
 * of step copies, drained on the printing thread. When the printer falls behind, the newest steps
 * are not printed and counted instead; the steps themselves are unaffected (this is only the
 * display).
 */
final class StepPrintQueue {

  private static final int CAPACITY = 64;

  private final StepSubscription subscription;

  StepPrintQueue(StepFeed feed) {
    this.subscription = feed.subscribe("terminal printer", CAPACITY);
  }

  /** Printing thread: the steps published since the last call, oldest first. */
  void drain(StepConsumer consumer) {
    subscription.drain((step, symmetry, frameArrivalNs) -> consumer.accept(step, symmetry));
  }

  /** Steps the printer was too slow to show. */
  long notPrinted() {
    return subscription.dropped();
  }

  @FunctionalInterface
  interface StepConsumer {
    void accept(StepRecordView step, StepSymmetry symmetry);
  }
}
