package org.gaitctl.hmi.feedback;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Needs no display: the thread is checked before any window is made. */
class PatientFeedbackWindowThreadTest {

  @Test
  void shouldRefuseToBeBuiltOffTheEventDispatchThread() {
    PatientFeedbackModel model =
        new PatientFeedbackModel(SymmetryParameter.STANCE_TIME, Optional.empty());

    assertThatThrownBy(() -> new PatientFeedbackWindow(model.fromIndex(0.0, 0, 1.0, "s")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("EDT");
  }
}
