package org.gaitctl.core.pipeline;

import org.gaitctl.core.analysis.GaitAnalysisSink;
import org.gaitctl.core.analysis.GaitAnalyzer;
import org.gaitctl.core.analysis.GaitSettings;
import org.gaitctl.core.contact.NettedHead;
import org.gaitctl.core.contact.PressureGrid;
import org.gaitctl.core.gait.FootSampleView;
import org.gaitctl.core.gait.GaitEventKind;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepRecordView;
import org.gaitctl.core.symmetry.SymmetryTracker;

/**
 * The gait stages in the ring: foot contact → gait events → steps → symmetry, run by the same
 * {@link GaitAnalyzer} that the offline analysis uses, so live and offline results come from one
 * implementation. The analyzer's stages share state (drift compensation needs the left heel strikes
 * the event stage finds), so they run in series on one thread.
 *
 * <p>Inputs: pressure frames; measured unloading from load samples (for drift compensation); belt
 * speed from drive status (for step length). Outputs written into the slot: per-foot force, centre
 * of pressure and contact area, the heel strikes and toe offs this frame raised, and a completed
 * step with its symmetry. Times are on the host clock, one clock for every input: pressure frames
 * at the moment their belt sampled them ({@link DeviceFrameClock}, from the device clock, so a
 * stream delivered late and then in a burst is no gap), the other inputs at their arrival.
 */
final class GaitAnalysisStage implements PipelineStage, GaitAnalysisSink {

  private final GaitAnalyzer analyzer;
  private final DeviceFrameClock[] frameClocks = {new DeviceFrameClock(), new DeviceFrameClock()};

  /** The slot being processed, while the analyzer writes its outputs into it. */
  private RingEvent current;

  GaitAnalysisStage(GaitSettings settings, PressureGrid grid) {
    this.analyzer = new GaitAnalyzer(settings, grid, this);
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
    NettedHead begun = event.begunFrame();
    if (begun != null) {
      analyzer.onBegunFrame(event.sampledNs(), frame.cells(), 0, begun);
      return;
    }
    long sampledNs = frameClocks[frame.belt()].sampledNs(event.arrivalNs(), event.deviceTimeUs());
    event.sampledNs(sampledNs);
    analyzer.onPressureFrame(sampledNs, frame.belt(), frame.cells(), 0);
  }

  /**
   * Hands this stage's frame clocks and the baselines of its foot-contact estimator to a thread
   * that begins every frame ahead (a replay's reader); from then on every frame must come begun.
   */
  FrameHeadStart headStart() {
    return new FrameHeadStart(frameClocks, analyzer.contact());
  }

  @Override
  public void onFoot(Side side, FootSampleView sample, boolean inStance) {
    current
        .foot(side)
        .set(sample.forceN(), sample.copApM(), sample.copMlM(), sample.contactAreaM2(), inStance);
  }

  @Override
  public void onGaitEvent(Side side, GaitEventKind kind, long timeNs) {
    switch (kind) {
      case HEEL_STRIKE -> current.gaitEvents().heelStrike(side, timeNs);
      case TOE_OFF -> current.gaitEvents().toeOff(side, timeNs);
    }
  }

  @Override
  public void onStep(StepRecordView step, SymmetryTracker symmetry) {
    current.step().complete(step, symmetry);
  }

  @Override
  public void onStepDiscarded(Side side) {
    // The slot has no place for a dropped step; the assembler counts them for diagnostics.
  }
}
