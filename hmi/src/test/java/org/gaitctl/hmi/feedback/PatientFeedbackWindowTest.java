package org.gaitctl.hmi.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.gaitctl.config.protocol.SymmetryTarget;
import org.gaitctl.core.gait.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real window: needs a display (run under {@code xvfb-run -a}); skipped where there is none. */
class PatientFeedbackWindowTest {

  private final PatientFeedbackModel model =
      new PatientFeedbackModel(
          SymmetryParameter.STANCE_TIME, Optional.of(new SymmetryTarget(10.0, 20.0)));
  private final AtomicReference<PatientFeedbackWindow> window = new AtomicReference<>();

  @BeforeEach
  void openWindow() throws Exception {
    assumeFalse(
        GraphicsEnvironment.isHeadless(),
        "no display: run under xvfb-run -a to test the patient feedback window");
    SwingUtilities.invokeAndWait(
        () -> {
          window.set(new PatientFeedbackWindow(model.fromIndex(Double.NaN, 0, 120.0, "warm-up")));
          window.get().show();
        });
  }

  @AfterEach
  void closeWindow() throws Exception {
    if (window.get() != null) {
      SwingUtilities.invokeAndWait(() -> window.get().dispose());
    }
  }

  @Test
  void shouldShowTheLatestStateHandedOverFromAnotherThread() throws Exception {
    window.get().update(model.fromIndex(30.0, 40, 75.4, "warm-up"));
    window.get().update(model.fromSides(0.60, 0.75, 41, 74.9, "steady"));

    SwingUtilities.invokeAndWait(
        () -> {
          assertThat(label(PatientFeedbackPanel.TIME_LEFT).getText()).isEqualTo("1:15");
          assertThat(label(PatientFeedbackPanel.STAGE).getText()).isEqualTo("steady");
          assertThat(label(PatientFeedbackPanel.PARAMETER).getText()).isEqualTo("Stance time");
          assertThat(label(PatientFeedbackPanel.INSTRUCTION).getText())
              .isEqualTo("Stand longer on LEFT");
          assertThat(label(PatientFeedbackPanel.STEPS).getText()).isEqualTo("Steps 41");
          SymmetryBar bar = (SymmetryBar) find(PatientFeedbackPanel.BAR);
          assertThat(bar.isVisible()).isTrue();
          assertThat(bar.shownState().weakerSide()).contains(Side.LEFT);
        });
  }

  @Test
  void shouldHideTheBarWhenTheProtocolSetsNoZone() throws Exception {
    PatientFeedbackModel noZone =
        new PatientFeedbackModel(SymmetryParameter.STEP_LENGTH, Optional.empty());

    window.get().update(noZone.fromIndex(12.0, 5, 30.0, "walk"));

    SwingUtilities.invokeAndWait(
        () -> {
          assertThat(find(PatientFeedbackPanel.BAR).isVisible()).isFalse();
          assertThat(label(PatientFeedbackPanel.INSTRUCTION).getText())
              .isEqualTo(PatientFeedbackModel.NO_TARGET_TEXT);
        });
  }

  @Test
  void shouldOpenAsAnOrdinaryVisibleWindowOnASingleDisplayWithLargeType() throws Exception {
    assumeFalse(
        GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices().length > 1,
        "more than one display: the window goes full screen on the second");

    SwingUtilities.invokeAndWait(
        () -> {
          assertThat(window.get().isFullScreen()).isFalse();
          assertThat(window.get().frame().isVisible()).isTrue();
          window.get().frame().validate();
          assertThat(label(PatientFeedbackPanel.STEPS).getFont().getSize2D()).isGreaterThan(40f);
        });
  }

  private JLabel label(String name) {
    return (JLabel) find(name);
  }

  private Component find(String name) {
    Component found = find(window.get().frame().getContentPane(), name);
    assertThat(found).as("component named %s", name).isNotNull();
    return found;
  }

  private static Component find(Container container, String name) {
    for (Component child : container.getComponents()) {
      if (name.equals(child.getName())) {
        return child;
      }
      if (child instanceof Container inner) {
        Component found = find(inner, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
