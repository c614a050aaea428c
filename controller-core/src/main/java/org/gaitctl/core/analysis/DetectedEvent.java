package org.gaitctl.core.analysis;

import org.gaitctl.core.gait.GaitEventKind;
import org.gaitctl.core.gait.Side;

/** A heel strike or toe off found by the offline analysis, on the recording's time axis. */
public record DetectedEvent(Side side, GaitEventKind kind, double timeS) {}
