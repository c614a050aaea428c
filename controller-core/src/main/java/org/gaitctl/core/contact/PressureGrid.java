package org.gaitctl.core.contact;

import org.gaitctl.core.port.DeviceInfo;

/**
 * Geometry of a pressure-belt unit's sensing area and the conversion of cell counts to force.
 *
 * @param belts 1 single belt, 2 split belt (belt 0 left foot, belt 1 right foot)
 * @param rows rows per belt, row 0 anterior; the belt carries a planted foot to higher rows
 * @param cols columns per belt, column 0 at the patient's left
 * @param pitchXM cell pitch across the belt, m
 * @param pitchYM cell pitch along the belt, m
 */
public record PressureGrid(int belts, int rows, int cols, double pitchXM, double pitchYM) {

  public PressureGrid {
    if (belts != 1 && belts != 2) {
      throw new IllegalArgumentException("pressure grid: belts must be 1 or 2, was " + belts);
    }
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException(
          "pressure grid: rows and cols must be >= 1, were " + rows + " x " + cols);
    }
    if (!(pitchXM > 0) || !(pitchYM > 0)) {
      throw new IllegalArgumentException(
          "pressure grid: pitch must be > 0, was " + pitchXM + " x " + pitchYM + " m");
    }
  }

  /** The geometry a pressure-belt unit announced in DEVICE_INFO. */
  public static PressureGrid of(DeviceInfo info) {
    return new PressureGrid(
        info.belts(), info.rows(), info.cols(), info.pitchXUm() * 1e-6, info.pitchYUm() * 1e-6);
  }

  public int cellsPerBelt() {
    return rows * cols;
  }

  /** Force of one cell per count, N: 0.01 N/cm² over the cell's area. */
  public double newtonsPerCount() {
    return 0.01 * (pitchXM * 100.0) * (pitchYM * 100.0);
  }

  public double cellAreaM2() {
    return pitchXM * pitchYM;
  }

  /** Position along the belt of a (fractional) row index, m, positive anterior from the rear. */
  public double apPositionM(double row) {
    return (rows - row - 0.5) * pitchYM;
  }

  /** Position across the belts of a (fractional) column of {@code belt}, m, from the left edge. */
  public double mlPositionM(int belt, double col) {
    return (belt * cols + col + 0.5) * pitchXM;
  }
}
