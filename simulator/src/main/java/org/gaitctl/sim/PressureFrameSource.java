package org.gaitctl.sim;

/**
 * What the emulated pressure-belt unit streams: the geometry of its sensing area and the pressure
 * under the patient's feet at a moment.
 *
 * <p>{@link #render} is called on the emulator's streaming thread; implementations that are
 * advanced by another thread guard their state themselves.
 */
public interface PressureFrameSource {

  /** 1 for a single belt, 2 for a split belt. */
  int belts();

  /** Rows per belt; row 0 is the anterior end. */
  int rows();

  /** Columns per belt; column 0 at the patient's left. */
  int cols();

  /** Cell pitch across the belt, µm. */
  long pitchXUm();

  /** Cell pitch along the belt, µm. */
  long pitchYUm();

  /**
   * Writes the pressure of {@code belt} at {@code timeNs} into {@code cells} ({@code rows*cols},
   * row-major, u16 counts of 0.01 N/cm²).
   */
  void render(long timeNs, int belt, char[] cells);
}
