package org.gaitctl.config;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Numbers as they appear in messages: {@code 5}, {@code 0.05}, {@code 3.2767}, never 3.27670001.
 */
final class NumberText {

  private static final MathContext TEN_DIGITS = new MathContext(10);

  private NumberText() {}

  static String format(double value) {
    if (value == 0) {
      return "0";
    }
    return new BigDecimal(value).round(TEN_DIGITS).stripTrailingZeros().toPlainString();
  }

  static String range(double min, double max) {
    return format(min) + ".." + format(max);
  }

  static String hex16(int value) {
    return String.format("0x%04X", value);
  }
}
