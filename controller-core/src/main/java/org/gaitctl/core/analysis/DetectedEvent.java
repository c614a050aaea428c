package org.gaitctl.core.analysis;

import org.gaitctl.core.gait.Side;
import org.gaitctl.core.recording.ReferenceEvent;

/** A heel strike or toe off found by the offline analysis, on the recording's time axis. */
public record DetectedEvent(Side side, ReferenceEvent.Kind kind, double timeS) {}
