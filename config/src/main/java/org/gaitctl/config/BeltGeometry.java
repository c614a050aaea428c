package org.gaitctl.config;

/**
 * The sensing area of a pressure-belt unit.
 *
 * @param belts 1 single belt, 2 split belt (one per foot)
 * @param rows rows per belt (row 0 anterior)
 * @param cols columns per belt (column 0 at the patient's left)
 * @param pitchXUm cell pitch across the belt, µm
 * @param pitchYUm cell pitch along the belt, µm
 */
public record BeltGeometry(int belts, int rows, int cols, long pitchXUm, long pitchYUm) {

  /** The reference single belt: 128 × 56 cells at 8.47 mm. */
  public static BeltGeometry singleBelt() {
    return new BeltGeometry(1, 128, 56, 8470, 8470);
  }

  /** A split belt: 128 × 28 cells per belt at 8.47 mm. */
  public static BeltGeometry splitBelt() {
    return new BeltGeometry(2, 128, 28, 8470, 8470);
  }

  public int cellsPerBelt() {
    return rows * cols;
  }
}
