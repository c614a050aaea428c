package org.gaitctl.session.protocol;

/** How a protocol run ended. */
public enum ProtocolOutcome {
  /** Every stage ran to its end; the belt stopped under control. */
  COMPLETED,
  /** The therapist stopped it; the belt stopped under control. */
  STOPPED_BY_OPERATOR,
  /** The supervisor stopped the belt (a fault) while a stage ran. */
  STOPPED_BY_FAULT,
  /** The session refused to start; the belt never moved. */
  REFUSED_TO_START
}
