package org.gaitctl.core.contact;

/**
 * Splits one belt's loaded cells into connected footprints (8-connectivity) and sums each
 * footprint's load and moments.
 *
 * <p>All arrays are sized at construction; {@link #label} allocates nothing. Single-threaded.
 */
final class FootprintLabeler {

  private final int rows;
  private final int cols;
  private final int maxFootprints;

  /** Footprint index + 1 of every cell, 0 for an unloaded cell. */
  final int[] footprintOfCell;

  /** Cell indices grouped by footprint: footprint f owns {@code cells[first[f] .. +size[f]]}. */
  final int[] cells;

  final int[] first;
  final int[] size;
  final double[] loadCounts;
  final double[] rowMoment;
  final double[] colMoment;
  final int[] minRow;
  final int[] maxRow;

  private final int[] stack;
  private int footprints;
  private int labeledCells;
  private long overflowFrames;

  FootprintLabeler(int rows, int cols, int maxFootprints) {
    this.rows = rows;
    this.cols = cols;
    this.maxFootprints = maxFootprints;
    int cellCount = rows * cols;
    footprintOfCell = new int[cellCount];
    cells = new int[cellCount];
    stack = new int[cellCount];
    first = new int[maxFootprints];
    size = new int[maxFootprints];
    loadCounts = new double[maxFootprints];
    rowMoment = new double[maxFootprints];
    colMoment = new double[maxFootprints];
    minRow = new int[maxFootprints];
    maxRow = new int[maxFootprints];
  }

  /**
   * Labels the cells whose net reading is at least {@code thresholdCounts}, which are the first
   * {@code loadedCount} of {@code loadedCells} in ascending order ({@link CellBaseline#apply}).
   * Seeds are taken in that order, so footprints are numbered as a scan of the whole belt would.
   *
   * @return the number of footprints found (at most {@code maxFootprints}; the rest are ignored and
   *     counted in {@link #overflowFrames()})
   */
  int label(float[] netCounts, int thresholdCounts, int[] loadedCells, int loadedCount) {
    // Only the cells labeled last frame are non-zero: clearing them is a fill of the whole belt.
    for (int i = 0; i < labeledCells; i++) {
      footprintOfCell[cells[i]] = 0;
    }
    footprints = 0;
    int used = 0;
    boolean overflow = false;
    for (int l = 0; l < loadedCount; l++) {
      int seed = loadedCells[l];
      if (footprintOfCell[seed] != 0) {
        continue;
      }
      if (footprints == maxFootprints) {
        overflow = true;
        break;
      }
      used = fill(seed, footprints, used, netCounts, thresholdCounts);
      footprints++;
    }
    labeledCells = used;
    if (overflow) {
      overflowFrames++;
    }
    return footprints;
  }

  private int fill(int seed, int f, int used, float[] netCounts, int thresholdCounts) {
    first[f] = used;
    // Summed in locals in the order the cells are visited and stored once: the same sums as adding
    // to the arrays cell by cell, without a store and a reload of each on every cell.
    int cellsIn = 0;
    double load = 0;
    double rowSum = 0;
    double colSum = 0;
    int lowestRow = Integer.MAX_VALUE;
    int highestRow = Integer.MIN_VALUE;
    int top = 0;
    stack[top++] = seed;
    footprintOfCell[seed] = f + 1;
    while (top > 0) {
      int cell = stack[--top];
      cells[used++] = cell;
      int row = cell / cols;
      int col = cell - row * cols;
      double cellLoad = netCounts[cell];
      cellsIn++;
      load += cellLoad;
      rowSum += cellLoad * row;
      colSum += cellLoad * col;
      lowestRow = Math.min(lowestRow, row);
      highestRow = Math.max(highestRow, row);
      int lastRow = Math.min(row + 1, rows - 1);
      int firstCol = Math.max(col - 1, 0);
      int lastCol = Math.min(col + 1, cols - 1);
      for (int r = Math.max(row - 1, 0); r <= lastRow; r++) {
        for (int neighbour = r * cols + firstCol, end = r * cols + lastCol;
            neighbour <= end;
            neighbour++) {
          if (footprintOfCell[neighbour] == 0 && netCounts[neighbour] >= thresholdCounts) {
            footprintOfCell[neighbour] = f + 1;
            stack[top++] = neighbour;
          }
        }
      }
    }
    size[f] = cellsIn;
    loadCounts[f] = load;
    rowMoment[f] = rowSum;
    colMoment[f] = colSum;
    minRow[f] = lowestRow;
    maxRow[f] = highestRow;
    return used;
  }

  int footprints() {
    return footprints;
  }

  /** Frames in which more than {@code maxFootprints} regions were loaded. */
  long overflowFrames() {
    return overflowFrames;
  }
}
