package org.gaitctl.core.pipeline;

/**
 * The signals kept at full rate for charts ({@link SignalHistories}), each with a history long
 * enough for 30 s at the reference rates (pressure frames 300 Hz per belt, load samples 1 kHz,
 * status reads up to 50 Hz).
 */
public enum ChartSignal {
  /** Left foot vertical force, N; from every pressure frame. */
  LEFT_FOOT_FORCE_N(32_768),
  /** Right foot vertical force, N; from every pressure frame. */
  RIGHT_FOOT_FORCE_N(32_768),
  /** Measured (filtered) unloading, N; from every valid load sample. */
  UNLOADING_N(32_768),
  /** Belt speed the drive reports, m/s; from every good status read. */
  BELT_SPEED_MPS(2_048);

  public static final int COUNT = values().length;

  private final int historyCapacity;

  ChartSignal(int historyCapacity) {
    this.historyCapacity = historyCapacity;
  }

  /** Pairs its history keeps (a power of two). */
  public int historyCapacity() {
    return historyCapacity;
  }
}
