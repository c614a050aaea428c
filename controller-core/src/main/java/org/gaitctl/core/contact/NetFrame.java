package org.gaitctl.core.contact;

/**
 * One belt frame being labelled by {@link FootContactEstimator}: its loaded cells, in ascending
 * order, with their net counts above the cells' baselines, listed and spread over the belt. The
 * labeler reads the spread counts of the loaded cells and of their neighbours, whose counts only
 * meet its threshold test: every cell not listed holds 0, below any threshold, so only the listed
 * cells are ever written and cleared. Single-threaded; allocation-free after construction.
 */
final class NetFrame {

  /** Every cell's count: the listed cells' net counts, 0 for the others. */
  final float[] netCounts;

  final int[] loadedCells;
  final float[] loadedNetCounts;
  int loaded;

  NetFrame(int cellsPerBelt) {
    this.netCounts = new float[cellsPerBelt];
    this.loadedCells = new int[cellsPerBelt];
    this.loadedNetCounts = new float[cellsPerBelt];
  }

  /** Back to no cell listed: the last frame's counts set back to 0. */
  void clear() {
    for (int l = 0; l < loaded; l++) {
      netCounts[loadedCells[l]] = 0f;
    }
    loaded = 0;
  }

  /** Lists the loaded cells of {@code head}, the frame's first; {@link #spread} spreads them. */
  void listHead(NettedHead head) {
    System.arraycopy(head.loadedCells, 0, loadedCells, 0, head.loaded);
    System.arraycopy(head.loadedNetCounts, 0, loadedNetCounts, 0, head.loaded);
    loaded = head.loaded;
  }

  /** Spreads every listed cell's count over the belt. */
  void spread() {
    for (int l = 0; l < loaded; l++) {
      netCounts[loadedCells[l]] = loadedNetCounts[l];
    }
  }
}
