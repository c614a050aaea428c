package org.gaitctl.core.recording;

import org.gaitctl.core.gait.Side;

/**
 * A gait event that a recording carries as its own reference (C3D EVENT group, a PhysioNet {@code
 * .ts} file), to check our detection against.
 */
public record ReferenceEvent(Side side, Kind kind, double timeS) {

  public enum Kind {
    HEEL_STRIKE,
    TOE_OFF
  }
}
