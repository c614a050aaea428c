package org.gaitctl.safety;

import java.util.Objects;

/**
 * One pipeline stage as the supervisor watches it: the stage is stalled when its input is ahead of
 * it and its processed count stops advancing.
 *
 * @param name stage name for messages, e.g. {@code "foot-contact"}
 * @param input events available to the stage (e.g. the ring's published cursor)
 * @param processed events the stage has finished (e.g. its handler's sequence)
 */
public record StageProgress(String name, ProgressCounter input, ProgressCounter processed) {

  public StageProgress {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(processed, "processed");
  }
}
