package org.gaitctl.core.recording;

import java.io.IOException;

/**
 * A recording file that cannot be read as its format says. The message always starts with the file
 * name and the place in it (line, byte offset or parameter), e.g. {@code walk.csv:17: right_fz_n:
 * not a number 'abc'}.
 */
public final class RecordingFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  /**
   * @param fileName the file's name as the user knows it
   * @param where the place in the file: {@code "17"} for a line, {@code "offset 512"}, {@code
   *     "ANALOG:SCALE"}
   * @param problem what is wrong there
   */
  public RecordingFormatException(String fileName, String where, String problem) {
    super(fileName + ":" + where + ": " + problem);
  }

  public RecordingFormatException(String fileName, String where, String problem, Throwable cause) {
    super(fileName + ":" + where + ": " + problem, cause);
  }
}
