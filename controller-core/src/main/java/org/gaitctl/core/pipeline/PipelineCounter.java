package org.gaitctl.core.pipeline;

import java.util.Locale;
import org.gaitctl.core.counters.CounterId;

/** The fixed counters of the pipeline ({@link PipelineCounters}). Values only grow. */
public enum PipelineCounter implements CounterId {
  /** Events a producer could not publish because the ring was full; raises a fault. */
  EVENTS_DROPPED_RING_FULL,
  /** Pressure frames refused before publication, for any {@link FrameRejection}. */
  FRAMES_REJECTED,
  /** Of {@link #FRAMES_REJECTED}: belt index not announced by the unit. */
  FRAMES_REJECTED_UNKNOWN_BELT,
  /** Of {@link #FRAMES_REJECTED}: rows x columns differ from the announced grid. */
  FRAMES_REJECTED_GRID_MISMATCH,
  /** Of {@link #FRAMES_REJECTED}: buffer shorter than the frame's cells. */
  FRAMES_REJECTED_SHORT_BUFFER,
  /**
   * Slots published unfilled ({@link EventKind#NONE}) because their translator threw; every stage
   * skips them; raises {@link PipelineFaultKind#TRANSLATOR_FAILED}.
   */
  EVENTS_UNFILLED,
  PRESSURE_FRAMES,
  LOAD_SAMPLES,
  DRIVE_STATUS_READS,
  BWS_STATUS_READS,
  CONTROL_TICKS,
  OPERATOR_COMMANDS,
  /** Step records published to the step listener. */
  STEPS,
  /** Exceptions thrown by stage code and caught by the ring's exception handler. */
  STAGE_EXCEPTIONS;

  public static final int COUNT = values().length;

  @Override
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
