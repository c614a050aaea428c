package org.gaitctl.session.selfpaced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StrideCopFilterTest {

  private static final long SAMPLE_NS = 10_000_000L;

  private final StrideCopFilter filter = new StrideCopFilter(0.5);

  @Test
  void shouldStartAtTheFirstPositionWithoutRate() {
    filter.add(0, 0.2);
    assertThat(filter.primed()).isTrue();
    assertThat(filter.positionM()).isEqualTo(0.2);
    assertThat(filter.rateMps()).isZero();
  }

  @Test
  void shouldMeasureTheRateOfASteadyDrift() {
    for (int i = 0; i <= 1000; i++) {
      filter.add(i * SAMPLE_NS, 0.1 * i * SAMPLE_NS * 1e-9);
    }
    assertThat(filter.rateMps()).isCloseTo(0.1, within(1e-4));
    assertThat(filter.positionM())
        .as("two lags of 0.5 s behind")
        .isCloseTo(1.0 - 0.1, within(2e-3));
  }

  @Test
  void shouldEstimateThePresentPositionOfASteadyDriftWithoutTheTwoLagsDelay() {
    for (int i = 0; i <= 1000; i++) {
      filter.add(i * SAMPLE_NS, -0.3 * i * SAMPLE_NS * 1e-9);
    }
    assertThat(filter.positionM()).as("delayed by 2 x 0.5 s").isCloseTo(-3.0 + 0.3, within(3e-3));
    assertThat(filter.presentPositionM()).isCloseTo(-3.0, within(3e-3));
  }

  @Test
  void shouldLeaveAThirdOfTheStepFrequencyInThePresentPosition() {
    double amplitudeM = 0.1;
    double maxM = 0;
    for (int i = 0; i <= 2000; i++) {
      filter.add(i * SAMPLE_NS, amplitudeM * Math.sin(2 * Math.PI * 1.7 * i * SAMPLE_NS * 1e-9));
      if (i > 1000) {
        maxM = Math.max(maxM, Math.abs(filter.presentPositionM()));
      }
    }
    assertThat(maxM).isLessThan(amplitudeM / 2.5);
  }

  @Test
  void shouldTakeTheStepFrequencyDownByAboutThirty() {
    double amplitudeM = 0.1;
    double maxM = 0;
    for (int i = 0; i <= 2000; i++) {
      filter.add(i * SAMPLE_NS, amplitudeM * Math.sin(2 * Math.PI * 1.7 * i * SAMPLE_NS * 1e-9));
      if (i > 1000) {
        maxM = Math.max(maxM, Math.abs(filter.positionM()));
      }
    }
    assertThat(maxM).isLessThan(amplitudeM / 25);
  }

  @Test
  void shouldHoldWhileNoFootIsOnTheBelt() {
    filter.add(0, 0.1);
    filter.add(SAMPLE_NS, Double.NaN);
    assertThat(filter.positionM()).isEqualTo(0.1);
    assertThat(filter.primed()).isTrue();
  }

  @Test
  void shouldNotBePrimedBeforeAnyFoot() {
    filter.add(0, Double.NaN);
    assertThat(filter.primed()).isFalse();
  }
}
