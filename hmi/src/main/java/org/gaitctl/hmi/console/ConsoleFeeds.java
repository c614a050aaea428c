package org.gaitctl.hmi.console;

import java.util.Objects;
import org.gaitctl.core.pipeline.Pipeline;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.safety.SafetySupervisor;
import org.gaitctl.safety.StatusSource;
import org.gaitctl.session.SessionController;

/**
 * What the console reads of open devices: each read is lock-free and never blocks (snapshots,
 * signal histories, the step feed, published states), so the console's timer cannot slow the ring,
 * the supervisor or the session thread.
 *
 * @param pipeline snapshots, signal histories and the step feed
 * @param supervisor safety state, faults (through a listener), operator stop
 * @param session the session control (its state and reason)
 * @param drive the drive's latest polled status (measured incline)
 */
public record ConsoleFeeds(
    Pipeline pipeline,
    SafetySupervisor supervisor,
    SessionController session,
    StatusSource<DriveStatus> drive) {

  public ConsoleFeeds {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(supervisor, "supervisor");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(drive, "drive");
  }
}
