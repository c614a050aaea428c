package org.gaitctl.config;

import java.util.List;
import org.gaitctl.config.protocol.ProtocolDocument;

/**
 * The therapy protocols shipped with gaitctl ({@code config/protocols/NAME.yaml}, on the classpath
 * as {@code protocols/NAME.yaml}), so that a protocol can be named instead of given as a file.
 */
public final class ProtocolLibrary {

  /** Every shipped protocol's name, alphabetical; a test keeps it in step with the folder. */
  public static final List<String> NAMES =
      List.of(
          "demo",
          "endurance",
          "hip-arthroplasty-early",
          "incline",
          "interval",
          "stroke-bwstt",
          "symmetry-feedback");

  private ProtocolLibrary() {}

  public static boolean contains(String name) {
    return NAMES.contains(name);
  }

  /**
   * Loads the shipped protocol {@code name}.
   *
   * @throws ConfigException if there is no such protocol (the message lists the names)
   */
  public static ProtocolDocument load(String name) {
    if (!contains(name)) {
      throw new ConfigException(
          List.of(
              new ConfigError(
                  name,
                  0,
                  "",
                  "is neither a protocol file nor a library protocol; the library has: "
                      + String.join(", ", NAMES))));
    }
    return TherapyProtocolLoader.loadResource(resourceName(name));
  }

  /** The classpath resource of the shipped protocol {@code name}. */
  public static String resourceName(String name) {
    return "protocols/" + name + ".yaml";
  }
}
