package org.gaitctl.core.port;

/**
 * What a streaming device reports about itself (DEVICE_INFO).
 *
 * @param kind 1 pressure-belt unit, 2 load-cell amplifier
 * @param belts number of belts (PBU)
 * @param rows rows per belt (PBU)
 * @param cols columns per belt (PBU)
 * @param pitchXUm cell pitch across the belt, µm
 * @param pitchYUm cell pitch along the belt, µm
 * @param rateHz sample rate per belt
 */
public record DeviceInfo(
    int kind,
    int belts,
    int rows,
    int cols,
    long pitchXUm,
    long pitchYUm,
    int rateHz,
    String serial,
    String firmware) {

  public static final int KIND_PRESSURE_BELT = 1;
  public static final int KIND_LOAD_CELL = 2;

  /** Force of one cell per pressure count, N: 0.01 N/cm² × pitch area. */
  public double newtonsPerCount() {
    double areaCm2 = (pitchXUm / 10_000.0) * (pitchYUm / 10_000.0);
    return 0.01 * areaCm2;
  }
}
