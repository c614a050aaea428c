package org.gaitctl.core.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gaitctl.core.gait.GaitEventKind;
import org.gaitctl.core.gait.Side;

/**
 * Reads the per-stride reference {@code REC.ts} of a PhysioNet gaitndd record: 13 tab-separated
 * columns per stride (see {@link ReferenceStride}).
 *
 * <p>Column 1 is the time of the left heel strike that <em>ends</em> the row's stride (the
 * difference of consecutive column-1 times equals the next row's left stride time). The events it
 * determines exactly:
 *
 * <ul>
 *   <li>left heel strikes: every column-1 time, plus each stride's start (time minus left stride)
 *       where it is not the previous row's time (the first row, rows left out at turns);
 *   <li>left toe offs: column-1 time minus left swing (stance precedes swing in a stride).
 * </ul>
 *
 * Right heel strikes and toe offs are not determined: the columns give the right foot's durations
 * and the stride's total double support, but not how that double support splits between the two
 * double-support phases, so any right-foot time would be a guess. Compare right stride, swing and
 * stance times against {@link TsReference#strides()} instead.
 *
 * <p>Called from the analysis command's thread; blocks on file I/O and allocates.
 */
public final class TsReferenceReader {

  static final int COLUMNS = 13;

  /**
   * Two heel-strike times closer than this are the same event: the table rounds to 0.1 ms, and 10
   * ms is three samples at 300 Hz, far below any stride time.
   */
  private static final double SAME_EVENT_S = 0.010;

  private static final String[] NAMES = {
    "left heel strike time", "left stride", "right stride", "left swing", "right swing",
    "left swing %", "right swing %", "left stance", "right stance", "left stance %",
    "right stance %", "double support", "double support %"
  };

  private TsReferenceReader() {}

  public static TsReference read(Path file) throws IOException {
    TextTable table = TextTable.read(file, TextTable.WHITESPACE);
    table.requireNotEmpty("strides");
    List<ReferenceStride> strides = new ArrayList<>(table.lines().size());
    double[] heelStrikeS = new double[table.lines().size()];
    double[] v = new double[COLUMNS];
    for (int i = 0; i < table.lines().size(); i++) {
      TextTable.Line line = table.lines().get(i);
      table.requireCells(line, COLUMNS);
      for (int c = 0; c < COLUMNS; c++) {
        v[c] = table.number(line, c, NAMES[c]);
      }
      heelStrikeS[i] = v[0];
      strides.add(
          new ReferenceStride(
              v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]));
    }
    table.requireStrictlyIncreasing(heelStrikeS, 0, NAMES[0]);
    List<ReferenceEvent> events = new ArrayList<>(2 * strides.size() + 1);
    double previousS = Double.NEGATIVE_INFINITY;
    for (ReferenceStride stride : strides) {
      if (Math.abs(stride.previousLeftHeelStrikeS() - previousS) > SAME_EVENT_S) {
        // The first row, or rows left out (e.g. at a turn): the stride's start is its own event.
        events.add(
            new ReferenceEvent(
                Side.LEFT, GaitEventKind.HEEL_STRIKE, stride.previousLeftHeelStrikeS()));
      }
      previousS = stride.leftHeelStrikeS();
      events.add(new ReferenceEvent(Side.LEFT, GaitEventKind.TOE_OFF, stride.leftToeOffS()));
      events.add(
          new ReferenceEvent(Side.LEFT, GaitEventKind.HEEL_STRIKE, stride.leftHeelStrikeS()));
    }
    events.sort(Comparator.comparingDouble(ReferenceEvent::timeS));
    return new TsReference(table.fileName(), strides, events);
  }
}
