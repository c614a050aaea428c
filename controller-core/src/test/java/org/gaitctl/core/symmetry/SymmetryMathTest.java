package org.gaitctl.core.symmetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SymmetryMathTest {

  @Test
  void shouldGiveRobinsonSymmetryIndexPositiveWhenLeftIsLarger() {
    assertThat(SymmetryMath.symmetryIndexPercent(1.1, 0.9, 0.05)).isCloseTo(20.0, within(1e-9));
    assertThat(SymmetryMath.symmetryIndexPercent(0.9, 1.1, 0.05)).isCloseTo(-20.0, within(1e-9));
    assertThat(SymmetryMath.symmetryIndexPercent(0.7, 0.7, 0.05)).isZero();
  }

  @Test
  void shouldGiveRatioOfLeftToRight() {
    assertThat(SymmetryMath.ratio(0.6, 0.5, 0.05)).isCloseTo(1.2, within(1e-12));
  }

  @Test
  void shouldGiveZifchockSymmetryAngle() {
    assertThat(SymmetryMath.symmetryAnglePercent(1.0, 1.0, 0)).isCloseTo(0.0, within(1e-12));
    // atan(0.5) = 26.565°: (45 - 26.565) / 90 = 20.48 %
    assertThat(SymmetryMath.symmetryAnglePercent(0.5, 1.0, 0)).isCloseTo(20.483, within(1e-3));
    // opposite signs: bracket above 90° wraps
    assertThat(SymmetryMath.symmetryAnglePercent(-1.0, 1.0, 0)).isCloseTo(100.0, within(1e-9));
    // atan(-2) = -63.43°: bracket 108.43° > 90° becomes -71.57°
    assertThat(SymmetryMath.symmetryAnglePercent(-2.0, 1.0, 0)).isCloseTo(-79.517, within(1e-3));
  }

  @Test
  void shouldNotReportSymmetryOfQuantitiesBelowTheirFloor() {
    assertThat(SymmetryMath.symmetryIndexPercent(0.01, 0.002, 0.02)).isNaN();
    assertThat(SymmetryMath.ratio(0.01, 0.002, 0.02)).isNaN();
    assertThat(SymmetryMath.symmetryAnglePercent(0.01, 0.002, 0.02)).isNaN();
    assertThat(SymmetryMath.symmetryIndexPercent(Double.NaN, 1, 0.02)).isNaN();
  }

  @Test
  void shouldAverageOnlyTheLastWindowOfValues() {
    RollingMean mean = new RollingMean(3);
    assertThat(mean.mean()).isNaN();
    for (double v : new double[] {100, 1, 2, Double.NaN, 3}) {
      mean.add(v);
    }
    assertThat(mean.mean()).isCloseTo(2.0, within(1e-12));
    assertThat(mean.count()).isEqualTo(3);
  }
}
