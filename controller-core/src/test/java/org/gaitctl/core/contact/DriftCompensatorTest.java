package org.gaitctl.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DriftCompensatorTest {

  private static final double MASS_KG = 75.0;
  private static final double WEIGHT_N = MASS_KG * DriftSettings.GRAVITY_MPS2;

  /** Strides of 1.1 s: belt sees (weight − unloading) × sensitivity, as a pulsing force. */
  private static void walk(DriftCompensator drift, int strides, double sensitivity, double unload) {
    long periodNs = 1_000_000_000L / 300;
    long startNs = 0;
    for (int s = 0; s < strides; s++) {
      drift.onStrideBoundary(startNs);
      for (int i = 0; i < 330; i++) {
        long t = startNs + i * periodNs;
        double phase = i / 330.0;
        double trueForce = (WEIGHT_N - unload) * (1 + 0.3 * Math.sin(2 * Math.PI * 2 * phase));
        drift.onRawBeltForce(0, t, trueForce * sensitivity);
        drift.onUnloading(t, unload);
      }
      startNs += 330 * periodNs;
    }
    drift.onStrideBoundary(startNs);
  }

  @Test
  void shouldRestoreBodyWeightBalanceWhenBeltLosesSensitivity() {
    DriftCompensator drift = new DriftCompensator(DriftSettings.forPatient(MASS_KG, true));
    walk(drift, 30, 0.85, 220.0);
    assertThat(drift.gain()).isCloseTo(1 / 0.85, within(0.002));
    assertThat(drift.acceptedStrides()).isEqualTo(30);
  }

  @Test
  void shouldRejectStridesWithoutUnloadingWhenALoadCellIsExpected() {
    DriftCompensator drift = new DriftCompensator(DriftSettings.forPatient(MASS_KG, true));
    drift.onStrideBoundary(0);
    for (int i = 0; i < 330; i++) {
      drift.onRawBeltForce(0, i * 3_333_333L, 500);
    }
    drift.onStrideBoundary(1_100_000_000L);
    assertThat(drift.gain()).isEqualTo(1.0);
    assertThat(drift.rejectedStrides()).isEqualTo(1);
  }

  @Test
  void shouldRejectAnImplausibleGainAndKeepTheLastGood() {
    DriftCompensator drift = new DriftCompensator(DriftSettings.forPatient(MASS_KG, false));
    walk(drift, 10, 0.9, 0.0);
    double good = drift.gain();
    // the belt reads a fifth of the load: a sensor fault, not drift
    walk(drift, 3, 0.2, 0.0);
    assertThat(drift.gain()).isEqualTo(good);
    assertThat(drift.rejectedStrides()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void shouldKeepGainAtOneWhenDisabled() {
    DriftCompensator drift = new DriftCompensator(DriftSettings.disabled());
    walk(drift, 5, 0.8, 0.0);
    assertThat(drift.gain()).isEqualTo(1.0);
  }
}
