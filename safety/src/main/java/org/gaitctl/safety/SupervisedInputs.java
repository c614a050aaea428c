package org.gaitctl.safety;

import java.util.List;
import java.util.Objects;

/**
 * Everything the supervisor watches besides the device statuses, wired in by the integrator with
 * lambdas over the readers' and the pipeline's own counters.
 *
 * @param pressure arrival of the latest pressure frame (with two belts: the older of the two)
 * @param loadCell the harness load cell's latest sample (a {@link LoadCellTap})
 * @param stages pipeline stages whose progress is watched (may be empty)
 * @param handlerExceptions the pipeline's count of exceptions thrown by its handlers
 */
public record SupervisedInputs(
    InputFreshness pressure,
    LoadCellInput loadCell,
    List<StageProgress> stages,
    ProgressCounter handlerExceptions) {

  public SupervisedInputs {
    Objects.requireNonNull(pressure, "pressure");
    Objects.requireNonNull(loadCell, "loadCell");
    Objects.requireNonNull(handlerExceptions, "handlerExceptions");
    stages = List.copyOf(stages);
  }
}
