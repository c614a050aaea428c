package org.gaitctl.core.pipeline;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.gaitctl.core.gait.StepRecord;
import org.gaitctl.core.gait.StepRecordView;

/**
 * One subscriber's bounded queue of the {@link StepFeed}: preallocated copies of completed steps,
 * written by the gait thread (the single producer) and drained by the subscriber on its own thread
 * (the single consumer). Neither side blocks or allocates. When the subscriber falls behind and its
 * queue is full, the newest steps are not queued but counted in {@link #dropped()}: a slow console
 * loses only its own copies, never the ring's time or another subscriber's steps.
 */
public final class StepSubscription {

  private final String name;
  private final StepRecord[] steps;
  private final StepSymmetry[] symmetries;
  private final long[] frameArrivalNs;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong consumed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  StepSubscription(String name, int capacity) {
    this.name = Objects.requireNonNull(name, "name");
    if (capacity < 1) {
      throw new IllegalArgumentException(
          "step subscription " + name + ": capacity must be >= 1, was " + capacity);
    }
    steps = new StepRecord[capacity];
    symmetries = new StepSymmetry[capacity];
    frameArrivalNs = new long[capacity];
    for (int i = 0; i < capacity; i++) {
      steps[i] = new StepRecord();
      symmetries[i] = new StepSymmetry();
    }
  }

  /** The subscriber's name, for diagnostics. */
  public String name() {
    return name;
  }

  public int capacity() {
    return steps.length;
  }

  /** Steps this subscriber lost because its queue was full. Any thread. */
  public long dropped() {
    return dropped.get();
  }

  /** Steps queued and not yet drained. Any thread. */
  public int pending() {
    return (int) (published.get() - consumed.get());
  }

  /**
   * Hands every queued step to {@code consumer}, oldest first, then frees their slots. The
   * subscriber's thread only (one thread per subscription). The views are valid during the call.
   *
   * @return how many steps were handed over
   */
  public int drain(StepConsumer consumer) {
    long end = published.get();
    long start = consumed.get();
    for (long i = start; i < end; i++) {
      int slot = (int) (i % steps.length);
      consumer.accept(steps[slot], symmetries[slot], frameArrivalNs[slot]);
      consumed.lazySet(i + 1);
    }
    return (int) (end - start);
  }

  /** Copies the step into the next free slot, or counts it as dropped; the gait thread only. */
  void offer(StepRecordView step, StepSymmetry symmetry, long arrivalNs) {
    long next = published.get();
    if (next - consumed.get() >= steps.length) {
      dropped.lazySet(dropped.get() + 1);
      return;
    }
    int slot = (int) (next % steps.length);
    steps[slot].copyFrom(step);
    symmetries[slot].copyFrom(symmetry);
    frameArrivalNs[slot] = arrivalNs;
    published.lazySet(next + 1);
  }

  /** Receives drained steps on the subscriber's thread. */
  @FunctionalInterface
  public interface StepConsumer {

    /**
     * @param step the completed step
     * @param symmetry rolling symmetry after this step
     * @param frameArrivalNs host arrival of the pressure frame that completed it
     */
    void accept(StepRecordView step, StepSymmetry symmetry, long frameArrivalNs);
  }

  @Override
  public String toString() {
    return "step subscription " + name + " (" + pending() + " pending, " + dropped() + " dropped)";
  }
}
