package org.gaitctl.sim.patient;

import java.util.ArrayList;
import java.util.List;
import org.gaitctl.config.BeltGeometry;
import org.gaitctl.config.PatientSettings;
import org.gaitctl.core.gait.Side;

/**
 * Test fixture: a patient model on virtual time, advanced at 1 kHz, collecting its ground truth.
 */
final class WalkingPatient {

  static final long TICK_NS = 1_000_000L;

  /** Called after every advance. */
  interface TickObserver {
    void afterAdvance(long timeNs);
  }

  final PatientGaitModel model;
  final List<GroundTruthStep> steps = new ArrayList<>();
  long nowNs;

  WalkingPatient(PatientSettings settings, BeltGeometry geometry, PatientModelOptions options) {
    model = new PatientGaitModel(settings, geometry, options);
    model.addGroundTruthListener(steps::add);
  }

  static WalkingPatient idealBelt(PatientSettings settings) {
    return new WalkingPatient(
        settings, BeltGeometry.singleBelt(), PatientModelOptions.defaults().withoutSensorDrift());
  }

  static PatientSettings symmetric(double asymmetryPercent) {
    return new PatientSettings(
        75.0, 0.90, asymmetryPercent, asymmetryPercent, asymmetryPercent, 2.0, 7L);
  }

  void walk(double seconds, double beltSpeedMps, double unloadingN) {
    walk(seconds, beltSpeedMps, unloadingN, t -> {});
  }

  void walk(double seconds, double beltSpeedMps, double unloadingN, TickObserver observer) {
    long ticks = Math.round(seconds * 1e9 / TICK_NS);
    for (long i = 0; i < ticks; i++) {
      nowNs += TICK_NS;
      model.advance(nowNs, beltSpeedMps, unloadingN);
      observer.afterAdvance(nowNs);
    }
  }

  List<GroundTruthStep> steps(StepKind kind) {
    return steps.stream().filter(s -> s.kind() == kind).toList();
  }

  List<GroundTruthStep> walkSteps(Side side) {
    return steps.stream().filter(s -> s.kind() == StepKind.WALK && s.side() == side).toList();
  }

  double totalGroundForceN(long timeNs) {
    return model.groundForceN(Side.LEFT, timeNs) + model.groundForceN(Side.RIGHT, timeNs);
  }
}
