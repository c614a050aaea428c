package org.gaitctl.core.contact;

/**
 * One belt frame on its way through {@link FootContactEstimator}: its net counts above the cells'
 * baselines and its loaded cells, in ascending order. The estimator keeps one per belt for frames
 * it takes whole ({@link FootContactEstimator#onFrame}); a replay that begins frames on its reading
 * thread ({@link FootContactEstimator#begin}) keeps one per frame in flight, so the next frame's
 * cells never overwrite the ones still being labelled.
 *
 * <p>Filled by one thread up to a cell, then by another from there; the hand-over between them must
 * order the writes (the replay's ring does). Allocation-free after construction.
 */
public final class NetFrame {

  final float[] netCounts;
  final int[] loadedCells;
  int loaded;
  int nettedCells;
  int belt;
  float alpha;
  boolean fits;

  /**
   * @param cellsPerBelt cells of one belt of the grid the frames come from
   */
  public NetFrame(int cellsPerBelt) {
    this.netCounts = new float[cellsPerBelt];
    this.loadedCells = new int[cellsPerBelt];
  }
}
