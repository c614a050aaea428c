package org.gaitctl.sim.patient;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gaitctl.core.gait.Side;

/**
 * The exact ground truth of every step: opened at the heel strike, completed at the toe off and
 * then handed to the listeners. Single-threaded (the simulation world's); listeners run on it.
 */
final class GroundTruthTracker {

  private final List<GroundTruthListener> listeners = new CopyOnWriteArrayList<>();
  private final OpenStep[] openSteps = {new OpenStep(), new OpenStep()};
  private final long[] lastHeelStrikeNs = new long[2];
  private final boolean[] hasLastHeelStrike = new boolean[2];
  private long nextStepIndex;

  void addListener(GroundTruthListener listener) {
    listeners.add(listener);
  }

  /**
   * Opens the step of {@code side} that {@code landed} begins at {@code atNs}.
   *
   * @param stepLengthM the step's length, m, NaN when the other foot was not on the belt
   */
  void open(Side side, long atNs, StancePlan landed, double stepLengthM) {
    int s = side.ordinal();
    int other = side.opposite().ordinal();
    OpenStep open = openSteps[s];
    open.active = true;
    open.index = nextStepIndex++;
    open.kind = landed.kind;
    open.heelStrikeNs = atNs;
    open.stepTimeNs =
        hasLastHeelStrike[other] ? atNs - lastHeelStrikeNs[other] : GroundTruthStep.UNKNOWN_NS;
    open.stepLengthM = stepLengthM;
    open.peakForceN = landed.peakN;
    open.heelApM = landed.heelApM;
    open.footMlM = landed.footMlM;
    lastHeelStrikeNs[s] = atNs;
    hasLastHeelStrike[s] = true;
  }

  /** The open step of {@code side} turned out to be {@code kind} (a stop). */
  void reclassify(Side side, StepKind kind) {
    openSteps[side.ordinal()].kind = kind;
  }

  /** The open step's impulse, once its stance is planned in full, N·s. */
  void impulse(Side side, double impulseNewtonSeconds) {
    openSteps[side.ordinal()].impulseNewtonSeconds = impulseNewtonSeconds;
  }

  /** The kind of {@code side}'s open step, or {@link StepKind#WALK} if none is open. */
  StepKind openKind(Side side) {
    OpenStep open = openSteps[side.ordinal()];
    return open.active ? open.kind : StepKind.WALK;
  }

  /**
   * Completes the open step of {@code side} at {@code toeOffNs} as {@code kind}, if one is open.
   */
  void complete(Side side, long toeOffNs, StepKind kind) {
    OpenStep open = openSteps[side.ordinal()];
    if (!open.active) {
      return;
    }
    open.active = false;
    boolean exactForce = kind == StepKind.WALK || kind == StepKind.STUMBLE;
    GroundTruthStep step =
        new GroundTruthStep(
            open.index,
            side,
            kind,
            open.heelStrikeNs,
            toeOffNs,
            open.stepTimeNs,
            open.stepLengthM,
            exactForce ? open.peakForceN : Double.NaN,
            exactForce ? open.impulseNewtonSeconds : Double.NaN,
            open.heelApM,
            open.footMlM);
    for (GroundTruthListener listener : listeners) {
      listener.onStep(step);
    }
  }

  /** Drops the open step of {@code side} without a record (it was completed as a fall). */
  void close(Side side) {
    openSteps[side.ordinal()].active = false;
  }

  /** {@code side} stands: the next step of the other foot has no step time. */
  void forgetHeelStrike(Side side) {
    hasLastHeelStrike[side.ordinal()] = false;
  }

  /** The ground truth of a stance in progress, completed at its toe off. */
  private static final class OpenStep {
    boolean active;
    long index;
    StepKind kind = StepKind.WALK;
    long heelStrikeNs;
    long stepTimeNs;
    double stepLengthM;
    double peakForceN;
    double impulseNewtonSeconds;
    double heelApM;
    double footMlM;
  }
}
