package org.gaitctl.core.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.gaitctl.core.gait.Side;

/**
 * Reads a headerless two-column CSV of one foot's vertical force, {@code time_s,fz_n}, as in the
 * GaitAnalysisToolKit example {@code example_vertical_grf.csv} (Motek instrumented treadmill, about
 * 100 Hz with jittered time stamps).
 *
 * <p>The file does not say which foot it is, so the caller does; the other foot's force is all zero
 * (it never loads), which means only the named side's events and per-side figures are meaningful.
 * Time must increase strictly.
 *
 * <p>Called from the analysis command's thread; blocks on file I/O and allocates.
 */
public final class SingleFootCsvReader {

  private SingleFootCsvReader() {}

  public static ForceRecording read(Path file, Side side) throws IOException {
    TextTable table = TextTable.read(file, TextTable.COMMA);
    int rows = table.lines().size();
    table.requireNotEmpty("samples");
    double[] timeS = new double[rows];
    double[] fzN = new double[rows];
    for (int i = 0; i < rows; i++) {
      TextTable.Line line = table.lines().get(i);
      table.requireCells(line, 2);
      timeS[i] = table.number(line, 0, "time_s");
      fzN[i] = table.forceN(line, 1, "fz_n");
    }
    table.requireStrictlyIncreasing(timeS, 0, "time_s");
    double[] unloaded = new double[rows];
    return new ForceRecording(
        table.fileName() + " (single foot as " + side + ")",
        timeS,
        side == Side.LEFT ? fzN : unloaded,
        side == Side.LEFT ? unloaded : fzN,
        null,
        null,
        null,
        ForceRecording.NEWTONS,
        List.of());
  }
}
