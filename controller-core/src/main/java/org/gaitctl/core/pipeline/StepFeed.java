package org.gaitctl.core.pipeline;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.gaitctl.core.gait.StepRecordView;

/**
 * Completed steps for several subscribers at once (the terminal printer, the console, the
 * recorder): each {@link StepSubscription} has its own bounded queue of preallocated copies, which
 * the step-publication stage fills on the gait thread and the subscriber drains on its own thread.
 *
 * <p>Subscribing and unsubscribing are lock-free and allowed at any time, also while the pipeline
 * runs: they replace the subscriber array (allocating on the caller's thread, never on the ring's);
 * a step published meanwhile reaches the old or the new set of subscribers. Publishing walks the
 * current array without allocating.
 */
public final class StepFeed {

  private static final StepSubscription[] NO_SUBSCRIBERS = new StepSubscription[0];

  private final AtomicReference<StepSubscription[]> subscriptions =
      new AtomicReference<>(NO_SUBSCRIBERS);

  /**
   * Adds a subscriber with a queue of {@code capacity} steps. Any thread.
   *
   * @param name the subscriber, for diagnostics
   * @throws IllegalArgumentException when {@code capacity} is below 1
   */
  public StepSubscription subscribe(String name, int capacity) {
    StepSubscription subscription = new StepSubscription(name, capacity);
    StepSubscription[] current;
    StepSubscription[] next;
    do {
      current = subscriptions.get();
      next = Arrays.copyOf(current, current.length + 1);
      next[current.length] = subscription;
    } while (!subscriptions.compareAndSet(current, next));
    return subscription;
  }

  /** Removes {@code subscription}; it receives no further steps. Any thread; idempotent. */
  public void unsubscribe(StepSubscription subscription) {
    StepSubscription[] current;
    StepSubscription[] next;
    do {
      current = subscriptions.get();
      next = Arrays.stream(current).filter(s -> s != subscription).toArray(StepSubscription[]::new);
    } while (!subscriptions.compareAndSet(current, next));
  }

  /** Subscribers at this moment. Any thread. */
  public int subscribers() {
    return subscriptions.get().length;
  }

  /** Copies the step into every subscriber's queue; the gait thread only; allocation-free. */
  void publish(StepRecordView step, StepSymmetry symmetry, long frameArrivalNs) {
    for (StepSubscription subscription : subscriptions.get()) {
      subscription.offer(step, symmetry, frameArrivalNs);
    }
  }
}
