package org.gaitctl.core.pipeline;

/** One load-cell sample as the amplifier sent it (flag bits in {@code StreamFlags}). */
public final class LoadSample {
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
