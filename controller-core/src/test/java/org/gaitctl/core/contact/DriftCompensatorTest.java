package org.gaitctl.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gaitctl.core.gait.EventSettings;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.testing.SyntheticWalker;
import org.junit.jupiter.api.Test;

class DriftCompensatorTest {

  private static final double MASS_KG = 75.0;
  private static final double WEIGHT_N = MASS_KG * DriftSettings.GRAVITY_MPS2;
  private static final long FRAME_NS = 1_000_000_000L / 300;

  private final SyntheticWalker walker = new SyntheticWalker(1.1, 0.68, WEIGHT_N, 1.0);
  private long frame;

  private static DriftCompensator compensator(boolean loadCell) {
    return new DriftCompensator(
        DriftSettings.forPatient(MASS_KG, loadCell), EventSettings.newtonDefaults());
  }

  /** Mean of left + right walker force over a stride, N. */
  private double meanTotalN() {
    double sum = 0;
    for (int i = 0; i < 330; i++) {
      double t = 1.0 + i / 300.0;
      sum += walker.forceN(Side.LEFT, t) + walker.forceN(Side.RIGHT, t);
    }
    return sum / 330;
  }

  /** The belt sees (weight − unloading) scaled by {@code sensitivity}; the harness the rest. */
  private void walk(DriftCompensator drift, double seconds, double sensitivity, double unloadN) {
    walk(drift, seconds, sensitivity, unloadN, true);
  }

  private void walk(
      DriftCompensator drift,
      double seconds,
      double sensitivity,
      double unloadN,
      boolean loadCellStreaming) {
    double scale = (WEIGHT_N - unloadN) / meanTotalN() * sensitivity;
    long frames = Math.round(seconds * 300);
    for (long end = frame + frames; frame < end; frame++) {
      long t = frame * FRAME_NS;
      double s = frame / 300.0;
      drift.onFootForce(Side.LEFT, t, walker.forceN(Side.LEFT, s) * scale);
      drift.onFootForce(Side.RIGHT, t, walker.forceN(Side.RIGHT, s) * scale);
      if (loadCellStreaming) {
        drift.onUnloading(t, unloadN);
      }
    }
  }

  @Test
  void shouldRestoreBodyWeightBalanceWhenBeltLosesSensitivity() {
    DriftCompensator drift = compensator(true);
    walk(drift, 40, 0.85, 220.0);
    assertThat(drift.gain()).isCloseTo(1 / 0.85, within(0.005));
    assertThat(drift.acceptedStrides()).isGreaterThan(30);
  }

  @Test
  void shouldRejectStridesWithoutUnloadingWhenALoadCellIsExpected() {
    DriftCompensator drift = compensator(true);
    walk(drift, 10, 0.85, 220.0, false);
    assertThat(drift.gain()).isEqualTo(1.0);
    assertThat(drift.rejectedStrides()).isGreaterThan(5);
  }

  @Test
  void shouldRejectAnImplausibleGainAndKeepTheLastGood() {
    DriftCompensator drift = compensator(false);
    walk(drift, 20, 0.9, 0.0);
    assertThat(drift.gain()).isCloseTo(1 / 0.9, within(0.01));
    long rejectedBefore = drift.rejectedStrides();
    // the belt reads a third of the load: a sensor fault, not drift (gain 3.3 > 2 is implausible);
    // only the stride straddling the change may move the gain
    walk(drift, 5, 0.3, 0.0);
    assertThat(drift.gain()).isLessThan(1.3);
    assertThat(drift.rejectedStrides()).isGreaterThan(rejectedBefore + 2);
  }

  @Test
  void shouldKeepGainAtOneWhenDisabled() {
    DriftCompensator drift =
        new DriftCompensator(DriftSettings.disabled(), EventSettings.newtonDefaults());
    walk(drift, 10, 0.8, 0.0);
    assertThat(drift.gain()).isEqualTo(1.0);
  }
}
