package org.gaitctl.sim.accuracy;

import java.util.ArrayList;
import java.util.List;
import org.gaitctl.config.BeltGeometry;
import org.gaitctl.config.PatientSettings;
import org.gaitctl.core.analysis.GaitAnalysisSink;
import org.gaitctl.core.analysis.GaitAnalyzer;
import org.gaitctl.core.analysis.GaitSettings;
import org.gaitctl.core.contact.DriftSettings;
import org.gaitctl.core.contact.PressureGrid;
import org.gaitctl.core.gait.FootSampleView;
import org.gaitctl.core.gait.GaitEventKind;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepRecord;
import org.gaitctl.core.gait.StepRecordView;
import org.gaitctl.core.symmetry.SymmetryTracker;
import org.gaitctl.sim.patient.GroundTruthStep;
import org.gaitctl.sim.patient.PatientGaitModel;
import org.gaitctl.sim.patient.PatientModelOptions;

/**
 * The emulated patient walking on virtual time, its pressure frames fed one by one through the live
 * gait stages ({@link GaitAnalyzer}: foot contact → events → steps), with everything kept for
 * comparison: the model's ground truth, our events and our steps.
 */
final class EmulatedWalk {

  static final int FRAME_RATE_HZ = 300;
  static final long FRAME_NS = 1_000_000_000L / FRAME_RATE_HZ;

  final List<GroundTruthStep> truth = new ArrayList<>();
  final List<long[]> heelStrikes = new ArrayList<>();
  final List<long[]> toeOffs = new ArrayList<>();
  final List<StepRecord> steps = new ArrayList<>();
  final PatientGaitModel model;
  final GaitAnalyzer analyzer;
  final double beltSpeedMps;
  final double unloadingN;

  EmulatedWalk(
      PatientSettings patient,
      PatientModelOptions options,
      double beltSpeedMps,
      double unloadingN,
      boolean driftCompensation) {
    this(patient, options, BeltGeometry.singleBelt(), beltSpeedMps, unloadingN, driftCompensation);
  }

  EmulatedWalk(
      PatientSettings patient,
      PatientModelOptions options,
      BeltGeometry geometry,
      double beltSpeedMps,
      double unloadingN,
      boolean driftCompensation) {
    this.model = new PatientGaitModel(patient, geometry, options);
    this.beltSpeedMps = beltSpeedMps;
    this.unloadingN = unloadingN;
    model.addGroundTruthListener(truth::add);
    PressureGrid grid =
        new PressureGrid(
            geometry.belts(),
            geometry.rows(),
            geometry.cols(),
            geometry.pitchXUm() * 1e-6,
            geometry.pitchYUm() * 1e-6);
    GaitSettings settings = GaitSettings.defaults();
    if (driftCompensation) {
      settings = settings.withDrift(DriftSettings.forPatient(patient.bodyMassKg(), true));
    }
    this.analyzer =
        new GaitAnalyzer(
            settings,
            grid,
            new GaitAnalysisSink() {
              @Override
              public void onFoot(Side side, FootSampleView sample, boolean inStance) {}

              @Override
              public void onGaitEvent(Side side, GaitEventKind kind, long timeNs) {
                (kind == GaitEventKind.HEEL_STRIKE ? heelStrikes : toeOffs)
                    .add(new long[] {side.ordinal(), timeNs});
              }

              @Override
              public void onStep(StepRecordView step, SymmetryTracker symmetry) {
                StepRecord copy = new StepRecord();
                copy.copyFrom(step);
                steps.add(copy);
              }

              @Override
              public void onStepDiscarded(Side side) {}
            });
  }

  /** Walks {@code frames} frames at 300 Hz on virtual time. */
  EmulatedWalk walk(int frames) {
    char[] cells = new char[model.rows() * model.cols()];
    for (int i = 0; i < frames; i++) {
      long timeNs = i * FRAME_NS;
      model.advance(timeNs, beltSpeedMps, unloadingN);
      analyzer.onBeltSpeed(timeNs, beltSpeedMps);
      analyzer.onUnloading(timeNs, unloadingN);
      for (int belt = 0; belt < model.belts(); belt++) {
        model.render(timeNs, belt, cells);
        analyzer.onPressureFrame(timeNs, belt, cells, 0);
      }
    }
    return this;
  }

  /** Our events of {@code side} at {@code kind}'s list, in time order. */
  static List<Long> of(List<long[]> events, Side side) {
    List<Long> out = new ArrayList<>();
    for (long[] e : events) {
      if (e[0] == side.ordinal()) {
        out.add(e[1]);
      }
    }
    return out;
  }
}
