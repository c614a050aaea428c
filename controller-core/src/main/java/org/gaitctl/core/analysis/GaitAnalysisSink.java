package org.gaitctl.core.analysis;

import org.gaitctl.core.gait.FootSampleView;
import org.gaitctl.core.gait.GaitEventKind;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepRecordView;
import org.gaitctl.core.symmetry.SymmetryTracker;

/**
 * Where {@link GaitAnalyzer} writes everything it finds, during the call that found it: the ring
 * stage writes into the event's slot, the offline analysis collects rows. Nothing is read back from
 * the analyzer afterwards.
 *
 * <p>Called on the analyzer's thread. The arguments are the analyzer's reused objects: valid during
 * the call only, copy what you keep. Implementations on the live path must not block or allocate.
 */
public interface GaitAnalysisSink {

  /**
   * The latest sample of one foot, after each pressure frame or force sample (both feet, left
   * first), once the events it raised have been reported.
   *
   * @param inStance the foot is in stance according to its event detector
   */
  void onFoot(Side side, FootSampleView sample, boolean inStance);

  /** A heel strike or toe off of {@code side} at {@code timeNs}, interpolated, ns. */
  void onGaitEvent(Side side, GaitEventKind kind, long timeNs);

  /** A completed step, with the symmetry tracker after it has taken the step. */
  void onStep(StepRecordView step, SymmetryTracker symmetry);

  /** An open step of {@code side} was dropped: its toe off was missing or its data had a gap. */
  void onStepDiscarded(Side side);
}
