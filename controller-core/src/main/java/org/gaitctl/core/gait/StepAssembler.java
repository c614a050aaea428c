package org.gaitctl.core.gait;

/**
 * Builds a {@link StepRecord} per step from both feet's heel strikes, toe offs and force samples,
 * and publishes it the moment it completes, at the next heel strike of the same foot (only then are
 * stride time and swing known).
 *
 * <p>Step length is measured on the belt: the heel's centre of pressure at this heel strike minus
 * the other heel's at its heel strike, plus the belt travel between the two (integrated from belt
 * speed), so a planted foot carried backwards keeps its place. Overground (no speed) the travel is
 * zero and positions are in the lab frame.
 *
 * <p>Single-threaded (the gait analysis stage or the offline analysis); allocation-free. Calls the
 * listener on the calling thread.
 */
public final class StepAssembler {

  private final StepListener listener;
  private final FootStance left = new FootStance();
  private final FootStance right = new FootStance();
  private final BeltTravel beltTravel = new BeltTravel();
  private final StepRecord record = new StepRecord();
  private long steps;
  private long discardedSteps;

  /**
   * @param listener receives every completed and every dropped step, on the caller's thread
   */
  public StepAssembler(StepListener listener) {
    this.listener = listener;
  }

  /** Belt speed now, m/s (from the drive's SPEED_ACT or a recording). */
  public void onBeltSpeed(long timeNs, double beltSpeedMps) {
    beltTravel.onSpeed(timeNs, beltSpeedMps);
  }

  /**
   * A heel strike of {@code side} at {@code eventNs}, confirmed by {@code confirming} (whose COP is
   * taken as the heel's position). Completes and publishes that foot's previous step if its toe off
   * was seen.
   */
  public void onHeelStrike(Side side, long eventNs, FootSampleView confirming) {
    FootStance foot = foot(side);
    FootStance other = foot(side.opposite());
    if (foot.phase == FootStance.Phase.SWING) {
      publish(side, foot, other, eventNs);
    } else if (foot.phase == FootStance.Phase.STANCE) {
      discardedSteps++;
      listener.onStepDiscarded(side);
    }
    long previousHeelStrikeNs =
        foot.phase == FootStance.Phase.NONE ? Long.MIN_VALUE : foot.heelStrikeNs;
    double previousCopApM = foot.heelCopApM;
    double previousTravelM = foot.heelTravelM;
    boolean hadPrevious = foot.phase != FootStance.Phase.NONE;
    double travelM = beltTravel.travelAtM(confirming.timeNs());
    foot.startStance(eventNs, confirming.copApM(), travelM);
    foot.strideLengthM =
        hadPrevious ? confirming.copApM() - previousCopApM + travelM - previousTravelM : Double.NaN;
    boolean otherStruckSince =
        other.phase != FootStance.Phase.NONE
            && (!hadPrevious || other.heelStrikeNs - previousHeelStrikeNs > 0)
            && eventNs - other.heelStrikeNs > 0;
    if (otherStruckSince) {
      foot.stepTimeS = (eventNs - other.heelStrikeNs) * 1e-9;
      foot.stepLengthM = confirming.copApM() - other.heelCopApM + travelM - other.heelTravelM;
    } else {
      foot.stepTimeS = Double.NaN;
      foot.stepLengthM = Double.NaN;
    }
  }

  /** A toe off of {@code side} at {@code eventNs}; ignored unless that foot is in stance. */
  public void onToeOff(Side side, long eventNs) {
    FootStance foot = foot(side);
    if (foot.phase == FootStance.Phase.STANCE) {
      foot.endStance(eventNs);
    }
  }

  /** A force sample of {@code side}; counts towards the stance in progress, if any. */
  public void onSample(Side side, FootSampleView sample) {
    FootStance foot = foot(side);
    if (foot.phase == FootStance.Phase.STANCE) {
      foot.add(sample);
    }
  }

  /** The data of {@code side} had a gap: its open step cannot be completed and is dropped. */
  public void onGap(Side side) {
    FootStance foot = foot(side);
    if (foot.phase != FootStance.Phase.NONE) {
      discardedSteps++;
      listener.onStepDiscarded(side);
    }
    foot.abandon();
  }

  private void publish(Side side, FootStance foot, FootStance other, long nextHeelStrikeNs) {
    StepRecord r = record;
    r.stepIndex = steps++;
    r.side = side;
    r.heelStrikeNs = foot.heelStrikeNs;
    r.toeOffNs = foot.toeOffNs;
    r.nextHeelStrikeNs = nextHeelStrikeNs;
    r.strideTimeS = (nextHeelStrikeNs - foot.heelStrikeNs) * 1e-9;
    r.stanceTimeS = (foot.toeOffNs - foot.heelStrikeNs) * 1e-9;
    r.swingTimeS = (nextHeelStrikeNs - foot.toeOffNs) * 1e-9;
    r.stepTimeS = foot.stepTimeS;
    r.cadenceStepsPerMin = foot.stepTimeS > 0 ? 60.0 / foot.stepTimeS : Double.NaN;
    r.stepLengthM = foot.stepLengthM;
    r.strideLengthM = foot.strideLengthM;
    long otherToeOffNs = other.toeOffBetween(foot.heelStrikeNs, foot.toeOffNs);
    long otherHeelStrikeNs = other.heelStrikeBetween(foot.heelStrikeNs, foot.toeOffNs);
    if (otherToeOffNs != FootStance.NOT_FOUND
        && otherHeelStrikeNs != FootStance.NOT_FOUND
        && otherHeelStrikeNs - otherToeOffNs > 0) {
      r.singleSupportS = (otherHeelStrikeNs - otherToeOffNs) * 1e-9;
      r.doubleSupportS = r.stanceTimeS - r.singleSupportS;
    } else {
      r.singleSupportS = Double.NaN;
      r.doubleSupportS = Double.NaN;
    }
    r.stepWidthM = Math.abs(foot.lastStanceMlM - other.lastStanceMlM);
    r.peakForceN = foot.peakForce;
    r.loadingRateNps = foot.loadingRate();
    r.impulseNewtonSeconds = foot.impulseNewtonSeconds;
    listener.onStep(r);
  }

  private FootStance foot(Side side) {
    return side == Side.LEFT ? left : right;
  }

  /** Steps published so far. */
  public long steps() {
    return steps;
  }

  /** Steps dropped because a toe off was missing or the data had a gap. */
  public long discardedSteps() {
    return discardedSteps;
  }
}
