package org.gaitctl.config;

/**
 * One problem in a configuration file, located by file, line and field path.
 *
 * @param source the file (or classpath resource) as the user named it
 * @param line 1-based line, or 0 where the problem concerns the whole file
 * @param path dotted field path, e.g. {@code treadmill.registers.speedSet.scale}; empty where the
 *     problem concerns no field (a YAML syntax error)
 * @param message what is wrong, e.g. {@code must be > 0}
 */
public record ConfigError(String source, int line, String path, String message) {

  /** The form printed to the user: {@code devices.yaml:14: treadmill.unitId must be 0..247}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(source);
    if (line > 0) {
      text.append(':').append(line);
    }
    text.append(": ");
    if (!path.isEmpty()) {
      text.append(path).append(' ');
    }
    return text.append(message).toString();
  }
}
