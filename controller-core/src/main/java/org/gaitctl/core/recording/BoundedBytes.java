package org.gaitctl.core.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a whole binary recording with a bound on its size, so that an endless input ({@code
 * /dev/zero} under a recording's name) ends in a {@link RecordingFormatException}, not an {@link
 * OutOfMemoryError}. The size is counted while reading: devices and pipes report none.
 */
final class BoundedBytes {

  /** 512 MiB: far above any C3D trial or WFDB signal file. */
  static final int MAX_BYTES = 512 * 1024 * 1024;

  private BoundedBytes() {}

  static byte[] readAll(Path file) throws IOException {
    return readAll(file, MAX_BYTES);
  }

  static byte[] readAll(Path file, int maxBytes) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(maxBytes);
      if (bytes.length == maxBytes && in.read() >= 0) {
        throw new RecordingFormatException(
            TextTable.fileNameOf(file),
            "size",
            "larger than " + maxBytes + " bytes; not a recording this tool reads");
      }
      return bytes;
    }
  }
}
