package org.gaitctl.core.contact;

/**
 * One belt frame on its way through {@link FootContactEstimator}: its net counts above the cells'
 * baselines and its loaded cells, in ascending order; the estimator keeps one per belt. A head
 * netted on another thread comes as a {@link NettedHead}. Single-threaded; allocation-free after
 * construction.
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
