package org.gaitctl.hmi.console;

import java.util.Locale;

/** How the console writes numbers: fixed decimals, a dash for an unknown value, m:ss for time. */
public final class ConsoleFormat {

  /** Shown where a value is unknown (no reading yet, or not meaningful). */
  public static final String UNKNOWN = "—";

  private ConsoleFormat() {}

  /** {@code value} with {@code decimals} decimals, or {@link #UNKNOWN} when it is not finite. */
  public static String number(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return UNKNOWN;
    }
    String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
    // A small negative reading (load-cell noise around 0) rounds to "-0": shown as 0.
    return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
  }

  /** {@code 2:05} for 125 s (rounded up, so 0:00 means over); {@link #UNKNOWN} when not finite. */
  public static String minutesSeconds(double seconds) {
    if (!Double.isFinite(seconds)) {
      return UNKNOWN;
    }
    long whole = (long) Math.ceil(Math.max(0, seconds));
    return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
  }
}
