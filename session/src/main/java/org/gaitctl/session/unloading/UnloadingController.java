package org.gaitctl.session.unloading;

import org.gaitctl.core.gait.Side;

/**
 * Closed-loop unloading: turns a target in percent body weight into the FORCE_SET to command each
 * control cycle, so that the tension the independent harness load cell measures stays at the
 * target. The BWS unit closes its own force loop on its own sensor; this loop sits outside it:
 *
 * <ul>
 *   <li>an outer PI on the load-cell error, which removes the unit's sensor gain error and slow
 *       drifts (integration frozen while the harness is held, the belt is paused, the load-cell
 *       stream is late, and while target plus integral lie beyond the unloading range in the
 *       error's direction: anti-windup by conditional integration);
 *   <li>a phase-indexed feed-forward ({@link PhaseFeedForward}) learned from the error in steady
 *       walking only ({@link StridePhase}), which cancels the within-stride tension swing that the
 *       centre-of-mass motion causes; forgotten after a long pause or a change of belt speed.
 * </ul>
 *
 * <p>The command is clamped to the profile's unloading range and rate-limited to its force rate.
 * Pure: time and inputs in, command out; no threads, no I/O. Called by the session thread, one
 * {@link #update} per control cycle; step events through {@link #onHeelStrike}. Allocation-free
 * after construction.
 */
public final class UnloadingController {

  static final double GRAVITY_MPS2 = 9.81;

  /** Slower than this the belt is paused: no gait to learn, nothing to integrate. */
  static final double PAUSED_BELT_SPEED_MPS = 0.05;

  private final UnloadingSettings settings;
  private final double bodyWeightN;
  private final StridePhase stride;
  private final PhaseFeedForward feedForward;
  private double targetN;
  private double integralN;
  private double lastCommandN;
  private long lastUpdateNs;
  private double learnedSpeedMps = Double.NaN;
  private boolean started;
  private boolean clamped;
  private long clampedCycles;
  private UnloadingMode mode = UnloadingMode.IDLE;

  public UnloadingController(UnloadingSettings settings, double bodyMassKg) {
    if (!(bodyMassKg > 0)) {
      throw new IllegalArgumentException("bodyMassKg must be positive: " + bodyMassKg);
    }
    this.settings = settings;
    this.bodyWeightN = bodyMassKg * GRAVITY_MPS2;
    this.stride = new StridePhase(settings.steadyStrides(), settings.strideToleranceFraction());
    this.feedForward = new PhaseFeedForward(settings.phaseBins(), settings.learningGain());
  }

  /** Sets the target unloading, percent of body weight (mass × g × percent / 100). */
  public void targetPercentBodyWeight(double percent) {
    if (!(percent >= 0 && percent <= 100)) {
      throw new IllegalArgumentException("unloading must be 0..100 % body weight: " + percent);
    }
    targetN = bodyWeightN * percent / 100;
  }

  /** The target unloading, N: the tension the supervisor should expect while the loop runs. */
  public double targetN() {
    return targetN;
  }

  /**
   * Starts (or restarts) the loop from the FORCE_SET now in the unit: the commands move from it to
   * the target at the force rate (bumpless), and the integral starts from zero.
   */
  public void start(long nowNs, double forceSetN) {
    lastCommandN = forceSetN;
    integralN = 0;
    lastUpdateNs = nowNs;
    mode = UnloadingMode.IDLE;
    started = true;
  }

  /** A heel strike from the step events (its own time, not its arrival). */
  public void onHeelStrike(Side side, long timeNs) {
    if (stride.onHeelStrike(side, timeNs)) {
      feedForward.endOfStride();
    }
  }

  /**
   * One control cycle.
   *
   * @param nowNs the cycle's time
   * @param loadCellN latest measured unloading (the pipeline's filtered load cell), N; not finite
   *     counts as a late stream
   * @param loadCellSampleNs arrival time of that sample
   * @param beltSpeedMps the belt speed setpoint now, m/s
   * @param harnessHeld the BWS unit reports HOLD (braked)
   * @return the FORCE_SET to command, N, within the unloading range and the force rate
   */
  public double update(
      long nowNs,
      double loadCellN,
      long loadCellSampleNs,
      double beltSpeedMps,
      boolean harnessHeld) {
    if (!started) {
      throw new IllegalStateException("unloading loop updated before start");
    }
    double dtS = Math.max(0, nowNs - lastUpdateNs) * 1e-9;
    lastUpdateNs = nowNs;
    forgetOnPauseOrNewSpeed(nowNs, beltSpeedMps);
    boolean paused = beltSpeedMps < PAUSED_BELT_SPEED_MPS;
    // A non-finite reading (a sensor fault upstream) is as useless as a late one.
    boolean fresh =
        Double.isFinite(loadCellN) && nowNs - loadCellSampleNs <= settings.maxSampleAgeNs();
    boolean steady = !paused && stride.steady(nowNs);
    mode = modeOf(harnessHeld, paused, fresh, steady);

    boolean errorUsable = mode != UnloadingMode.HELD && mode != UnloadingMode.STREAM_LATE;
    double errorN = errorUsable ? targetN - loadCellN : 0;
    double proportionalN = errorUsable ? settings.proportionalGain() * errorN : 0;
    double feedForwardN =
        steady && mode != UnloadingMode.HELD ? feedForward.correctionN(stride.phase(nowNs, 0)) : 0;
    double wantedN = targetN + integralN + proportionalN + feedForwardN;
    double inRangeN =
        Math.max(settings.minUnloadingN(), Math.min(settings.maxUnloadingN(), wantedN));
    double maxChangeN = settings.maxForceRateNPerS() * dtS;
    double commandN =
        Math.max(lastCommandN - maxChangeN, Math.min(lastCommandN + maxChangeN, inRangeN));
    clamped = commandN != wantedN;
    if (clamped) {
      clampedCycles++;
    }
    // Anti-windup. The integral is the command's mean: it stops only when target plus integral
    // leave the unloading range in the error's direction. Clamps of the zero-mean parts (P,
    // feed-forward) pass within the stride, and stopping the integral on them would bias the mean.
    // The feed-forward stops on any clamp: a swing faster than the force rate cannot be cancelled,
    // and learning it would only grow the table.
    double meanN = targetN + integralN;
    boolean integralWindsUp =
        (meanN >= settings.maxUnloadingN() && errorN > 0)
            || (meanN <= settings.minUnloadingN() && errorN < 0);
    boolean adapting = mode == UnloadingMode.TRACKING || mode == UnloadingMode.LEARNING;
    if (adapting && !integralWindsUp) {
      integralN += settings.integralGainPerS() * errorN * dtS;
    }
    if (mode == UnloadingMode.LEARNING && !clamped) {
      feedForward.learn(stride.phase(nowNs, -settings.learningLeadNs()), errorN);
    }
    lastCommandN = commandN;
    return commandN;
  }

  private void forgetOnPauseOrNewSpeed(long nowNs, double beltSpeedMps) {
    boolean newSpeed = !(Math.abs(beltSpeedMps - learnedSpeedMps) <= settings.speedResetMps());
    boolean longPause = stride.sinceHeelStrikeNs(nowNs) > settings.pauseResetNs();
    if (newSpeed || longPause) {
      feedForward.reset();
      stride.reset();
      learnedSpeedMps = beltSpeedMps;
    }
  }

  private static UnloadingMode modeOf(
      boolean harnessHeld, boolean paused, boolean fresh, boolean steady) {
    if (harnessHeld) {
      return UnloadingMode.HELD;
    }
    if (paused) {
      return UnloadingMode.PAUSED;
    }
    if (!fresh) {
      return UnloadingMode.STREAM_LATE;
    }
    return steady ? UnloadingMode.LEARNING : UnloadingMode.TRACKING;
  }

  public UnloadingMode mode() {
    return mode;
  }

  /** True when the last command was clamped by the unloading range or the force rate. */
  public boolean lastCommandClamped() {
    return clamped;
  }

  /** Cycles whose command was clamped since construction. */
  public long clampedCycles() {
    return clampedCycles;
  }

  /** The outer loop's integral, N (the sensor gain error and drift it has taken up). */
  public double integralN() {
    return integralN;
  }

  /** Largest learned feed-forward correction, N. */
  public double feedForwardPeakN() {
    return feedForward.peakN();
  }
}
