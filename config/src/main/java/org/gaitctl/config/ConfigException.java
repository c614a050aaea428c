package org.gaitctl.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file is invalid. The message holds every problem found, one per line in the form
 * {@code file:line: path message}, sorted by line, ready to print to a therapist or engineer.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<ConfigError> errors;

  public ConfigException(List<ConfigError> errors) {
    super(errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  /** Every problem found, sorted by line. */
  public List<ConfigError> errors() {
    return errors;
  }
}
