package org.gaitctl.hmi.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.gaitctl.config.protocol.SymmetryTarget;
import org.junit.jupiter.api.Test;

class OutOfZoneCueTest {

  private final PatientFeedbackModel model =
      new PatientFeedbackModel(
          SymmetryParameter.STANCE_TIME, Optional.of(new SymmetryTarget(10.0, 20.0)));
  private final OutOfZoneCue cue = new OutOfZoneCue();

  @Test
  void shouldSoundOnceForAStepOutOfZoneHoweverOftenItIsShown() {
    assertThat(cue.shouldSound(model.fromIndex(25.0, 8, 60.0, "s"))).isTrue();
    assertThat(cue.shouldSound(model.fromIndex(25.0, 8, 59.9, "s"))).isFalse();
    assertThat(cue.shouldSound(model.fromIndex(26.0, 9, 59.5, "s"))).isTrue();
  }

  @Test
  void shouldStayQuietForStepsInZoneOrWithoutAValueOrATarget() {
    PatientFeedbackModel noTarget =
        new PatientFeedbackModel(SymmetryParameter.STANCE_TIME, Optional.empty());

    assertThat(cue.shouldSound(model.fromIndex(5.0, 1, 60.0, "s"))).isFalse();
    assertThat(cue.shouldSound(model.fromIndex(Double.NaN, 2, 60.0, "s"))).isFalse();
    assertThat(cue.shouldSound(noTarget.fromIndex(40.0, 3, 60.0, "s"))).isFalse();
  }
}
