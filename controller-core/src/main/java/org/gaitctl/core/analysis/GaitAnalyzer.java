package org.gaitctl.core.analysis;

import org.gaitctl.core.contact.DriftCompensator;
import org.gaitctl.core.contact.FootContactEstimator;
import org.gaitctl.core.contact.NettedHead;
import org.gaitctl.core.contact.PressureGrid;
import org.gaitctl.core.gait.FootEventDetector;
import org.gaitctl.core.gait.FootSample;
import org.gaitctl.core.gait.GaitEventKind;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepAssembler;
import org.gaitctl.core.gait.StepListener;
import org.gaitctl.core.gait.StepRecordView;
import org.gaitctl.core.symmetry.SymmetryTracker;

/**
 * The gait stages in their order, for one patient on one treadmill; used by the live pipeline and,
 * unchanged, by the offline analysis.
 *
 * <pre>
 *  pressure frame ─▶ FootContactEstimator ─┐                 (force-only recordings enter here)
 *                                          ├─▶ FootSample L/R ◀── onFootForces ──▶ sink.onFoot
 *  load cell ─▶ DriftCompensator ◀─────────┤  (gain on belt force, per stride)
 *                                          ▼
 *                      FootEventDetector L / R ─▶ heel strike, toe off ─▶ sink.onGaitEvent
 *                                          ▼
 *  belt speed ─────────────────▶ StepAssembler ─▶ StepRecord ─▶ SymmetryTracker ─▶ sink.onStep
 * </pre>
 *
 * <p>Every output goes into one {@link GaitAnalysisSink} during the call that produced it; the live
 * ring stage and the offline analysis are two sinks.
 *
 * <p>Single-threaded: every method must be called from one thread (or handed over with a
 * happens-before edge, as the Disruptor's sequence barriers do), in time order per input. All
 * timestamps are arguments, so a recorded session replays to the same result. Allocation-free after
 * construction; never blocks; the sink runs on the calling thread.
 */
public final class GaitAnalyzer {

  private final DriftCompensator drift;
  private final FootContactEstimator contact;
  private final FootEventDetector leftDetector;
  private final FootEventDetector rightDetector;
  private final StepAssembler assembler;
  private final SymmetryTracker symmetry;
  private final GaitAnalysisSink sink;
  private final FootSample leftForceOnly = new FootSample();
  private final FootSample rightForceOnly = new FootSample();
  private long droppedFrames;

  /**
   * @param settings stage parameters
   * @param grid the pressure belt's geometry, or {@code null} for force-only input
   * @param sink receives feet, gait events and steps
   */
  public GaitAnalyzer(GaitSettings settings, PressureGrid grid, GaitAnalysisSink sink) {
    this.drift = new DriftCompensator(settings.drift(), settings.events());
    this.contact = grid == null ? null : new FootContactEstimator(grid, settings.contact(), drift);
    this.leftDetector = new FootEventDetector(Side.LEFT, settings.events());
    this.rightDetector = new FootEventDetector(Side.RIGHT, settings.events());
    this.symmetry = new SymmetryTracker(settings.symmetryWindowSteps(), settings.forceFloorScale());
    this.sink = sink;
    this.assembler = new StepAssembler(new StepsToSink());
  }

  /**
   * One pressure frame of one belt.
   *
   * @param cells {@code rows*cols} u16 counts (0.01 N/cm²), row-major, from {@code offset}; an
   *     analyzer built without a grid drops the frame and counts it ({@link #droppedFrames()})
   */
  public void onPressureFrame(long timeNs, int belt, char[] cells, int offset) {
    if (contact == null) {
      droppedFrames++;
      return;
    }
    onContact(contact.onFrame(timeNs, belt, cells, offset));
  }

  /**
   * A pressure frame whose head was netted ahead on another thread ({@link #contact()}, {@link
   * FootContactEstimator#netHead}); the same as {@link #onPressureFrame} from there on.
   */
  public void onBegunFrame(long timeNs, char[] cells, int offset, NettedHead head) {
    if (contact == null) {
      droppedFrames++;
      return;
    }
    onContact(contact.finish(timeNs, cells, offset, head));
  }

  private void onContact(int updated) {
    if ((updated & FootContactEstimator.LEFT_UPDATED) != 0) {
      onFoot(Side.LEFT, contact.sample(Side.LEFT));
    }
    if ((updated & FootContactEstimator.RIGHT_UPDATED) != 0) {
      onFoot(Side.RIGHT, contact.sample(Side.RIGHT));
    }
    reportFeet(contact.sample(Side.LEFT), contact.sample(Side.RIGHT));
  }

  /**
   * Per-foot vertical forces without pressure frames (recordings, instrumented split belts).
   *
   * @param leftForceN left vertical force, N (or the recording's unit)
   * @param rightForceN right vertical force
   * @param leftCopApM left COP along the direction of travel, m, NaN if unknown
   * @param rightCopApM right COP along the direction of travel, m, NaN if unknown
   */
  public void onFootForces(
      long timeNs, double leftForceN, double rightForceN, double leftCopApM, double rightCopApM) {
    forceOnly(leftForceOnly, Side.LEFT, timeNs, leftForceN, leftCopApM);
    forceOnly(rightForceOnly, Side.RIGHT, timeNs, rightForceN, rightCopApM);
    onFoot(Side.LEFT, leftForceOnly);
    onFoot(Side.RIGHT, rightForceOnly);
    reportFeet(leftForceOnly, rightForceOnly);
  }

  private void reportFeet(FootSample left, FootSample right) {
    sink.onFoot(Side.LEFT, left, leftDetector.loaded());
    sink.onFoot(Side.RIGHT, right, rightDetector.loaded());
  }

  private void forceOnly(FootSample out, Side side, long timeNs, double rawN, double copApM) {
    drift.onFootForce(side, timeNs, rawN);
    out.timeNs = timeNs;
    out.rawForceN = rawN;
    out.forceN = rawN * drift.gain();
    out.copApM = copApM;
    out.copMlM = Double.NaN;
    out.contactAreaM2 = 0.0;
  }

  /** Harness unloading measured by the load cell, N. */
  public void onUnloading(long timeNs, double unloadingN) {
    drift.onUnloading(timeNs, unloadingN);
  }

  /** Belt speed, m/s. */
  public void onBeltSpeed(long timeNs, double beltSpeedMps) {
    assembler.onBeltSpeed(timeNs, beltSpeedMps);
  }

  private void onFoot(Side side, FootSample sample) {
    FootEventDetector detector = side == Side.LEFT ? leftDetector : rightDetector;
    switch (detector.onSample(sample.timeNs, sample.forceN)) {
      case GAP -> assembler.onGap(side);
      case HEEL_STRIKE -> {
        long eventNs = detector.eventTimeNs();
        sink.onGaitEvent(side, GaitEventKind.HEEL_STRIKE, eventNs);
        assembler.onHeelStrike(side, eventNs, sample);
      }
      case TOE_OFF -> {
        long eventNs = detector.eventTimeNs();
        sink.onGaitEvent(side, GaitEventKind.TOE_OFF, eventNs);
        assembler.onToeOff(side, eventNs);
      }
      case NONE -> {}
    }
    assembler.onSample(side, sample);
  }

  /**
   * The foot-contact estimator, for a replay that begins frames ahead; null for force-only input.
   */
  public FootContactEstimator contact() {
    return contact;
  }

  /** Frames given to an analyzer built for force-only input (a wiring error). */
  public long droppedFrames() {
    return droppedFrames;
  }

  /** Drift compensation, for its diagnostics (gain, accepted strides). */
  public DriftCompensator drift() {
    return drift;
  }

  /** The event detector of {@code side}, for its counters (gaps, dropped samples). */
  public FootEventDetector detector(Side side) {
    return side == Side.LEFT ? leftDetector : rightDetector;
  }

  /** The step assembler, for its counters (steps, discarded steps). */
  public StepAssembler steps() {
    return assembler;
  }

  /** The step assembler's output: the symmetry tracker takes each step before the sink sees it. */
  private final class StepsToSink implements StepListener {

    @Override
    public void onStep(StepRecordView step) {
      symmetry.onStep(step);
      sink.onStep(step, symmetry);
    }

    @Override
    public void onStepDiscarded(Side side) {
      sink.onStepDiscarded(side);
    }
  }
}
