package org.gaitctl.core.recording;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads text lines with a bound on each line's length and on the whole file, so that an endless or
 * binary input ({@code /dev/zero}, a wrong file) ends in a {@link RecordingFormatException} naming
 * the file and line instead of an {@link OutOfMemoryError}. Line ends: {@code \n}, {@code \r\n}.
 */
final class BoundedLineReader {

  /** Far longer than any recording's row (gaitpdb: 19 columns, about 150 characters). */
  static final int MAX_LINE_CHARS = 64 * 1024;

  /** 256 Mi characters: hours of a 1 kHz recording; a larger text file is not a recording. */
  static final long MAX_FILE_CHARS = 256L * 1024 * 1024;

  private final Reader reader;
  private final String fileName;
  private final int maxLineChars;
  private final long maxFileChars;
  private final StringBuilder line = new StringBuilder(256);
  private long charsRead;
  private int lineNumber;

  BoundedLineReader(Reader reader, String fileName) {
    this(reader, fileName, MAX_LINE_CHARS, MAX_FILE_CHARS);
  }

  BoundedLineReader(Reader reader, String fileName, int maxLineChars, long maxFileChars) {
    this.reader = reader;
    this.fileName = fileName;
    this.maxLineChars = maxLineChars;
    this.maxFileChars = maxFileChars;
  }

  /** The next line without its line end, or {@code null} at the end of the file. */
  String readLine() throws IOException {
    line.setLength(0);
    int c = reader.read();
    if (c < 0) {
      return null;
    }
    lineNumber++;
    while (c >= 0 && c != '\n') {
      if (++charsRead > maxFileChars) {
        throw new RecordingFormatException(
            fileName,
            Integer.toString(lineNumber),
            "file longer than " + maxFileChars + " characters; not a recording this tool reads");
      }
      if (line.length() >= maxLineChars) {
        throw new RecordingFormatException(
            fileName,
            Integer.toString(lineNumber),
            "line longer than " + maxLineChars + " characters; not a text recording");
      }
      line.append((char) c);
      c = reader.read();
    }
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') {
      line.setLength(end - 1);
    }
    return line.toString();
  }

  /** 1-based number of the line last returned. */
  int lineNumber() {
    return lineNumber;
  }
}
