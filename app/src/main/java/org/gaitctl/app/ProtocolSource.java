package org.gaitctl.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaitctl.config.ProtocolLibrary;
import org.gaitctl.config.TherapyProtocolLoader;
import org.gaitctl.config.protocol.ProtocolDocument;

/**
 * Where a protocol given on the command line comes from: a file, or a name from the library.
 * Anything that exists as a file, or looks like a path (a folder separator or a {@code .yaml}
 * ending), is a file; anything else a library name.
 */
final class ProtocolSource {

  private ProtocolSource() {}

  /**
   * Loads the protocol file or library protocol {@code fileOrName}, checked in itself.
   *
   * @throws org.gaitctl.config.ConfigException if the file is missing or invalid, or the name is
   *     not in the library (the message lists the library's names)
   */
  static ProtocolDocument resolve(String fileOrName) {
    Path path = Path.of(fileOrName);
    boolean looksLikeAFile =
        Files.exists(path)
            || fileOrName.contains("/")
            || fileOrName.contains(File.separator)
            || fileOrName.endsWith(".yaml")
            || fileOrName.endsWith(".yml");
    return looksLikeAFile ? TherapyProtocolLoader.load(path) : ProtocolLibrary.load(fileOrName);
  }
}
