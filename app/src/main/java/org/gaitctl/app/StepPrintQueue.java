package org.gaitctl.app;

import java.util.concurrent.atomic.AtomicLong;
import org.gaitctl.core.gait.StepRecord;
import org.gaitctl.core.pipeline.StepRecordListener;
import org.gaitctl.core.pipeline.StepSymmetry;

/**
 * Hands completed steps from the gait thread to the command line's printing thread without blocking
 * or allocating on the gait thread: a single-producer single-consumer ring of preallocated copies.
 * When the printer falls behind, the newest steps are not printed and counted instead; the steps
 * themselves are unaffected (this is only the display).
 */
final class StepPrintQueue implements StepRecordListener {

  private static final int CAPACITY = 64;

  private final StepRecord[] steps = new StepRecord[CAPACITY];
  private final StepSymmetry[] symmetries = new StepSymmetry[CAPACITY];
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong consumed = new AtomicLong();
  private final AtomicLong notPrinted = new AtomicLong();

  StepPrintQueue() {
    for (int i = 0; i < CAPACITY; i++) {
      steps[i] = new StepRecord();
      symmetries[i] = new StepSymmetry();
    }
  }

  /** Gait thread: copies the step into the next free slot. Never blocks or allocates. */
  @Override
  public void onStep(StepRecord step, StepSymmetry symmetry, long frameArrivalNs) {
    long next = published.get();
    if (next - consumed.get() >= CAPACITY) {
      notPrinted.incrementAndGet();
      return;
    }
    int slot = (int) (next % CAPACITY);
    steps[slot].copyFrom(step);
    symmetries[slot].copyFrom(symmetry);
    published.lazySet(next + 1);
  }

  /** Printing thread: the steps published since the last call, oldest first. */
  void drain(StepConsumer consumer) {
    long end = published.get();
    for (long i = consumed.get(); i < end; i++) {
      int slot = (int) (i % CAPACITY);
      consumer.accept(steps[slot], symmetries[slot]);
      consumed.lazySet(i + 1);
    }
  }

  /** Steps the printer was too slow to show. */
  long notPrinted() {
    return notPrinted.get();
  }

  @FunctionalInterface
  interface StepConsumer {
    void accept(StepRecord step, StepSymmetry symmetry);
  }
}
