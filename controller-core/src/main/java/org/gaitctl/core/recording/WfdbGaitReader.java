package org.gaitctl.core.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gaitctl.core.gait.Side;

/**
 * Reads a PhysioNet gaitndd record (Hausdorff et al.): a WFDB header {@code REC.hea} naming two
 * format-212 signal files, {@code REC.let} (left foot) and {@code REC.rit} (right foot), from
 * force-sensitive resistors at 300 Hz.
 *
 * <p>The header's first-value and checksum fields are verified for each signal. Values stay in
 * uncalibrated ADC units ({@link #ADC_UNIT}): they rise with load but are not newtons. A sample of
 * {@value #INVALID_SAMPLE} means "invalid"; a sample time at which either foot is invalid is left
 * out, so the recording has a gap there (the pipeline copes with gaps) rather than invented data.
 *
 * <p>When the authors' stride reference {@code REC.ts} lies next to the header, its events (see
 * {@link TsReferenceReader}) become the recording's reference events.
 *
 * <p>Called from the analysis command's thread; blocks on file I/O and allocates.
 */
public final class WfdbGaitReader {

  public static final String ADC_UNIT = "ADC";
  static final int INVALID_SAMPLE = -2048;

  /** What WFDB writes in a header's first-value field when the first sample is invalid. */
  private static final int INVALID_FIRST_VALUE = -32768;

  private static final int FORMAT_212 = 212;

  private WfdbGaitReader() {}

  /**
   * @param recordPath the header {@code REC.hea} or the record path without extension {@code REC}
   */
  public static ForceRecording read(Path recordPath) throws IOException {
    Path header = headerOf(recordPath);
    TextTable table = TextTable.read(header, TextTable.WHITESPACE);
    table.requireNotEmpty("a record line");
    TextTable.Line recordLine = table.lines().get(0);
    if (recordLine.cells().length < 4) {
      throw table.error(recordLine, "record line needs name, signals, frequency and length");
    }
    int signalCount = integer(table, recordLine, 1, "number of signals");
    double frequencyHz = table.number(recordLine, 2, "sampling frequency");
    int sampleCount = integer(table, recordLine, 3, "number of samples");
    if (frequencyHz <= 0 || sampleCount <= 0) {
      throw table.error(recordLine, "sampling frequency and number of samples must be > 0");
    }
    if (table.lines().size() != 1 + signalCount) {
      throw table.error(
          recordLine, "declares " + signalCount + " signals, found " + (table.lines().size() - 1));
    }
    int[] left = null;
    int[] right = null;
    for (int s = 1; s <= signalCount; s++) {
      TextTable.Line line = table.lines().get(s);
      Side side = sideOf(table, line);
      int[] samples = readSignal(table, line, header.resolveSibling(line.cells()[0]), sampleCount);
      if (side == Side.LEFT && left == null) {
        left = samples;
      } else if (side == Side.RIGHT && right == null) {
        right = samples;
      } else {
        throw table.error(line, "a second " + side + " foot signal");
      }
    }
    if (left == null || right == null) {
      throw table.error(recordLine, "needs one left-foot and one right-foot signal");
    }
    Path strides = header.resolveSibling(recordLine.cells()[0] + ".ts");
    List<ReferenceEvent> events =
        Files.exists(strides) ? TsReferenceReader.read(strides).events() : List.of();
    return toRecording(table.fileName(), frequencyHz, left, right, events);
  }

  private static ForceRecording toRecording(
      String source, double frequencyHz, int[] left, int[] right, List<ReferenceEvent> events) {
    int valid = 0;
    for (int i = 0; i < left.length; i++) {
      if (left[i] != INVALID_SAMPLE && right[i] != INVALID_SAMPLE) {
        valid++;
      }
    }
    double[] timeS = new double[valid];
    double[] leftAdc = new double[valid];
    double[] rightAdc = new double[valid];
    int k = 0;
    for (int i = 0; i < left.length; i++) {
      if (left[i] != INVALID_SAMPLE && right[i] != INVALID_SAMPLE) {
        timeS[k] = i / frequencyHz;
        leftAdc[k] = left[i];
        rightAdc[k] = right[i];
        k++;
      }
    }
    return new ForceRecording(source, timeS, leftAdc, rightAdc, null, null, null, ADC_UNIT, events);
  }

  static Path headerOf(Path recordPath) {
    String name = TextTable.fileNameOf(recordPath);
    return name.toLowerCase(Locale.ROOT).endsWith(".hea")
        ? recordPath
        : recordPath.resolveSibling(name + ".hea");
  }

  private static Side sideOf(TextTable table, TextTable.Line line) throws RecordingFormatException {
    String[] cells = line.cells();
    if (cells.length < 8) {
      throw table.error(
          line, "signal line needs file, format, gain, bits, zero, first value, checksum, block");
    }
    String described = String.join(" ", List.of(cells).subList(8, cells.length));
    String text = (described + " " + cells[0]).toLowerCase(Locale.ROOT);
    if (text.contains("left") || cells[0].toLowerCase(Locale.ROOT).endsWith(".let")) {
      return Side.LEFT;
    }
    if (text.contains("right") || cells[0].toLowerCase(Locale.ROOT).endsWith(".rit")) {
      return Side.RIGHT;
    }
    throw table.error(line, "cannot tell which foot signal '" + described + "' is");
  }

  private static int[] readSignal(
      TextTable table, TextTable.Line line, Path signalFile, int sampleCount) throws IOException {
    String format = line.cells()[1];
    if (!format.equals(Integer.toString(FORMAT_212))) {
      throw table.error(line, "format '" + format + "' not supported, only 212");
    }
    int firstValue = integer(table, line, 5, "first value");
    int checksum = integer(table, line, 6, "checksum");
    byte[] bytes;
    try {
      bytes = BoundedBytes.readAll(signalFile);
    } catch (NoSuchFileException e) {
      throw new RecordingFormatException(
          table.fileName(),
          Integer.toString(line.number()),
          "signal file missing: " + signalFile,
          e);
    }
    String signalName = TextTable.fileNameOf(signalFile);
    int[] samples = Format212.decode(bytes, sampleCount, signalName);
    boolean firstMatches =
        samples[0] == firstValue
            || (samples[0] == INVALID_SAMPLE && firstValue == INVALID_FIRST_VALUE);
    if (!firstMatches) {
      throw table.error(
          line, "first value " + firstValue + " but " + signalName + " starts with " + samples[0]);
    }
    int sum = 0;
    for (int sample : samples) {
      sum += sample;
    }
    short actual = (short) sum;
    if (actual != checksum) {
      throw table.error(
          line,
          "checksum mismatch: header says " + checksum + ", " + signalName + " sums to " + actual);
    }
    return samples;
  }

  private static int integer(TextTable table, TextTable.Line line, int column, String name)
      throws RecordingFormatException {
    String cell = line.cells()[column];
    int end = 0;
    while (end < cell.length()
        && (Character.isDigit(cell.charAt(end)) || (end == 0 && cell.charAt(0) == '-'))) {
      end++;
    }
    try {
      // WFDB fields may carry suffixes such as "300/1" or "3000(0)/mV"; the leading integer counts.
      return Integer.parseInt(cell.substring(0, end));
    } catch (NumberFormatException e) {
      throw new RecordingFormatException(
          table.fileName(),
          Integer.toString(line.number()),
          name + ": not an integer '" + cell + "'",
          e);
    }
  }

  /** WFDB format 212: two 12-bit two's-complement samples packed in every 3 bytes. */
  static final class Format212 {
    private Format212() {}

    static int[] decode(byte[] bytes, int sampleCount, String fileName)
        throws RecordingFormatException {
      long needed = (3L * sampleCount + 1) / 2;
      if (bytes.length < needed) {
        throw new RecordingFormatException(
            fileName,
            "offset " + bytes.length,
            "truncated: " + sampleCount + " samples need " + needed + " bytes");
      }
      int[] samples = new int[sampleCount];
      for (int i = 0; i < sampleCount; i++) {
        int base = (i / 2) * 3;
        int b1 = bytes[base + 1] & 0xFF;
        int raw =
            (i % 2 == 0)
                ? (bytes[base] & 0xFF) | ((b1 & 0x0F) << 8)
                : (bytes[base + 2] & 0xFF) | ((b1 & 0xF0) << 4);
        samples[i] = raw > 2047 ? raw - 4096 : raw;
      }
      return samples;
    }
  }
}
