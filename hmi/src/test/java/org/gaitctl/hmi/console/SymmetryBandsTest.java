package org.gaitctl.hmi.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.gaitctl.config.protocol.SymmetryTarget;
import org.gaitctl.core.symmetry.StepParameter;
import org.junit.jupiter.api.Test;

class SymmetryBandsTest {

  @Test
  void shouldDrawTheMinimalDetectableChangesOfLewekAndRandallAroundSymmetry() {
    assertThat(SymmetryBands.mdcBand(StepParameter.STEP_LENGTH))
        .contains(new SymmetryBands.RatioBand(0.85, 1.15));
    assertThat(SymmetryBands.mdcBand(StepParameter.SWING_TIME))
        .contains(new SymmetryBands.RatioBand(0.74, 1.26));
    assertThat(SymmetryBands.mdcBand(StepParameter.STANCE_TIME).orElseThrow().high())
        .isCloseTo(1.09, within(1e-12));
    assertThat(SymmetryBands.mdcBand(StepParameter.PEAK_FORCE)).isEmpty();
  }

  @Test
  void shouldTurnTheProtocolsSymmetryIndexBoundIntoARatioBand() {
    Optional<SymmetryTarget> target = Optional.of(new SymmetryTarget(10, 20));

    SymmetryBands.RatioBand stance =
        SymmetryBands.targetBand(StepParameter.STANCE_TIME, target).orElseThrow();
    SymmetryBands.RatioBand length =
        SymmetryBands.targetBand(StepParameter.STEP_LENGTH, target).orElseThrow();

    // SI = 200 (r - 1) / (r + 1): at the band's edges exactly the bound.
    assertThat(200 * (stance.high() - 1) / (stance.high() + 1)).isCloseTo(10, within(1e-9));
    assertThat(200 * (stance.low() - 1) / (stance.low() + 1)).isCloseTo(-10, within(1e-9));
    assertThat(200 * (length.high() - 1) / (length.high() + 1)).isCloseTo(20, within(1e-9));
  }

  @Test
  void shouldDrawNoTargetZoneWhereTheProtocolSetsNone() {
    assertThat(SymmetryBands.targetBand(StepParameter.STANCE_TIME, Optional.empty())).isEmpty();
    assertThat(
            SymmetryBands.targetBand(
                StepParameter.PEAK_FORCE, Optional.of(new SymmetryTarget(10, 10))))
        .isEmpty();
  }
}
