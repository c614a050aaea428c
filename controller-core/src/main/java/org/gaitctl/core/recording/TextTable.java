package org.gaitctl.core.recording;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines of a delimited text recording, with their line numbers, so every reader reports a bad
 * cell the same way ({@code file:line: column: problem}). Blank lines and lines starting with
 * {@code #} are skipped.
 */
final class TextTable {

  static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
  static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** One non-blank, non-comment line split into cells; {@code number} is 1-based. */
  record Line(int number, String[] cells) {}

  private final String fileName;
  private final List<Line> lines;

  private TextTable(String fileName, List<Line> lines) {
    this.fileName = fileName;
    this.lines = lines;
  }

  static TextTable read(Path file, Pattern separator) throws IOException {
    List<Line> lines = new ArrayList<>();
    String fileName = fileNameOf(file);
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      BoundedLineReader bounded = new BoundedLineReader(reader, fileName);
      for (String text = bounded.readLine(); text != null; text = bounded.readLine()) {
        int number = bounded.lineNumber();
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        lines.add(new Line(number, separator.split(trimmed, -1)));
      }
    }
    return new TextTable(fileName, lines);
  }

  static String fileNameOf(Path file) {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }

  String fileName() {
    return fileName;
  }

  List<Line> lines() {
    return lines;
  }

  /** Fails unless the file has at least one line that is not blank or a comment. */
  void requireNotEmpty(String expected) throws RecordingFormatException {
    if (lines.isEmpty()) {
      throw new RecordingFormatException(fileName, "1", "empty file, expected " + expected);
    }
  }

  RecordingFormatException error(Line line, String problem) {
    return new RecordingFormatException(fileName, Integer.toString(line.number()), problem);
  }

  /** The line's cell count must be {@code expected}. */
  void requireCells(Line line, int expected) throws RecordingFormatException {
    if (line.cells().length != expected) {
      throw error(line, "expected " + expected + " columns, found " + line.cells().length);
    }
  }

  /** A finite number from {@code line}'s cell {@code column}, named {@code columnName}. */
  double number(Line line, int column, String columnName) throws RecordingFormatException {
    String cell = line.cells()[column];
    double value;
    try {
      value = Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new RecordingFormatException(
          fileName,
          Integer.toString(line.number()),
          columnName + ": not a number '" + cell + "'",
          e);
    }
    if (!Double.isFinite(value)) {
      throw error(line, columnName + ": not a finite number '" + cell + "'");
    }
    return value;
  }

  /**
   * A force from {@code line}'s cell {@code column}: finite and within ±{@link
   * ForceRange#MAX_ABS_NEWTONS} (no person on a treadmill loads a foot with more; a larger value is
   * a wrong unit or a corrupt file, and must not become a step).
   */
  double forceN(Line line, int column, String columnName) throws RecordingFormatException {
    double value = number(line, column, columnName);
    if (!ForceRange.isPlausibleNewtons(value)) {
      throw error(
          line,
          columnName
              + ": "
              + value
              + " N is outside the physical range ±"
              + ForceRange.MAX_ABS_NEWTONS
              + " N");
    }
    return value;
  }

  /**
   * Fails unless {@code timeS[i]} (read from {@code lines().get(first + i)}) is strictly
   * increasing.
   */
  void requireStrictlyIncreasing(double[] timeS, int first, String columnName)
      throws RecordingFormatException {
    for (int i = 1; i < timeS.length; i++) {
      if (!(timeS[i] > timeS[i - 1])) {
        throw error(
            lines.get(first + i),
            columnName + ": time must increase strictly, " + timeS[i] + " follows " + timeS[i - 1]);
      }
    }
  }
}
