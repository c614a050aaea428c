package org.gaitctl.safety;

import java.util.Objects;

/**
 * One stream the supervisor watches for silence, e.g. one belt of the pressure-belt unit.
 *
 * @param name how the fault record names it ("left belt")
 * @param arrival its last arrival
 */
public record SupervisedStream(String name, ArrivalSource arrival) {

  public SupervisedStream {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arrival, "arrival");
  }
}
