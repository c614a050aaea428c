package org.gaitctl.sim.stream;

import java.util.Arrays;
import org.gaitctl.sim.PressureFrameSource;

/** A synthetic pressure source for tests: one round blob sliding towards higher rows. */
final class MovingBlobSource implements PressureFrameSource {

  private final int belts;
  private final int rows;
  private final int cols;

  MovingBlobSource(int belts, int rows, int cols) {
    this.belts = belts;
    this.rows = rows;
    this.cols = cols;
  }

  @Override
  public int belts() {
    return belts;
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int cols() {
    return cols;
  }

  @Override
  public long pitchXUm() {
    return 8470;
  }

  @Override
  public long pitchYUm() {
    return 8470;
  }

  @Override
  public void render(long timeNs, int belt, char[] cells) {
    Arrays.fill(cells, 0, rows * cols, (char) 0);
    int centreRow = (int) ((timeNs / 10_000_000L) % rows);
    int centreCol = cols / 2 + belt;
    for (int r = Math.max(0, centreRow - 4); r < Math.min(rows, centreRow + 5); r++) {
      for (int c = Math.max(0, centreCol - 4); c < Math.min(cols, centreCol + 5); c++) {
        cells[r * cols + c] = (char) 2000;
      }
    }
  }
}
