package org.gaitctl.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FootprintLabelerTest {

  private static final int ROWS = 8;
  private static final int COLS = 6;
  private static final int THRESHOLD = 10;

  private final CellBaseline baseline = new CellBaseline(ROWS * COLS, 5.0);
  private final FootprintLabeler labeler = new FootprintLabeler(ROWS, COLS, 4);
  private final NetFrame frame = new NetFrame(ROWS * COLS);

  @Test
  void shouldNumberFootprintsInScanOrderAndForgetLastFramesLabels() {
    char[] first = new char[ROWS * COLS];
    load(first, 1, 4, 50); // found second: its first cell comes later in the scan
    load(first, 5, 0, 80);
    load(first, 0, 1, 30); // found first
    load(first, 6, 1, 20); // diagonal neighbour of (5, 0): the same footprint

    assertThat(label(1_000_000L, first)).isEqualTo(3);
    assertThat(labeler.footprintOfCell[1]).isEqualTo(1);
    assertThat(labeler.footprintOfCell[COLS + 4]).isEqualTo(2);
    assertThat(labeler.footprintOfCell[5 * COLS]).isEqualTo(3);
    assertThat(labeler.footprintOfCell[6 * COLS + 1]).isEqualTo(3);
    assertThat(labeler.loadCounts[2]).isEqualTo(100.0);

    char[] second = new char[ROWS * COLS];
    load(second, 3, 3, 40);

    assertThat(label(2_000_000L, second)).isEqualTo(1);
    for (int cell = 0; cell < ROWS * COLS; cell++) {
      assertThat(labeler.footprintOfCell[cell])
          .as("cell %d", cell)
          .isEqualTo(cell == 3 * COLS + 3 ? 1 : 0);
    }
  }

  @Test
  void shouldCountAFrameWithMoreFootprintsThanItHoldsAndClearAllItLabeled() {
    char[] many = new char[ROWS * COLS];
    for (int row = 0; row < ROWS; row += 2) {
      load(many, row, 0, 50);
      load(many, row, 3, 50);
    }
    assertThat(label(1_000_000L, many)).isEqualTo(4);
    assertThat(labeler.overflowFrames()).isEqualTo(1);

    assertThat(label(2_000_000L, new char[ROWS * COLS])).isZero();
    assertThat(labeler.footprintOfCell).containsOnly(0);
  }

  private static void load(char[] cells, int row, int col, int counts) {
    cells[row * COLS + col] = (char) counts;
  }

  private int label(long timeNs, char[] cells) {
    float alpha = baseline.advance(timeNs);
    frame.clear();
    frame.loaded =
        baseline.apply(
            alpha,
            cells,
            0,
            0,
            cells.length,
            THRESHOLD,
            frame.loadedCells,
            frame.loadedNetCounts,
            0);
    frame.spread();
    return labeler.label(frame.netCounts, THRESHOLD, frame.loadedCells, frame.loaded);
  }
}
