package org.gaitctl.app;

import java.nio.file.Path;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.config.DevicesConfigLoader;
import picocli.CommandLine.Option;

/** The {@code --devices FILE} option shared by the commands that talk to devices. */
final class ProfileOption {

  @Option(
      names = {"--devices", "--config"},
      paramLabel = "FILE",
      description =
          "Device profile (YAML). Default: the built-in profile of the emulated hardware"
              + " (config/devices/emulated.yaml).")
  Path file;

  /** Loads and validates the profile; a broken one fails here, before anything starts. */
  DevicesConfig load() {
    return file == null ? DevicesConfigLoader.loadDefault() : DevicesConfigLoader.load(file);
  }

  boolean isDefault() {
    return file == null;
  }
}
