package org.gaitctl.core.gait;

/** The gait events of one foot: detected by {@link FootEventDetector}, or a recording's own. */
public enum GaitEventKind {
  HEEL_STRIKE,
  TOE_OFF
}
