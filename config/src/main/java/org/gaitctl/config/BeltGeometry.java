package org.gaitctl.config;

/**
 * The sensing area of a pressure-belt unit. Validated on construction against the ranges below,
 * which the profile reader uses too.
 *
 * @param belts 1 single belt, 2 split belt (one per foot)
 * @param rows rows per belt (row 0 anterior)
 * @param cols columns per belt (column 0 at the patient's left)
 * @param pitchXUm cell pitch across the belt, µm
 * @param pitchYUm cell pitch along the belt, µm
 */
public record BeltGeometry(int belts, int rows, int cols, long pitchXUm, long pitchYUm) {

  public static final SettingRange BELTS = new SettingRange(1, 2);
  public static final SettingRange ROWS_OR_COLS = new SettingRange(1, 1024);
  public static final SettingRange PITCH_UM = new SettingRange(1000, 50_000);

  /** Spec §1: a frame's payload is at most 1 MiB; a PRESSURE_FRAME has 20 bytes of header. */
  static final long MAX_FRAME_CELLS = ((1L << 20) - 20) / 2;

  public BeltGeometry {
    BELTS.require("belts", belts);
    ROWS_OR_COLS.require("rows", rows);
    ROWS_OR_COLS.require("cols", cols);
    PITCH_UM.require("pitchXUm", pitchXUm);
    PITCH_UM.require("pitchYUm", pitchYUm);
    if ((long) rows * cols > MAX_FRAME_CELLS) {
      throw new InvalidSettingException(
          "rows", rows, "× cols " + cols + ": a frame would exceed the spec's 1 MiB payload limit");
    }
  }

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
