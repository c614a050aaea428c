package org.gaitctl.core.recording;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.gaitctl.core.gait.Side;

/**
 * Reads any supported recording, choosing the reader by extension and, for CSV, by content.
 *
 * <ul>
 *   <li>{@code .c3d}: {@link C3dReader}
 *   <li>{@code .csv} with a header naming {@code time_s}: {@link CsvForceReader}; a headerless
 *       two-column CSV ({@code time,fz}): {@link SingleFootCsvReader}, taken as the left foot
 *   <li>{@code .hea}, or a path without extension next to which {@code PATH.hea} exists: {@link
 *       WfdbGaitReader}
 *   <li>{@code .txt}: {@link GaitPdbReader}
 *   <li>{@code .mot}: {@link OpenSimMotReader}
 * </ul>
 *
 * Anything else fails with a {@link RecordingFormatException} naming the file and the formats
 * supported. Called from the analysis command's thread; blocks on file I/O and allocates.
 */
public final class RecordingReaders {

  static final String SUPPORTED =
      ".c3d, .csv (time_s,left_fz_n,right_fz_n[,...] or headerless time,fz of one foot),"
          + " .hea or a WFDB record path (PhysioNet gaitndd), .txt (PhysioNet gaitpdb), .mot (OpenSim)";

  private RecordingReaders() {}

  public static ForceRecording read(Path file) throws IOException {
    String name = TextTable.fileNameOf(file);
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".c3d")) {
      return C3dReader.read(file);
    }
    if (lower.endsWith(".csv")) {
      return hasHeader(file)
          ? CsvForceReader.read(file)
          : SingleFootCsvReader.read(file, Side.LEFT);
    }
    if (lower.endsWith(".hea")
        || (!lower.contains(".") && Files.exists(WfdbGaitReader.headerOf(file)))) {
      return WfdbGaitReader.read(file);
    }
    if (lower.endsWith(".txt")) {
      return GaitPdbReader.read(file);
    }
    if (lower.endsWith(".mot")) {
      return OpenSimMotReader.read(file);
    }
    if (!Files.exists(file)) {
      throw new RecordingFormatException(name, "path", "no such file or WFDB record");
    }
    throw new RecordingFormatException(
        name, "name", "unknown recording format; supported: " + SUPPORTED);
  }

  /** Whether the first line that is not blank or a comment starts with a letter (a header). */
  private static boolean hasHeader(Path file) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      BoundedLineReader lines = new BoundedLineReader(reader, TextTable.fileNameOf(file));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          return Character.isLetter(trimmed.charAt(0));
        }
      }
    }
    return true;
  }
}
