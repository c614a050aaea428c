package org.gaitctl.core.pipeline;

import com.lmax.disruptor.EventHandler;
import java.util.List;

/**
 * The ring handler of one ring thread: runs its stages in order on each event. With one stage per
 * thread it is a plain stage handler; with several it chains stages that then share a thread
 * ({@link StageThreading}).
 */
final class StageThreadHandler implements EventHandler<RingEvent> {

  private final String name;
  private final StageRunner[] runners;
  private volatile Thread thread;

  StageThreadHandler(String name, List<StageRunner> runners) {
    this.name = name;
    this.runners = runners.toArray(new StageRunner[0]);
  }

  String name() {
    return name;
  }

  /** The ring thread running this handler, or null before it started. */
  Thread thread() {
    return thread;
  }

  @Override
  public void onStart() {
    Thread current = Thread.currentThread();
    current.setName("gaitctl-ring-" + name);
    thread = current;
  }

  @Override
  public void onEvent(RingEvent event, long sequence, boolean endOfBatch) {
    for (StageRunner runner : runners) {
      runner.run(event, sequence, endOfBatch);
    }
  }

  @Override
  public String toString() {
    return "ring handler " + name;
  }
}
