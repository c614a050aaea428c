package org.gaitctl.hmi.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleFormatTest {

  @Test
  void shouldShowNoiseAroundZeroAsZeroNotMinusZero() {
    assertThat(ConsoleFormat.number(-0.2, 0)).isEqualTo("0");
    assertThat(ConsoleFormat.number(-0.004, 2)).isEqualTo("0.00");
    assertThat(ConsoleFormat.number(-0.6, 0)).isEqualTo("-1");
    assertThat(ConsoleFormat.number(-1.5, 1)).isEqualTo("-1.5");
  }

  @Test
  void shouldShowADashForAnUnknownValue() {
    assertThat(ConsoleFormat.number(Double.NaN, 1)).isEqualTo(ConsoleFormat.UNKNOWN);
    assertThat(ConsoleFormat.minutesSeconds(Double.POSITIVE_INFINITY))
        .isEqualTo(ConsoleFormat.UNKNOWN);
  }

  @Test
  void shouldRoundTimeLeftUpSoThatZeroMeansOver() {
    assertThat(ConsoleFormat.minutesSeconds(125)).isEqualTo("2:05");
    assertThat(ConsoleFormat.minutesSeconds(0.2)).isEqualTo("0:01");
    assertThat(ConsoleFormat.minutesSeconds(-3)).isEqualTo("0:00");
  }
}
