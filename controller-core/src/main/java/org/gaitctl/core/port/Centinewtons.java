package org.gaitctl.core.port;

/** The load cell's wire unit, the centinewton (LOAD_SAMPLE {@code force_cn}), to and from N. */
public final class Centinewtons {

  private static final double CN_PER_N = 100.0;

  private Centinewtons() {}

  /** {@code forceCn} centinewtons in N. Allocation-free. */
  public static double toNewtons(int forceCn) {
    return forceCn / CN_PER_N;
  }

  /** {@code forceN} N rounded to the nearest centinewton. Allocation-free. */
  public static int fromNewtons(double forceN) {
    return (int) Math.round(forceN * CN_PER_N);
  }
}
