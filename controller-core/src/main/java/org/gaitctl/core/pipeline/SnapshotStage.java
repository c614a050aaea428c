package org.gaitctl.core.pipeline;

/**
 * Keeps the display snapshot: folds every event's outputs into its own working copy and publishes
 * it to the {@link SnapshotExchange} after each event, so a reader always finds the latest values.
 * Publication is a copy of a few hundred bytes under a sequence lock; readers poll at ~30 Hz. Runs
 * last in the graph, so it sees the outputs of every stage.
 */
final class SnapshotStage implements PipelineStage {

  private final SnapshotExchange exchange;
  private final DisplaySnapshot working = new DisplaySnapshot();

  SnapshotStage(SnapshotExchange exchange) {
    this.exchange = exchange;
  }

  @Override
  public boolean handles(EventKind kind) {
    return true;
  }

  @Override
  public void process(RingEvent event) {
    working.update(event);
    working.nextVersion();
    exchange.publish(working);
  }
}
