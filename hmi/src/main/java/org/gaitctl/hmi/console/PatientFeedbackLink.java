package org.gaitctl.hmi.console;

import java.util.Optional;
import java.util.OptionalDouble;
import org.gaitctl.config.protocol.SymmetryTarget;
import org.gaitctl.config.protocol.TherapyProtocol;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.hmi.feedback.Metronome;
import org.gaitctl.hmi.feedback.OutOfZoneCue;
import org.gaitctl.hmi.feedback.PatientFeedbackModel;
import org.gaitctl.hmi.feedback.PatientFeedbackState;
import org.gaitctl.hmi.feedback.PatientFeedbackWindow;
import org.gaitctl.hmi.feedback.SymmetryParameter;
import org.gaitctl.session.protocol.ExecutorState;
import org.gaitctl.session.protocol.ProtocolStatus;

/**
 * The patient's side of the console: the feedback window (opened and closed from the View menu) and
 * the metronome at the protocol's cadence target, fed from the console's refresh. The patient sees
 * the stance-time symmetry, the quantity every protocol's zone bounds and the session measures at
 * every step. EDT only; the metronome's own thread never waits for it.
 */
final class PatientFeedbackLink implements AutoCloseable {

  private final Metronome metronome;
  private final OutOfZoneCue cue = new OutOfZoneCue();
  private PatientFeedbackModel model = modelFor(Optional.empty());
  private OptionalDouble cadenceStepsPerMin = OptionalDouble.empty();
  private PatientFeedbackState latest;
  private PatientFeedbackWindow window;

  PatientFeedbackLink(Metronome metronome) {
    this.metronome = metronome;
    this.latest = model.fromIndex(Double.NaN, 0, Double.NaN, "");
  }

  static PatientFeedbackLink onDefaultAudio() {
    return new PatientFeedbackLink(Metronome.start(NanoClock.SYSTEM));
  }

  /** The protocol chosen: its symmetry zone and cadence target (either may be absent). */
  void protocolChosen(TherapyProtocol protocol) {
    model = modelFor(protocol == null ? Optional.empty() : protocol.symmetryTarget());
    cadenceStepsPerMin =
        protocol == null ? OptionalDouble.empty() : protocol.cadenceTargetStepsPerMin();
  }

  /** Opens or closes the patient's window. */
  void showWindow(boolean shown) {
    if (shown && window == null) {
      window = new PatientFeedbackWindow(latest);
      window.show();
    } else if (!shown && window != null) {
      window.dispose();
      window = null;
    }
  }

  boolean windowShown() {
    return window != null;
  }

  /**
   * One refresh: the window shows the run's latest status, and the metronome beats at the
   * protocol's cadence while the run walks (not paused, not stopping).
   */
  void update(ProtocolStatus status) {
    boolean walking = status != null && status.state() == ExecutorState.RUNNING;
    if (metronome.available()) {
      metronome.setCadenceStepsPerMin(walking ? cadenceStepsPerMin.orElse(0) : 0);
    }
    if (status == null || status.stageIndex() < 0) {
      return;
    }
    latest =
        model.fromIndex(
            status.stanceTimeSiPercent(),
            status.steps(),
            status.stageTimeLeftS(),
            status.stageName());
    if (window != null) {
      window.update(latest);
    }
    if (walking && metronome.available() && cue.shouldSound(latest)) {
      metronome.signalOutOfZone();
    }
  }

  /** What the console says about the metronome: its cadence, or why it is silent. */
  String metronomeNote() {
    if (!metronome.available()) {
      return "Metronome silent: " + metronome.unavailableReason();
    }
    return cadenceStepsPerMin.isPresent()
        ? String.format(
            java.util.Locale.ROOT,
            "Metronome at %.0f steps/min while walking",
            cadenceStepsPerMin.getAsDouble())
        : "Metronome off: the protocol sets no cadence target";
  }

  @Override
  public void close() {
    showWindow(false);
    metronome.close();
  }

  private static PatientFeedbackModel modelFor(Optional<SymmetryTarget> target) {
    return new PatientFeedbackModel(SymmetryParameter.STANCE_TIME, target);
  }
}
