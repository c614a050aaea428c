package org.gaitctl.core.pipeline;

/** One load-cell sample as the amplifier sent it. */
public final class LoadSample {
  /** Flag bit: the load cell is overloaded. */
  public static final int FLAG_OVERLOAD = 1;

  /** Flag bit: bridge open or sensor fault. */
  public static final int FLAG_SENSOR_FAULT = 1 << 1;

  /** Flag bit: the amplifier is taring. */
  public static final int FLAG_TARE_IN_PROGRESS = 1 << 2;

  private int forceCn;
  private int flags;

  void set(int forceCn, int flags) {
    this.forceCn = forceCn;
    this.flags = flags;
  }

  /** Cable tension, cN, positive when pulling. */
  public int forceCn() {
    return forceCn;
  }

  public int flags() {
    return flags;
  }
}
