package org.gaitctl.core.pipeline;

/** What a {@link RingEvent} slot carries. Set last by the translator that fills the slot. */
public enum EventKind {
  /** A slot that was claimed but not filled (a translator failed); every stage skips it. */
  NONE,
  PRESSURE_FRAME,
  LOAD_SAMPLE,
  DRIVE_STATUS,
  BWS_STATUS,
  CONTROL_TICK,
  OPERATOR_COMMAND
}
