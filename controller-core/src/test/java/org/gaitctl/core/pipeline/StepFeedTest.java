package org.gaitctl.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepRecord;
import org.junit.jupiter.api.Test;

class StepFeedTest {

  private final StepFeed feed = new StepFeed();
  private final StepRecord step = new StepRecord();
  private final StepSymmetry symmetry = new StepSymmetry();

  @Test
  void shouldGiveEverySubscriberItsOwnCopyOfEachStep() {
    StepSubscription printer = feed.subscribe("printer", 4);
    StepSubscription recorder = feed.subscribe("recorder", 4);

    publish(0, Side.LEFT);
    publish(1, Side.RIGHT);

    assertThat(indices(printer)).containsExactly(0L, 1L);
    assertThat(indices(recorder)).containsExactly(0L, 1L);
    assertThat(feed.subscribers()).isEqualTo(2);
  }

  @Test
  void shouldKeepTheQueuedCopyWhenThePublishersRecordIsReused() {
    StepSubscription console = feed.subscribe("console", 4);
    publish(7, Side.LEFT);

    step.stepIndex = 8;
    step.side = Side.RIGHT;

    List<Side> sides = new ArrayList<>();
    console.drain((s, sym, arrivalNs) -> sides.add(s.side()));
    assertThat(sides).containsExactly(Side.LEFT);
  }

  @Test
  void shouldDropOnlyTheSlowSubscribersCopiesAndCountThem() {
    StepSubscription slow = feed.subscribe("slow console", 2);
    StepSubscription fast = feed.subscribe("recorder", 2);
    List<Long> fastIndices = new ArrayList<>();

    for (int i = 0; i < 5; i++) {
      publish(i, Side.LEFT);
      fast.drain((s, sym, arrivalNs) -> fastIndices.add(s.stepIndex()));
    }

    assertThat(fastIndices).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(fast.dropped()).isZero();
    assertThat(slow.dropped()).isEqualTo(3);
    assertThat(indices(slow)).as("the oldest steps, in order").containsExactly(0L, 1L);
  }

  @Test
  void shouldDeliverNothingMoreAfterUnsubscribing() {
    StepSubscription console = feed.subscribe("console", 4);
    feed.unsubscribe(console);

    publish(0, Side.LEFT);

    assertThat(console.pending()).isZero();
    assertThat(feed.subscribers()).isZero();
  }

  @Test
  void shouldHandEveryStepOverInOrderOrCountItWhenDrainedConcurrently()
      throws InterruptedException {
    int steps = 200_000;
    StepSubscription subscription = feed.subscribe("concurrent", 16);
    AtomicBoolean published = new AtomicBoolean();
    long[] received = {0, -1};
    boolean[] inOrder = {true};
    StepSubscription.StepConsumer check =
        (s, sym, arrivalNs) -> {
          inOrder[0] &= s.stepIndex() > received[1] && arrivalNs == s.stepIndex() * 10;
          received[1] = s.stepIndex();
          received[0]++;
        };
    Thread subscriber =
        new Thread(
            () -> {
              while (!published.get() || subscription.pending() > 0) {
                subscription.drain(check);
              }
            });
    subscriber.start();

    for (int i = 0; i < steps; i++) {
      publish(i, Side.LEFT);
    }
    published.set(true);
    subscriber.join();

    assertThat(inOrder[0]).isTrue();
    assertThat(received[0] + subscription.dropped()).isEqualTo(steps);
  }

  @Test
  void shouldAllocateNothingWhenPublishingToSeveralSubscribers() throws InterruptedException {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    threads.setThreadAllocatedMemoryEnabled(true);
    List<StepSubscription> subscriptions =
        List.of(
            feed.subscribe("printer", 64), feed.subscribe("console", 64), feed.subscribe("rec", 8));
    AtomicBoolean done = new AtomicBoolean();
    StepSubscription.StepConsumer ignore = (s, sym, arrivalNs) -> {};
    Thread subscriber =
        new Thread(
            () -> {
              while (!done.get()) {
                subscriptions.get(0).drain(ignore);
                subscriptions.get(1).drain(ignore);
                Thread.onSpinWait();
              }
            });
    subscriber.start();
    int events = 100_000;
    publishSeveral(events);

    long before = threads.getCurrentThreadAllocatedBytes();
    publishSeveral(events);
    long bytes = threads.getCurrentThreadAllocatedBytes() - before;
    done.set(true);
    subscriber.join();

    // A one-off JIT deoptimisation may allocate a few hundred bytes; a per-step allocation would
    // be at least one object per step.
    assertThat(bytes).as("bytes allocated publishing %d steps", events).isLessThan(events);
    assertThat(subscriptions.get(2).dropped()).as("never drained").isPositive();
  }

  private void publishSeveral(int count) {
    for (int i = 0; i < count; i++) {
      publish(i, Side.LEFT);
    }
  }

  private void publish(long index, Side side) {
    step.stepIndex = index;
    step.side = side;
    feed.publish(step, symmetry, index * 10);
  }

  private static List<Long> indices(StepSubscription subscription) {
    List<Long> indices = new ArrayList<>();
    subscription.drain((s, sym, arrivalNs) -> indices.add(s.stepIndex()));
    return indices;
  }
}
