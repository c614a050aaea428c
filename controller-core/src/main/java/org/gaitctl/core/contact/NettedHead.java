package org.gaitctl.core.contact;

/**
 * The head of a belt frame netted ahead on another thread ({@link FootContactEstimator#netHead}):
 * the baselines' step and, of the cells netted, only the loaded ones with their net counts.
 *
 * <p>Why a list and not the netted counts themselves: the thread that ends the frame labels it by
 * reading the net counts of the loaded cells and their neighbours in no order a prefetcher follows,
 * and counts another core wrote cost a cache miss each (docs/PERFORMANCE.md, "Replay speed"). A few
 * hundred loaded cells cross between the cores instead, in order, and the ending thread keeps dense
 * counts of its own.
 *
 * <p>Written by one thread, then read by another; the hand-over between them must order the writes
 * (the replay's ring does). A replay keeps one per frame in flight. Allocation-free after
 * construction.
 */
public final class NettedHead {

  final int[] loadedCells;
  final float[] loadedNetCounts;
  int loaded;
  int nettedCells;
  int belt;
  float alpha;
  boolean fits;

  /**
   * @param cellsPerBelt cells of one belt of the grid the frames come from
   */
  public NettedHead(int cellsPerBelt) {
    this.loadedCells = new int[cellsPerBelt];
    this.loadedNetCounts = new float[cellsPerBelt];
  }
}
