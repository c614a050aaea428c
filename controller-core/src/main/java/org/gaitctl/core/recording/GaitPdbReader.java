package org.gaitctl.core.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a PhysioNet gaitpdb file (Yogev et al. 2005): pressure insoles, 100 Hz, no header, 19
 * tab-separated columns: time (s); the vertical force (N) of the 8 left sensors; the 8 right
 * sensors; total left (N); total right (N). We take time and the two totals.
 *
 * <p>Called from the analysis command's thread; blocks on file I/O and allocates.
 */
public final class GaitPdbReader {

  static final int COLUMNS = 19;
  private static final int TIME_COLUMN = 0;
  private static final int LEFT_TOTAL_COLUMN = 17;
  private static final int RIGHT_TOTAL_COLUMN = 18;

  private GaitPdbReader() {}

  public static ForceRecording read(Path file) throws IOException {
    TextTable table = TextTable.read(file, TextTable.WHITESPACE);
    int rows = table.lines().size();
    table.requireNotEmpty("samples");
    double[] timeS = new double[rows];
    double[] leftFzN = new double[rows];
    double[] rightFzN = new double[rows];
    for (int i = 0; i < rows; i++) {
      TextTable.Line line = table.lines().get(i);
      table.requireCells(line, COLUMNS);
      timeS[i] = table.number(line, TIME_COLUMN, "time");
      leftFzN[i] = table.forceN(line, LEFT_TOTAL_COLUMN, "total left force");
      rightFzN[i] = table.forceN(line, RIGHT_TOTAL_COLUMN, "total right force");
    }
    table.requireStrictlyIncreasing(timeS, 0, "time");
    return new ForceRecording(
        table.fileName(),
        timeS,
        leftFzN,
        rightFzN,
        null,
        null,
        null,
        ForceRecording.NEWTONS,
        List.of());
  }
}
