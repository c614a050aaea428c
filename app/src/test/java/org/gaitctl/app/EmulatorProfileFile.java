package org.gaitctl.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaitctl.config.DevicesConfig;

/**
 * The built-in device profile with the addresses of emulators started in a test, as a file for
 * {@code --devices}: the commands under test connect to them as to real devices.
 */
final class EmulatorProfileFile {

  private EmulatorProfileFile() {}

  /** Writes {@code emulators.yaml} into {@code dir}, pointing at {@code actual}'s transports. */
  static Path write(DevicesConfig actual, Path dir) throws IOException {
    String yaml =
        Files.readString(Path.of("..", "config", "devices", "emulated.yaml"))
            .replace("tcp://127.0.0.1:1502", actual.treadmill().transport().text())
            .replace("tcp://127.0.0.1:1503", actual.bws().transport().text())
            .replace(
                "serial:/tmp/gaitctl/pbu?baud=921600", actual.pressureBelt().transport().text())
            .replace("serial:/tmp/gaitctl/lca?baud=921600", actual.loadCell().transport().text());
    Path file = dir.resolve("emulators.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
