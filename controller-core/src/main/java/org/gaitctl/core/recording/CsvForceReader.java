package org.gaitctl.core.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads our own CSV force format: a header naming the columns, then one row per sample, forces in
 * newtons.
 *
 * <p>Columns are found by name, in any order. {@code time_s}, {@code left_fz_n} and {@code
 * right_fz_n} are required; {@code belt_speed_mps}, {@code left_cop_ap_m} and {@code
 * right_cop_ap_m} are optional, any subset. An unknown or repeated column name is an error, so a
 * typo never silently drops data. Every cell must be a finite number; time may be irregular but
 * must increase strictly. Blank lines and lines starting with {@code #} are skipped.
 *
 * <p>Called from the analysis command's thread; blocks on file I/O and allocates.
 */
public final class CsvForceReader {

  static final String TIME = "time_s";
  static final String LEFT_FZ = "left_fz_n";
  static final String RIGHT_FZ = "right_fz_n";
  static final String BELT_SPEED = "belt_speed_mps";
  static final String LEFT_COP_AP = "left_cop_ap_m";
  static final String RIGHT_COP_AP = "right_cop_ap_m";

  private static final List<String> KNOWN =
      List.of(TIME, LEFT_FZ, RIGHT_FZ, BELT_SPEED, LEFT_COP_AP, RIGHT_COP_AP);
  private static final int REQUIRED = 3;

  private CsvForceReader() {}

  public static ForceRecording read(Path file) throws IOException {
    TextTable table = TextTable.read(file, TextTable.COMMA);
    table.requireNotEmpty("a header");
    TextTable.Line header = table.lines().get(0);
    int[] columnOf = columnIndexes(table, header);
    int rows = table.lines().size() - 1;
    if (rows == 0) {
      throw table.error(header, "no samples after the header");
    }
    double[][] values = new double[KNOWN.size()][];
    for (int k = 0; k < KNOWN.size(); k++) {
      values[k] = columnOf[k] < 0 ? null : new double[rows];
    }
    for (int i = 0; i < rows; i++) {
      TextTable.Line line = table.lines().get(i + 1);
      table.requireCells(line, header.cells().length);
      for (int k = 0; k < KNOWN.size(); k++) {
        if (values[k] != null) {
          values[k][i] =
              k == 1 || k == 2
                  ? table.forceN(line, columnOf[k], KNOWN.get(k))
                  : table.number(line, columnOf[k], KNOWN.get(k));
        }
      }
    }
    table.requireStrictlyIncreasing(values[0], 1, TIME);
    return new ForceRecording(
        table.fileName(),
        values[0],
        values[1],
        values[2],
        values[3],
        values[4],
        values[5],
        ForceRecording.NEWTONS,
        List.of());
  }

  /** For each known column, its index in the header or -1; fails on unknown/missing/repeated. */
  private static int[] columnIndexes(TextTable table, TextTable.Line header)
      throws RecordingFormatException {
    int[] columnOf = new int[KNOWN.size()];
    Arrays.fill(columnOf, -1);
    String[] names = header.cells();
    for (int c = 0; c < names.length; c++) {
      int k = KNOWN.indexOf(names[c]);
      if (k < 0) {
        throw table.error(
            header, "column " + (c + 1) + ": unknown column '" + names[c] + "', known: " + KNOWN);
      }
      if (columnOf[k] >= 0) {
        throw table.error(header, "column " + (c + 1) + ": '" + names[c] + "' appears twice");
      }
      columnOf[k] = c;
    }
    for (int k = 0; k < REQUIRED; k++) {
      if (columnOf[k] < 0) {
        throw table.error(header, "missing required column '" + KNOWN.get(k) + "'");
      }
    }
    return columnOf;
  }
}
