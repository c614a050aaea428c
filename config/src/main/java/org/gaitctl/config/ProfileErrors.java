package org.gaitctl.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one configuration file, so that all are reported together. */
final class ProfileErrors {

  private final String source;
  private final List<ConfigError> errors = new ArrayList<>();

  ProfileErrors(String source) {
    this.source = source;
  }

  void add(int line, String path, String message) {
    errors.add(new ConfigError(source, line, path, message));
  }

  /** How many problems so far; a reader compares counts to know whether its part was clean. */
  int count() {
    return errors.size();
  }

  /** Throws every problem collected so far, sorted by line (stable), if there is any. */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      List<ConfigError> sorted = new ArrayList<>(errors);
      sorted.sort(Comparator.comparingInt(ConfigError::line));
      throw new ConfigException(sorted);
    }
  }
}
