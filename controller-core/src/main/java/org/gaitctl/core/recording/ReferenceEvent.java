package org.gaitctl.core.recording;

import org.gaitctl.core.gait.GaitEventKind;
import org.gaitctl.core.gait.Side;

/**
 * A gait event that a recording carries as its own reference (C3D EVENT group, a PhysioNet {@code
 * .ts} file), to check our detection against.
 */
public record ReferenceEvent(Side side, GaitEventKind kind, double timeS) {}
