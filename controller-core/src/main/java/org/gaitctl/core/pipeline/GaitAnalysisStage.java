package org.gaitctl.core.pipeline;

import org.gaitctl.core.analysis.GaitAnalyzer;
import org.gaitctl.core.analysis.GaitSettings;
import org.gaitctl.core.contact.FootContactEstimator;
import org.gaitctl.core.contact.PressureGrid;
import org.gaitctl.core.gait.FootEventDetector;
import org.gaitctl.core.gait.FootSampleView;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepRecordView;

/**
 * The gait stages in the ring: foot contact → gait events → steps → symmetry, run by the same
 * {@link GaitAnalyzer} that the offline analysis uses, so live and offline results come from one
 * implementation. The analyzer's stages share state (drift compensation needs the left heel strikes
 * the event stage finds), so they run in series on one thread.
 *
 * <p>Inputs: pressure frames; measured unloading from load samples (for drift compensation); belt
 * speed from drive status (for step length). Outputs written into the slot: per-foot force, centre
 * of pressure and contact area, the heel strikes and toe offs this frame raised, and a completed
 * step with its symmetry. Times are host arrival times, one clock for every input.
 */
final class GaitAnalysisStage implements PipelineStage {

  private final GaitAnalyzer analyzer;

  /** The slot being processed, while the analyzer's listeners may write into it. */
  private RingEvent current;

  GaitAnalysisStage(GaitSettings settings, PressureGrid grid) {
    this.analyzer = new GaitAnalyzer(settings, grid, this::onGaitEvent, this::onStep);
  }

  @Override
  public boolean handles(EventKind kind) {
    return kind == EventKind.PRESSURE_FRAME
        || kind == EventKind.LOAD_SAMPLE
        || kind == EventKind.DRIVE_STATUS;
  }

  @Override
  public void process(RingEvent event) {
    current = event;
    try {
      switch (event.kind()) {
        case PRESSURE_FRAME -> onFrame(event);
        case LOAD_SAMPLE -> {
          Unloading unloading = event.unloading();
          if (unloading.status() == UnloadingStatus.VALID) {
            analyzer.onUnloading(event.arrivalNs(), unloading.filteredN());
          }
        }
        case DRIVE_STATUS -> {
          if (event.drive().readOk()) {
            analyzer.onBeltSpeed(event.arrivalNs(), event.drive().speedMps());
          }
        }
        default -> {
          // Not handled: see handles().
        }
      }
    } finally {
      current = null;
    }
  }

  private void onFrame(RingEvent event) {
    PressureFrame frame = event.frame();
    analyzer.onPressureFrame(event.arrivalNs(), frame.belt(), frame.cells(), 0);
    FootContactEstimator contact = analyzer.contact();
    copyFoot(contact.sample(Side.LEFT), event.foot(Side.LEFT), Side.LEFT);
    copyFoot(contact.sample(Side.RIGHT), event.foot(Side.RIGHT), Side.RIGHT);
  }

  private void copyFoot(FootSampleView sample, FootContact out, Side side) {
    out.set(
        sample.forceN(),
        sample.copApM(),
        sample.copMlM(),
        sample.contactAreaM2(),
        analyzer.detector(side).loaded());
  }

  private void onGaitEvent(Side side, int kind, long timeNs) {
    if (kind == FootEventDetector.HEEL_STRIKE) {
      current.gaitEvents().heelStrike(side, timeNs);
    } else if (kind == FootEventDetector.TOE_OFF) {
      current.gaitEvents().toeOff(side, timeNs);
    }
  }

  private void onStep(StepRecordView step) {
    StepOutput out = current.step();
    out.complete(step, analyzer.symmetry());
  }
}
