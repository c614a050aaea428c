package org.gaitctl.core.pipeline;

/**
 * Why {@link RingPublisher} refused a pressure frame, each with its own counter. Every rejection
 * also counts in {@link PipelineCounter#FRAMES_REJECTED} and raises {@link
 * PipelineFaultKind#FRAME_REJECTED}: the gait analysis would read a frame of another geometry
 * wrongly, so it never enters the ring.
 */
enum FrameRejection {
  /** The belt index is not one of the belts the unit announced. */
  UNKNOWN_BELT(PipelineCounter.FRAMES_REJECTED_UNKNOWN_BELT),
  /** Rows x columns differ from the grid the unit announced in DEVICE_INFO. */
  GRID_MISMATCH(PipelineCounter.FRAMES_REJECTED_GRID_MISMATCH),
  /** The buffer holds fewer than two bytes per cell. */
  SHORT_BUFFER(PipelineCounter.FRAMES_REJECTED_SHORT_BUFFER);

  private final PipelineCounter counter;

  FrameRejection(PipelineCounter counter) {
    this.counter = counter;
  }

  PipelineCounter counter() {
    return counter;
  }
}
