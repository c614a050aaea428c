package org.gaitctl.core.pipeline;

/**
 * The logic of one pipeline stage: reads the slot's input and the outputs of upstream stages,
 * writes its own output into the slot.
 *
 * <p>Called on the one ring thread that runs the stage, never concurrently; must not block,
 * allocate or keep a reference to the event beyond the call. An exception is caught by the ring,
 * counted and raises the pipeline fault ({@link PipelineFaults}); the stage then sees the next
 * event.
 */
public interface PipelineStage {

  /** Whether the stage works on events of {@code kind}; others pass it by without a stamp. */
  boolean handles(EventKind kind);

  /** Processes one event the stage {@link #handles}. */
  void process(RingEvent event);

  /**
   * Called after the last event of a batch the ring handed over at once (Disruptor's {@code
   * endOfBatch}), whether or not the stage handled that event: the point where a stage that batches
   * its output (a journal writing many events with one system call) flushes, since no further event
   * is waiting. A stage driven by a {@link StageSequence} sees every event as a batch of one. Same
   * thread and rules as {@link #process}; the default does nothing.
   *
   * @param lastSequence sequence of the batch's last event
   */
  default void endOfBatch(long lastSequence) {}
}
