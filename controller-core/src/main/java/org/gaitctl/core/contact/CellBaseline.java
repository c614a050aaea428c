package org.gaitctl.core.contact;

/**
 * Per-cell zero offset of one belt, followed while a cell is unloaded, and the net reading of a
 * frame above it.
 *
 * <p>Unloaded cells drift (temperature, creep); each cell's baseline follows its reading with a
 * first-order lag while the reading stays below the load threshold, and freezes while the cell is
 * loaded so that a standing foot is never zeroed away. Single-threaded, allocation-free.
 */
final class CellBaseline {

  private final float[] baselineCounts;
  private final long timeConstantNs;
  private long lastFrameNs;
  private boolean started;

  CellBaseline(int cells, double timeConstantS) {
    this.baselineCounts = new float[cells];
    this.timeConstantNs = (long) (timeConstantS * 1e9);
  }

  /**
   * Starts the frame sampled at {@code timeNs}: how far an unloaded cell's baseline moves toward
   * its reading in this frame. Call once per frame, in frame order, before {@link #apply}.
   */
  float advance(long timeNs) {
    float alpha = 0f;
    if (started) {
      long dtNs = timeNs - lastFrameNs;
      alpha = dtNs <= 0 ? 0f : (float) Math.min(1.0, (double) dtNs / timeConstantNs);
    }
    started = true;
    lastFrameNs = timeNs;
    return alpha;
  }

  /**
   * For cells {@code from} to {@code to} (exclusive) of a frame started with {@link #advance}:
   * updates the baseline of the cells whose net reading is below {@code thresholdCounts} and lists
   * the others, the loaded ones, with their net readings in {@code loadedCells} and {@code
   * loadedNetCounts} after the {@code listed} already there, in ascending order: the labeler then
   * visits a few hundred cells instead of scanning the belt again. No count is stored for the
   * unloaded cells: the labeler only tests them against the threshold ({@link NetFrame}), and a
   * store per cell is a third more memory traffic in the loop that dominates a frame. Disjoint
   * ranges of one frame may run on two threads.
   *
   * @return the number of loaded cells listed, {@code listed} included
   */
  int apply(
      float alpha,
      char[] cells,
      int offset,
      int from,
      int to,
      int thresholdCounts,
      int[] loadedCells,
      float[] loadedNetCounts,
      int listed) {
    int loaded = listed;
    for (int i = from; i < to; i++) {
      float reading = cells[offset + i];
      float net = reading - baselineCounts[i];
      if (net < thresholdCounts) {
        baselineCounts[i] += alpha * net;
      } else {
        loadedCells[loaded] = i;
        loadedNetCounts[loaded++] = net;
      }
    }
    return loaded;
  }

  /** Takes every cell's present reading as its zero (the PBU's ZERO command, done on the host). */
  void capture(char[] cells, int offset) {
    for (int i = 0; i < baselineCounts.length; i++) {
      baselineCounts[i] = cells[offset + i];
    }
  }

  float baselineCounts(int cell) {
    return baselineCounts[cell];
  }
}
