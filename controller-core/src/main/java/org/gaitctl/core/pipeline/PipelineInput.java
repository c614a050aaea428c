package org.gaitctl.core.pipeline;

/** An input of the ring whose freshness the safety supervisor watches ({@link InputArrivals}). */
public enum PipelineInput {
  PRESSURE_BELT_LEFT_OR_ONLY,
  PRESSURE_BELT_RIGHT,
  LOAD_CELL,
  DRIVE_STATUS,
  BWS_STATUS,
  CONTROL_TICK,
  OPERATOR_COMMAND;

  public static final int COUNT = values().length;
}
