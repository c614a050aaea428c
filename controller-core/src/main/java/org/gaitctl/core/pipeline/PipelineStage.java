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
}
