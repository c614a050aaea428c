package org.gaitctl.hmi.feedback;

import java.util.List;
import java.util.Optional;

/**
 * Which display the patient's window goes on: the first one that is not the therapist's (the
 * default display), where there is one.
 */
final class SecondDisplay {

  private SecondDisplay() {}

  static <T> Optional<T> choose(List<T> displays, T therapistsDisplay) {
    return displays.stream().filter(display -> !display.equals(therapistsDisplay)).findFirst();
  }
}
