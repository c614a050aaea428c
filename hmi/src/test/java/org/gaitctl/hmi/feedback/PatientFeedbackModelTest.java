package org.gaitctl.hmi.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.gaitctl.config.protocol.SymmetryTarget;
import org.gaitctl.core.gait.Side;
import org.junit.jupiter.api.Test;

class PatientFeedbackModelTest {

  /** Stance time within 10 %, step length within 20 %. */
  private static final Optional<SymmetryTarget> TARGET =
      Optional.of(new SymmetryTarget(10.0, 20.0));

  private final PatientFeedbackModel stance =
      new PatientFeedbackModel(SymmetryParameter.STANCE_TIME, TARGET);

  @Test
  void shouldNameTheShorterStanceTheWeakerSideAndAskForMoreOnItWhenOutOfZone() {
    // SI = (0.60 - 0.75) / 0.675 = -22.2 %: the left stance is the shorter.
    PatientFeedbackState state = stance.fromSides(0.60, 0.75, 42, 95.2, "steady");

    assertThat(state.verdict()).isEqualTo(SymmetryVerdict.OUT_OF_ZONE);
    assertThat(state.weakerSide()).contains(Side.LEFT);
    assertThat(state.symmetryIndexPercent()).isCloseTo(-22.22, within(0.01));
    assertThat(state.instruction()).isEqualTo("Stand longer on LEFT");
    assertThat(state.markerPosition()).isLessThan(state.zoneLowPosition());
  }

  @Test
  void shouldPutTheZoneInTheMiddleThirdOfTheBarAndTheMarkerOnTheWeakerSide() {
    PatientFeedbackState rightWeaker = stance.fromIndex(5.0, 0, 60.0, "warm-up");

    assertThat(rightWeaker.zoneLowPercent()).isEqualTo(-10.0);
    assertThat(rightWeaker.zoneHighPercent()).isEqualTo(10.0);
    assertThat(rightWeaker.zoneLowPosition()).isCloseTo(1.0 / 3.0, within(1e-9));
    assertThat(rightWeaker.zoneHighPosition()).isCloseTo(2.0 / 3.0, within(1e-9));
    assertThat(rightWeaker.weakerSide()).contains(Side.RIGHT);
    assertThat(rightWeaker.markerPosition()).isCloseTo(0.5 + 5.0 / 60.0, within(1e-9));
  }

  @Test
  void shouldSayGoodInsideTheZoneIncludingItsBound() {
    PatientFeedbackState atBound = stance.fromIndex(-10.0, 7, 30.0, "steady");

    assertThat(atBound.verdict()).isEqualTo(SymmetryVerdict.IN_ZONE);
    assertThat(atBound.instruction()).isEqualTo(PatientFeedbackModel.IN_ZONE_TEXT);
    assertThat(atBound.markerPosition()).isCloseTo(atBound.zoneLowPosition(), within(1e-9));
  }

  @Test
  void shouldPinTheMarkerToTheBarsEndFarOutOfZone() {
    assertThat(stance.fromIndex(150.0, 0, 1.0, "s").markerPosition()).isEqualTo(1.0);
    assertThat(stance.fromIndex(-150.0, 0, 1.0, "s").markerPosition()).isEqualTo(0.0);
  }

  @Test
  void shouldUseTheStepLengthBoundForStepLengthAndAskForALongerStep() {
    PatientFeedbackModel stepLength =
        new PatientFeedbackModel(SymmetryParameter.STEP_LENGTH, TARGET);

    PatientFeedbackState inZone = stepLength.fromIndex(15.0, 0, 1.0, "s");
    PatientFeedbackState out = stepLength.fromSides(0.60, 0.40, 0, 1.0, "s");

    assertThat(inZone.verdict()).isEqualTo(SymmetryVerdict.IN_ZONE);
    assertThat(inZone.zoneHighPercent()).isEqualTo(20.0);
    assertThat(out.verdict()).isEqualTo(SymmetryVerdict.OUT_OF_ZONE);
    assertThat(out.instruction()).isEqualTo("Longer step with RIGHT");
  }

  @Test
  void shouldWaitForStepsWhileASideHasNoValueOrTheValuesAreBelowTheFloor() {
    PatientFeedbackState noRight = stance.fromSides(0.6, Double.NaN, 1, 10.0, "s");
    PatientFeedbackState belowFloor = stance.fromSides(0.01, 0.02, 2, 10.0, "s");

    for (PatientFeedbackState state : new PatientFeedbackState[] {noRight, belowFloor}) {
      assertThat(state.verdict()).isEqualTo(SymmetryVerdict.NO_VALUE);
      assertThat(state.weakerSide()).isEmpty();
      assertThat(state.markerPosition()).isNaN();
      assertThat(state.instruction()).isEqualTo(PatientFeedbackModel.NO_VALUE_TEXT);
    }
  }

  @Test
  void shouldShowNoBarWhenTheProtocolSetsNoSymmetryZone() {
    PatientFeedbackModel noTarget =
        new PatientFeedbackModel(SymmetryParameter.STANCE_TIME, Optional.empty());

    PatientFeedbackState state = noTarget.fromIndex(-30.0, 12, 61.0, "walk");

    assertThat(state.verdict()).isEqualTo(SymmetryVerdict.NO_TARGET);
    assertThat(state.markerPosition()).isNaN();
    assertThat(state.zoneLowPosition()).isNaN();
    assertThat(state.instruction()).isEqualTo(PatientFeedbackModel.NO_TARGET_TEXT);
    assertThat(state.stepsText()).isEqualTo("Steps 12");
    assertThat(state.timeLeftText()).isEqualTo("1:01");
  }

  @Test
  void shouldNameNoWeakerSideForAnExactlySymmetricStep() {
    PatientFeedbackState state = stance.fromSides(0.7, 0.7, 3, 10.0, "s");

    assertThat(state.verdict()).isEqualTo(SymmetryVerdict.IN_ZONE);
    assertThat(state.weakerSide()).isEmpty();
    assertThat(state.markerPosition()).isEqualTo(0.5);
  }

  @Test
  void shouldRoundTimeLeftUpToWholeSecondsAndShowDashesWhenUnknown() {
    assertThat(PatientFeedbackModel.timeLeftText(95.2)).isEqualTo("1:36");
    assertThat(PatientFeedbackModel.timeLeftText(0.0)).isEqualTo("0:00");
    assertThat(PatientFeedbackModel.timeLeftText(-3.0)).isEqualTo("0:00");
    assertThat(PatientFeedbackModel.timeLeftText(3600.0)).isEqualTo("60:00");
    assertThat(PatientFeedbackModel.timeLeftText(Double.NaN))
        .isEqualTo(PatientFeedbackModel.UNKNOWN_TIME_TEXT);
  }
}
