package org.gaitctl.core.pipeline;

/** Why the pipeline raised its fault flag. */
public enum PipelineFaultKind {
  /** Stage code threw while handling an event; that stage skipped the event. */
  STAGE_EXCEPTION,
  /** A stage failed in its start hook; its results cannot be trusted. */
  STAGE_START_FAILED,
  /** A stage failed in its shutdown hook. */
  STAGE_SHUTDOWN_FAILED,
  /** The ring was full and an input was dropped: the stages cannot keep up. */
  RING_FULL,
  /** A translator threw while filling a claimed slot: that input was lost. */
  TRANSLATOR_FAILED,
  /** A pressure frame did not match the belt's announced grid ({@link FrameRejection}). */
  FRAME_REJECTED;

  public static final int COUNT = values().length;
}
