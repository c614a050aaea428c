package org.gaitctl.core.pipeline;

/**
 * Keeps the display snapshot: folds every event's outputs into its own working copy and publishes
 * it to the {@link SnapshotExchange} at most once per {@code periodNs} of event arrival time, and
 * at once when a step completed. Runs after the steps and load-cell stages, so it sees their
 * outputs.
 */
final class SnapshotStage implements PipelineStage {

  private final SnapshotExchange exchange;
  private final long periodNs;
  private final DisplaySnapshot working = new DisplaySnapshot();
  private long lastPublishedNs;
  private boolean publishedOnce;

  SnapshotStage(SnapshotExchange exchange, long periodNs) {
    this.exchange = exchange;
    this.periodNs = periodNs;
  }

  @Override
  public boolean handles(EventKind kind) {
    return true;
  }

  @Override
  public void process(RingEvent event) {
    working.update(event);
    long arrivalNs = event.arrivalNs();
    boolean due = !publishedOnce || arrivalNs - lastPublishedNs >= periodNs;
    if (due || event.step().completed()) {
      working.nextVersion();
      exchange.publish(working);
      lastPublishedNs = arrivalNs;
      publishedOnce = true;
    }
  }
}
