package org.gaitctl.sim.patient;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gaitctl.config.BeltGeometry;
import org.gaitctl.config.PatientSettings;
import org.gaitctl.core.gait.Side;
import org.gaitctl.sim.PatientBody;
import org.gaitctl.sim.PressureFrameSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulated patient walking on the pressure-sensing belt: gait timing, vertical ground reaction
 * force per foot, centre-of-mass motion, plantar pressure frames and the exact ground truth of
 * every step. The equations and defaults are in {@code docs/PATIENT-MODEL.md}.
 *
 * <p><b>Threads.</b> One thread (the simulation world's) calls {@link #advance} and reads the
 * {@link PatientBody} values; listeners run on it. Any thread may call {@link #render}, {@link
 * #groundForceN(Side, long)}, {@link #stumble()}, {@link #fall()} and {@link #recover()}. Each
 * advance plans steps ahead and publishes a snapshot of the plans under a small lock; {@link
 * #render} copies the snapshot (no allocation) and evaluates the feet <em>at the frame's own
 * time</em>: forces are analytic in time, so a frame between two advances, or a few milliseconds
 * after the last one, is exact rather than held. Renders further ahead than the next planned step
 * show feet that are not yet planned.
 *
 * <p><b>Gait.</b> Standing at belt speed 0 (both feet carrying half the supported weight); when the
 * belt reaches {@link PatientModelOptions#walkStartSpeedMps()} the patient starts walking within a
 * step (the trailing foot lifts after one double support); when the belt is slower than {@link
 * PatientModelOptions#walkStopSpeedMps()} at a heel strike, the other foot makes a last step beside
 * it and the patient stands. Cadence follows speed ({@link GaitNorms}); stance time, step length
 * and peak force are set per side by the asymmetry settings; each step's impulse is chosen so that,
 * averaged over a stride, left + right ground force = m·g − unloading.
 *
 * <p><b>Time.</b> {@code timeNs} values are the model's time base (any origin); they must not go
 * backwards. The speed and unloading given to an advance apply over the interval since the previous
 * one.
 */
public final class PatientGaitModel implements PatientBody, PressureFrameSource {

  /** What the patient is doing. */
  public enum GaitState {
    STANDING,
    WALKING,
    /** Making the last steps before standing. */
    STOPPING,
    /** Feet off the belt: the harness carries the whole weight. */
    FALLEN
  }

  static final double GRAVITY_MPS2 = 9.81;

  private static final Logger LOG = LoggerFactory.getLogger(PatientGaitModel.class);
  private static final Side[] SIDES = Side.values();
  private static final long NS_PER_S = 1_000_000_000L;
  private static final long MIN_SWING_NS = 100_000_000L;
  private static final long MIN_DOUBLE_SUPPORT_NS = 20_000_000L;
  private static final long MIN_STUMBLE_DELAY_NS = 20_000_000L;

  /** Share of the step-to-step variability that is independent per step (the rest per stride). */
  private static final double INDEPENDENT_SHARE = 0.2;

  /** Fraction of the drift from the home position corrected per stride. */
  private static final double POSITION_GAIN = 0.5;

  private static final double STUMBLE_STANCE_FACTOR = 0.8;
  private static final double STUMBLE_PEAK_FACTOR = 1.3;
  private static final double STUMBLE_LENGTH_FACTOR = 0.5;
  private static final double SAME_POSITION_M = 0.01;
  private static final double MIN_UNLOADING_WINDOW_S = 0.2;

  private final PatientSettings settings;
  private final PatientModelOptions options;
  private final BeltGeometry geometry;
  private final GaitNorms norms;
  private final FootprintRenderer footprints;
  private final SensorDrift drift;
  private final SplittableRandom random;
  private final double weightN;
  private final double strideSigma;
  private final double stepSigma;
  private final List<GroundTruthListener> listeners = new CopyOnWriteArrayList<>();

  private final AtomicBoolean stumbleRequested = new AtomicBoolean();
  private final AtomicBoolean fallRequested = new AtomicBoolean();
  private final AtomicBoolean recoverRequested = new AtomicBoolean();

  // World-thread state.
  private final GaitSnapshot state = new GaitSnapshot();
  private final boolean[] inContact = new boolean[2];
  private final OpenStep[] openSteps = {new OpenStep(), new OpenStep()};
  private final long[] lastRealHeelStrikeNs = new long[2];
  private final boolean[] hasLastRealHeelStrike = new boolean[2];
  private final long[] strideStartNs = new long[2];
  private final double[] strideStartUnloadingNewtonSeconds = new double[2];
  private final boolean[] hasStrideStart = new boolean[2];
  private final ComIntegrator com = new ComIntegrator();
  private volatile GaitState gaitState = GaitState.STANDING;
  private long lastNs;
  private double unloadingN;
  private double unloadingIntegralNewtonSeconds;
  private double strideTimeZ;
  private double strideForceZ;
  private double strideCorrectionM;
  private double plannedStrideS;
  private long nextStepIndex;
  private double centredImpulseSumNewtonSeconds;
  private double ledgerReferenceNewtonSeconds;
  private boolean hasLedgerReference;
  private double comAccelerationMps2;

  // Hand-over to rendering threads.
  private final Object publishLock = new Object();
  private final GaitSnapshot published = new GaitSnapshot();
  private final Object renderLock = new Object();
  private final GaitSnapshot renderCopy = new GaitSnapshot();
  private final double[] countsScratch;
  private volatile int overRangeCells;

  /** The patient with default {@link PatientModelOptions}. */
  public PatientGaitModel(PatientSettings settings, BeltGeometry geometry) {
    this(settings, geometry, PatientModelOptions.defaults());
  }

  public PatientGaitModel(
      PatientSettings settings, BeltGeometry geometry, PatientModelOptions options) {
    validate(settings, geometry);
    this.settings = settings;
    this.options = options;
    this.geometry = geometry;
    this.norms = new GaitNorms(settings.legLengthM());
    this.footprints = new FootprintRenderer(geometry, options);
    this.drift = new SensorDrift(options);
    this.random = new SplittableRandom(settings.seed());
    this.weightN = settings.bodyMassKg() * GRAVITY_MPS2;
    double cv = settings.variabilityPercent() / 100.0;
    this.stepSigma = INDEPENDENT_SHARE * cv;
    this.strideSigma = Math.sqrt(1.0 - INDEPENDENT_SHARE * INDEPENDENT_SHARE) * cv;
    this.countsScratch = new double[geometry.cellsPerBelt()];
  }

  /** Adds a receiver of every completed step; add before the first advance to miss none. */
  public void addGroundTruthListener(GroundTruthListener listener) {
    listeners.add(listener);
  }

  public GaitState gaitState() {
    return gaitState;
  }

  /**
   * Makes the patient stumble: the swing foot comes down early (half its remaining swing) for a
   * short step with a harder impact, recorded as {@link StepKind#STUMBLE}. In double support it
   * takes the next swing. Ignored unless walking. Any thread; applied at the next advance.
   */
  public void stumble() {
    stumbleRequested.set(true);
  }

  /**
   * Makes the patient fall: at the next advance both feet leave the belt, the ground force drops to
   * zero and the harness takes the whole weight; open stances are recorded as {@link
   * StepKind#FALL}. Any thread.
   */
  public void fall() {
    fallRequested.set(true);
  }

  /** Puts a fallen patient back on both feet, standing. Any thread; applied at the next advance. */
  public void recover() {
    recoverRequested.set(true);
  }

  @Override
  public double bodyMassKg() {
    return settings.bodyMassKg();
  }

  @Override
  public void advance(long timeNs, double beltSpeedMps, double unloadingN) {
    if (!Double.isFinite(beltSpeedMps) || !Double.isFinite(unloadingN)) {
      throw new IllegalArgumentException(
          "patient advance: belt speed "
              + beltSpeedMps
              + " m/s and unloading "
              + unloadingN
              + " N must be finite");
    }
    double speedMps = Math.max(0.0, beltSpeedMps);
    this.unloadingN = Math.max(0.0, unloadingN);
    if (!state.started) {
      start(timeNs, speedMps);
      return;
    }
    if (timeNs - lastNs < 0) {
      throw new IllegalArgumentException(
          "patient advance: time went backwards from " + lastNs + " to " + timeNs + " ns");
    }
    state.beltSpeedMps = speedMps;
    processEventsUntil(timeNs);
    double dtS = (timeNs - lastNs) * 1e-9;
    unloadingIntegralNewtonSeconds += this.unloadingN * dtS;
    state.beltPosM = state.beltPosAt(timeNs);
    state.timeNs = timeNs;
    lastNs = timeNs;
    state.standingShareN = 0.5 * supportedWeightN(this.unloadingN);

    applyRequests(timeNs);
    if (gaitState == GaitState.STANDING && speedMps >= options.walkStartSpeedMps()) {
      initiateGait(timeNs);
    }
    integrateCom(timeNs, dtS);
    publish();
  }

  @Override
  public double comDisplacementM() {
    return com.displacementM();
  }

  @Override
  public double comAccelerationMps2() {
    return comAccelerationMps2;
  }

  /**
   * True vertical ground force under {@code side} at {@code timeNs} (no sensor drift), N, from the
   * last published plans. Any thread; no allocation.
   */
  public double groundForceN(Side side, long timeNs) {
    synchronized (renderLock) {
      copyPublished();
      return renderCopy.footForceN(side, timeNs);
    }
  }

  /** Cells that read full scale in the last rendered frame (STATUS over-range). Any thread. */
  public int overRangeCells() {
    return overRangeCells;
  }

  @Override
  public int belts() {
    return geometry.belts();
  }

  @Override
  public int rows() {
    return geometry.rows();
  }

  @Override
  public int cols() {
    return geometry.cols();
  }

  @Override
  public long pitchXUm() {
    return geometry.pitchXUm();
  }

  @Override
  public long pitchYUm() {
    return geometry.pitchYUm();
  }

  /**
   * Renders the pressure under the feet at {@code timeNs} on {@code belt}, with the sensor drift.
   * Any thread (renders are serialised); no allocation. Before the first advance the belt is empty
   * (baseline only).
   */
  @Override
  public void render(long timeNs, int belt, char[] cells) {
    if (belt < 0 || belt >= geometry.belts()) {
      throw new IllegalArgumentException(
          "belt " + belt + " does not exist; this belt unit has " + geometry.belts());
    }
    if (cells.length != geometry.cellsPerBelt()) {
      throw new IllegalArgumentException(
          "cells has " + cells.length + " entries, a belt has " + geometry.cellsPerBelt());
    }
    synchronized (renderLock) {
      copyPublished();
      Arrays.fill(countsScratch, 0.0);
      double blend = renderCopy.standingBlendAt(timeNs);
      for (Side side : SIDES) {
        StancePlan contact = renderCopy.contactAt(side, timeNs);
        double forceN = renderCopy.footForceN(side, timeNs);
        if (contact == null || !(forceN > 0.0)) {
          continue;
        }
        double heelApM = contact.heelApAt(renderCopy.beltPosAt(timeNs));
        double phase = contact.footprintPhaseAt(timeNs, blend);
        footprints.accumulate(belt, side, heelApM, contact.footMlM, phase, forceN, countsScratch);
      }
      double gain = renderCopy.started ? drift.gain(timeNs - renderCopy.originNs) : 1.0;
      overRangeCells =
          footprints.writeCells(countsScratch, gain, drift.baselineOffsetCounts(), cells);
    }
  }

  // ---------------------------------------------------------------- events

  private void start(long timeNs, double speedMps) {
    state.started = true;
    state.originNs = timeNs;
    state.timeNs = timeNs;
    state.beltSpeedMps = speedMps;
    state.beltPosM = 0.0;
    state.standingShareN = 0.5 * supportedWeightN(unloadingN);
    lastNs = timeNs;
    standUp(timeNs);
    if (speedMps >= options.walkStartSpeedMps()) {
      initiateGait(timeNs);
    }
    publish();
  }

  private void processEventsUntil(long timeNs) {
    while (true) {
      long eventNs = Long.MAX_VALUE;
      Side eventSide = null;
      boolean toeOff = false;
      for (Side side : SIDES) {
        StancePlan current = state.plan(side, GaitSnapshot.CURRENT);
        StancePlan next = state.plan(side, GaitSnapshot.NEXT);
        if (inContact[side.ordinal()]) {
          if (current.contactEndNs != StancePlan.OPEN_END_NS && current.contactEndNs < eventNs) {
            eventNs = current.contactEndNs;
            eventSide = side;
            toeOff = true;
          }
        } else if (next.active && next.contactStartNs < eventNs) {
          eventNs = next.contactStartNs;
          eventSide = side;
          toeOff = false;
        }
      }
      if (eventSide == null || eventNs - timeNs > 0) {
        boolean settled =
            gaitState == GaitState.STOPPING
                && state.blendTo == 1.0
                && state.blendEndNs - timeNs <= 0;
        if (settled) {
          gaitState = GaitState.STANDING;
        }
        return;
      }
      if (toeOff) {
        toeOff(eventSide, eventNs);
      } else {
        heelStrike(eventSide, eventNs);
      }
    }
  }

  private void heelStrike(Side side, long atNs) {
    int s = side.ordinal();
    Side other = side.opposite();
    StancePlan[] foot = state.plans[s];
    foot[GaitSnapshot.PREVIOUS].copyFrom(foot[GaitSnapshot.CURRENT]);
    foot[GaitSnapshot.CURRENT].copyFrom(foot[GaitSnapshot.NEXT]);
    foot[GaitSnapshot.NEXT].clear();
    StancePlan landed = foot[GaitSnapshot.CURRENT];

    double beltPosM = state.beltPosAt(atNs);
    double stepLengthM = Double.NaN;
    if (inContact[other.ordinal()]) {
      double trailingHeelM = state.plan(other, GaitSnapshot.CURRENT).heelApAt(beltPosM);
      landed.heelApM = trailingHeelM - landed.plannedStepLengthM;
      stepLengthM = landed.plannedStepLengthM;
    } else {
      landed.heelApM = landed.heelApAt(beltPosM);
    }
    landed.anchorBeltPosM = beltPosM;
    inContact[s] = true;

    OpenStep open = openSteps[s];
    open.active = true;
    open.index = nextStepIndex++;
    open.kind = landed.kind;
    open.heelStrikeNs = atNs;
    open.stepTimeNs =
        hasLastRealHeelStrike[other.ordinal()]
            ? atNs - lastRealHeelStrikeNs[other.ordinal()]
            : GroundTruthStep.UNKNOWN_NS;
    open.stepLengthM = stepLengthM;
    open.peakForceN = landed.peakN;
    open.heelApM = landed.heelApM;
    open.footMlM = landed.footMlM;
    lastRealHeelStrikeNs[s] = atNs;
    hasLastRealHeelStrike[s] = true;

    if (gaitState == GaitState.STOPPING) {
      long settledNs = state.plan(other, GaitSnapshot.CURRENT).profileEndNs;
      startBlend(atNs, Math.max(atNs + MIN_DOUBLE_SUPPORT_NS, settledNs), 0.0, 1.0);
    } else if (state.beltSpeedMps < options.walkStopSpeedMps()) {
      gaitState = GaitState.STOPPING;
      landed.contactEndNs = StancePlan.OPEN_END_NS;
      open.kind = StepKind.STOP;
      planStep(other, atNs, true);
      finishStance(side, landed, atNs);
    } else {
      planStep(other, atNs, false);
      finishStance(side, landed, atNs);
    }
    open.impulseNewtonSeconds = landed.impulseNewtonSeconds;
    strideStartNs[s] = atNs;
    strideStartUnloadingNewtonSeconds[s] = unloadingIntegralAt(atNs);
    hasStrideStart[s] = true;
  }

  private void toeOff(Side side, long atNs) {
    int s = side.ordinal();
    inContact[s] = false;
    emitOpenStep(side, atNs, openSteps[s].active ? openSteps[s].kind : StepKind.WALK);
  }

  private void emitOpenStep(Side side, long toeOffNs, StepKind kind) {
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

  // ---------------------------------------------------------------- planning

  /**
   * Plans {@code side}'s next stance at the other foot's heel strike {@code nowNs}: when it lands,
   * how long it stays, its force profile and where it lands.
   */
  private void planStep(Side side, long nowNs, boolean lastStep) {
    Side other = side.opposite();
    double speedMps = state.beltSpeedMps;
    if (side == Side.LEFT) {
      drawStride();
    }
    double strideS = norms.strideTimeS(speedMps) * (1.0 + strideSigma * strideTimeZ);
    double stanceS = nominalStanceS(side, speedMps, strideS) * (1.0 + stepSigma * gaussian());
    double stepTimeS =
        (0.5 * strideS
                + 0.5
                    * (nominalStanceS(other, speedMps, strideS)
                        - nominalStanceS(side, speedMps, strideS)))
            * (1.0 + stepSigma * gaussian());

    StancePlan otherCurrent = state.plan(other, GaitSnapshot.CURRENT);
    StancePlan ownCurrent = state.plan(side, GaitSnapshot.CURRENT);
    long ownToeOffNs = ownCurrent.active ? ownCurrent.contactEndNs : nowNs;
    long heelStrikeNs = Math.max(nowNs + toNs(stepTimeS), ownToeOffNs + MIN_SWING_NS);
    plannedStrideS = strideS;

    double supportedN = supportedWeightN(meanUnloadingN(other, nowNs));
    double peakN =
        GaitNorms.peakToWeightRatio(speedMps)
            * supportedN
            * sideFactor(side, settings.peakForceAsymmetryPercent())
            * (1.0 + strideSigma * strideForceZ + stepSigma * gaussian());
    double impulseNewtonSeconds = supportedN * strideS * impulseShare(side);

    double stepLengthM =
        0.5
            * speedMps
            * strideS
            * sideFactor(side, settings.stepLengthAsymmetryPercent())
            * (1.0 + stepSigma * gaussian());
    double beltAtLandingM = state.beltPosAt(heelStrikeNs);
    double trailingHeelM = otherCurrent.heelApAt(beltAtLandingM);
    if (side == Side.LEFT) {
      double errorM = trailingHeelM - stepLengthM - homeHeelApM(Side.LEFT, speedMps);
      strideCorrectionM = 0.5 * POSITION_GAIN * errorM;
    }
    stepLengthM += strideCorrectionM;
    if (lastStep) {
      stepLengthM = 0.0;
    }

    StancePlan next = state.plan(side, GaitSnapshot.NEXT);
    next.active = true;
    next.kind = lastStep ? StepKind.STOP : StepKind.WALK;
    next.contactStartNs = heelStrikeNs;
    next.profileStartNs = heelStrikeNs;
    next.profileEndNs = heelStrikeNs + toNs(stanceS);
    next.contactEndNs = lastStep ? StancePlan.OPEN_END_NS : next.profileEndNs;
    next.plannedStepLengthM = stepLengthM;
    next.heelApM = trailingHeelM - stepLengthM;
    next.anchorBeltPosM = beltAtLandingM;
    next.footMlM = footMlM(side);
    shapeProfile(next, peakN, impulseNewtonSeconds);
  }

  /**
   * Fixes the end of the stance that just began: one double support after the other foot's next
   * heel strike, now that it is planned. Tying toe off to the other foot's landing keeps double
   * support steady when step times vary (a free stance time would let both feet carry their peaks
   * at once). Only the far end of the profile moves; its first milliseconds, which frames may
   * already show, stay as they were.
   */
  private void finishStance(Side side, StancePlan stance, long nowNs) {
    long otherHeelStrikeNs = state.plan(side.opposite(), GaitSnapshot.NEXT).contactStartNs;
    double doubleSupportS =
        plannedStrideS
            * (GaitNorms.dutyFactor(state.beltSpeedMps) - 0.5)
            * (1.0 + stepSigma * gaussian());
    long doubleSupportNs = Math.max(MIN_DOUBLE_SUPPORT_NS, toNs(doubleSupportS));
    stance.profileEndNs = otherHeelStrikeNs + doubleSupportNs;
    if (stance.contactEndNs != StancePlan.OPEN_END_NS) {
      stance.contactEndNs = stance.profileEndNs;
    }
    balanceImpulse(side, stance, nowNs, otherHeelStrikeNs);
  }

  /**
   * Gives the stance that just began the impulse that keeps the ground's impulse in pace with the
   * weight it carries, now that the other foot's next heel strike is planned.
   *
   * <p>Every mismatch between the steps' impulses and ∫(m·g − unloading) dt over the time they take
   * would leave the centre of mass with a lasting vertical velocity, and step times vary
   * independently of stride-level impulses. So the model keeps a ledger C = Σ (J − o) − ∫(m·g −
   * unloading) dt up to the next planned heel strike, where o = the side's nominal impulse minus
   * the weight times the nominal step time that follows it (the part of J a steady asymmetric gait
   * spends beyond that step). C is constant in a steady gait; each stance takes the impulse that
   * keeps it so, by its valley (its ramps and peak stay as planned, so frames already rendered are
   * unchanged). The first stance after starting sets the reference with its nominal impulse.
   */
  private void balanceImpulse(Side side, StancePlan stance, long nowNs, long nextHeelStrikeNs) {
    double speedMps = state.beltSpeedMps;
    double supportedN = supportedWeightN(unloadingN);
    double strideS = norms.strideTimeS(speedMps);
    Side other = side.opposite();
    double followingStepS =
        0.5 * strideS
            + 0.5
                * (nominalStanceS(side, speedMps, strideS)
                    - nominalStanceS(other, speedMps, strideS));
    double offsetNewtonSeconds = supportedN * (strideS * impulseShare(side) - followingStepS);
    double budgetNewtonSeconds =
        weightN * (nextHeelStrikeNs - state.originNs) * 1e-9
            - unloadingIntegralAt(nowNs)
            - unloadingN * (nextHeelStrikeNs - nowNs) * 1e-9;
    if (!hasLedgerReference) {
      ledgerReferenceNewtonSeconds =
          centredImpulseSumNewtonSeconds
              + stance.impulseNewtonSeconds
              - offsetNewtonSeconds
              - budgetNewtonSeconds;
      hasLedgerReference = true;
    }
    double impulseNewtonSeconds =
        offsetNewtonSeconds
            + ledgerReferenceNewtonSeconds
            + budgetNewtonSeconds
            - centredImpulseSumNewtonSeconds;
    shapeProfile(stance, stance.peakN, impulseNewtonSeconds);
    centredImpulseSumNewtonSeconds += stance.impulseNewtonSeconds - offsetNewtonSeconds;
  }

  private void drawStride() {
    strideTimeZ = gaussian();
    strideForceZ = gaussian();
  }

  private double nominalStanceS(Side side, double speedMps, double strideS) {
    return GaitNorms.dutyFactor(speedMps)
        * strideS
        * sideFactor(side, settings.stanceAsymmetryPercent());
  }

  /** This side's share of the stride's impulse: proportional to peak × stance, nominally. */
  private double impulseShare(Side side) {
    double left =
        sideFactor(Side.LEFT, settings.peakForceAsymmetryPercent())
            * sideFactor(Side.LEFT, settings.stanceAsymmetryPercent());
    double right =
        sideFactor(Side.RIGHT, settings.peakForceAsymmetryPercent())
            * sideFactor(Side.RIGHT, settings.stanceAsymmetryPercent());
    return (side == Side.LEFT ? left : right) / (left + right);
  }

  /**
   * Sets peak and the valley that gives the stance {@code impulseNewtonSeconds} (as far as the
   * shape can).
   */
  private static void shapeProfile(StancePlan plan, double peakN, double impulseNewtonSeconds) {
    double stanceS = (plan.profileEndNs - plan.profileStartNs) * 1e-9;
    plan.peakN = Math.max(0.0, peakN);
    if (plan.peakN == 0.0) {
      plan.valleyN = 0.0;
      plan.impulseNewtonSeconds = 0.0;
      return;
    }
    double ratio =
        VerticalForceProfile.valleyRatioFor(impulseNewtonSeconds / (stanceS * plan.peakN));
    plan.valleyN = ratio * plan.peakN;
    plan.impulseNewtonSeconds = stanceS * plan.peakN * VerticalForceProfile.meanToPeak(ratio);
  }

  /**
   * Heel position at heel strike that centres the loaded part of the stance on the sensing area:
   * from toes at foot flat (heel travel 0.18 E) to forefoot at toe off, E the heel's travel.
   */
  private double homeHeelApM(Side side, double speedMps) {
    double strideS = norms.strideTimeS(speedMps);
    double stanceS = GaitNorms.dutyFactor(speedMps) * strideS;
    double excursionM = speedMps * stanceS;
    double middleM =
        0.5 * footprints.sensingLengthM() - 0.59 * excursionM + 0.8 * options.footLengthM();
    double stanceDifferenceS =
        nominalStanceS(Side.LEFT, speedMps, strideS)
            - nominalStanceS(Side.RIGHT, speedMps, strideS);
    double offsetM =
        0.5 * speedMps * stanceDifferenceS
            + 0.25 * speedMps * strideS * settings.stepLengthAsymmetryPercent() / 100.0;
    return side == Side.LEFT ? middleM - 0.5 * offsetM : middleM + 0.5 * offsetM;
  }

  private double footMlM(Side side) {
    double sign = side == Side.LEFT ? -1.0 : 1.0;
    double mlM =
        sign * 0.5 * options.stepWidthM()
            + 2.0 * options.stepWidthM() * settings.variabilityPercent() / 100.0 * gaussian();
    boolean crosses = random.nextDouble() < options.midlineCrossingProbability();
    if (geometry.belts() == 2) {
      double innerM = 0.5 * options.footWidthM() + 0.01;
      double outerM = Math.max(innerM, footprints.beltWidthM() - 0.5 * options.footWidthM() - 0.01);
      return sign * GaitNorms.clamp(sign * mlM, innerM, outerM);
    }
    return crosses ? mlM - sign * options.midlineCrossingM() : mlM;
  }

  // ---------------------------------------------------------------- standing, starting, stopping

  private void standUp(long atNs) {
    double heelM = 0.5 * footprints.sensingLengthM() + 0.5 * options.footLengthM();
    for (Side side : SIDES) {
      StancePlan[] foot = state.plans[side.ordinal()];
      for (StancePlan plan : foot) {
        plan.clear();
      }
      StancePlan standing = foot[GaitSnapshot.CURRENT];
      standing.active = true;
      standing.contactStartNs = atNs;
      standing.contactEndNs = StancePlan.OPEN_END_NS;
      standing.profileStartNs = atNs;
      standing.profileEndNs = atNs + 1;
      standing.heelApM = heelM;
      standing.anchorBeltPosM = state.beltPosAt(atNs);
      standing.footMlM = (side == Side.LEFT ? -0.5 : 0.5) * options.stepWidthM();
      inContact[side.ordinal()] = true;
      hasLastRealHeelStrike[side.ordinal()] = false;
      hasStrideStart[side.ordinal()] = false;
    }
    state.fallen = false;
    startBlend(atNs, atNs, 1.0, 1.0);
    gaitState = GaitState.STANDING;
  }

  /**
   * Starts walking from standing: the foot further forward leads, the other lifts off after one
   * double support and makes the first step; forces blend from standing into the gait over that
   * double support.
   */
  private void initiateGait(long nowNs) {
    StancePlan left = state.plan(Side.LEFT, GaitSnapshot.CURRENT);
    StancePlan right = state.plan(Side.RIGHT, GaitSnapshot.CURRENT);
    double beltPosM = state.beltPosAt(nowNs);
    boolean rightAhead = right.heelApAt(beltPosM) < left.heelApAt(beltPosM) - SAME_POSITION_M;
    Side lead = rightAhead ? Side.RIGHT : Side.LEFT;
    Side trail = lead.opposite();
    double speedMps = state.beltSpeedMps;
    drawStride();
    double strideS = norms.strideTimeS(speedMps) * (1.0 + strideSigma * strideTimeZ);
    double leadStanceS = nominalStanceS(lead, speedMps, strideS);
    double trailStanceS = nominalStanceS(trail, speedMps, strideS);
    long doubleSupportNs =
        Math.max(MIN_DOUBLE_SUPPORT_NS, toNs(0.5 * (leadStanceS + trailStanceS - strideS)));
    double supportedN = supportedWeightN(unloadingN);
    double peakRatio = GaitNorms.peakToWeightRatio(speedMps);

    StancePlan leading = state.plan(lead, GaitSnapshot.CURRENT);
    leading.profileStartNs = nowNs;
    leading.profileEndNs = nowNs + toNs(leadStanceS);
    leading.contactEndNs = leading.profileEndNs;
    shapeProfile(
        leading,
        peakRatio * supportedN * sideFactor(lead, settings.peakForceAsymmetryPercent()),
        supportedN * strideS * impulseShare(lead));

    StancePlan trailing = state.plan(trail, GaitSnapshot.CURRENT);
    trailing.profileEndNs = nowNs + doubleSupportNs;
    trailing.profileStartNs = trailing.profileEndNs - toNs(trailStanceS);
    trailing.contactEndNs = trailing.profileEndNs;
    shapeProfile(
        trailing,
        peakRatio * supportedN * sideFactor(trail, settings.peakForceAsymmetryPercent()),
        supportedN * strideS * impulseShare(trail));

    startBlend(nowNs, nowNs + doubleSupportNs, 1.0, 0.0);
    gaitState = GaitState.WALKING;
    hasLedgerReference = false;
    planStep(trail, nowNs, false);
  }

  private void startBlend(long fromNs, long toNs, double from, double to) {
    state.blendStartNs = fromNs;
    state.blendEndNs = toNs;
    state.blendFrom = from;
    state.blendTo = to;
  }

  private void applyRequests(long nowNs) {
    if (fallRequested.getAndSet(false) && gaitState != GaitState.FALLEN) {
      LOG.info("patient falls at {} ns: feet off the belt", nowNs);
      for (Side side : SIDES) {
        if (inContact[side.ordinal()]) {
          inContact[side.ordinal()] = false;
          emitOpenStep(side, nowNs, StepKind.FALL);
        }
        openSteps[side.ordinal()].active = false;
        for (StancePlan plan : state.plans[side.ordinal()]) {
          plan.clear();
        }
      }
      state.fallen = true;
      gaitState = GaitState.FALLEN;
    }
    if (recoverRequested.getAndSet(false) && gaitState == GaitState.FALLEN) {
      LOG.info("patient stands up again at {} ns", nowNs);
      standUp(nowNs);
    }
    if (stumbleRequested.get()) {
      if (gaitState != GaitState.WALKING) {
        stumbleRequested.set(false);
        LOG.info("stumble ignored at {} ns: the patient is {}", nowNs, gaitState);
      } else {
        for (Side side : SIDES) {
          StancePlan next = state.plan(side, GaitSnapshot.NEXT);
          if (!inContact[side.ordinal()] && next.active && next.contactStartNs - nowNs > 0) {
            stumbleRequested.set(false);
            stumbleInto(next, nowNs);
            break;
          }
        }
      }
    }
  }

  private void stumbleInto(StancePlan next, long nowNs) {
    long earlyNs = Math.max(MIN_STUMBLE_DELAY_NS, (next.contactStartNs - nowNs) / 2);
    long heelStrikeNs = nowNs + earlyNs;
    long stanceNs = (long) ((next.profileEndNs - next.profileStartNs) * STUMBLE_STANCE_FACTOR);
    double beltShiftM = state.beltPosAt(heelStrikeNs) - next.anchorBeltPosM;
    double trailingHeelM = next.heelApM + next.plannedStepLengthM + beltShiftM;
    next.kind = StepKind.STUMBLE;
    next.contactStartNs = heelStrikeNs;
    next.profileStartNs = heelStrikeNs;
    next.profileEndNs = heelStrikeNs + stanceNs;
    next.contactEndNs = next.profileEndNs;
    next.plannedStepLengthM *= STUMBLE_LENGTH_FACTOR;
    next.heelApM = trailingHeelM - next.plannedStepLengthM;
    next.anchorBeltPosM += beltShiftM;
    shapeProfile(
        next, next.peakN * STUMBLE_PEAK_FACTOR, next.impulseNewtonSeconds * STUMBLE_STANCE_FACTOR);
  }

  // ---------------------------------------------------------------- forces and body

  private void integrateCom(long nowNs, double dtS) {
    double groundN = state.footForceN(Side.LEFT, nowNs) + state.footForceN(Side.RIGHT, nowNs);
    comAccelerationMps2 = (groundN + unloadingN - weightN) / settings.bodyMassKg();
    com.step(comAccelerationMps2, dtS, gaitState != GaitState.FALLEN);
  }

  private double supportedWeightN(double unloadingN) {
    return Math.max(0.0, weightN - unloadingN);
  }

  /** Mean unloading over {@code side}'s last stride (up to {@code nowNs}), or the present value. */
  private double meanUnloadingN(Side side, long nowNs) {
    int s = side.ordinal();
    double windowS = (nowNs - strideStartNs[s]) * 1e-9;
    if (!hasStrideStart[s] || windowS < MIN_UNLOADING_WINDOW_S) {
      return unloadingN;
    }
    return (unloadingIntegralAt(nowNs) - strideStartUnloadingNewtonSeconds[s]) / windowS;
  }

  private double unloadingIntegralAt(long atNs) {
    return unloadingIntegralNewtonSeconds + unloadingN * (atNs - lastNs) * 1e-9;
  }

  private void publish() {
    synchronized (publishLock) {
      published.copyFrom(state);
    }
  }

  private void copyPublished() {
    synchronized (publishLock) {
      renderCopy.copyFrom(published);
    }
  }

  private double gaussian() {
    return GaitNorms.clamp(random.nextGaussian(), -3.0, 3.0);
  }

  /** 1 + SI/200 for the left side, 1 − SI/200 for the right: Robinson's SI of the pair is SI. */
  private static double sideFactor(Side side, double symmetryIndexPercent) {
    double half = symmetryIndexPercent / 200.0;
    return side == Side.LEFT ? 1.0 + half : 1.0 - half;
  }

  private static long toNs(double seconds) {
    return Math.round(seconds * NS_PER_S);
  }

  private static void validate(PatientSettings settings, BeltGeometry geometry) {
    require("bodyMassKg", settings.bodyMassKg(), 20.0, 300.0);
    require("legLengthM", settings.legLengthM(), 0.4, 1.3);
    require("stanceAsymmetryPercent", settings.stanceAsymmetryPercent(), -40.0, 40.0);
    require("stepLengthAsymmetryPercent", settings.stepLengthAsymmetryPercent(), -50.0, 50.0);
    require("peakForceAsymmetryPercent", settings.peakForceAsymmetryPercent(), -50.0, 50.0);
    require("variabilityPercent", settings.variabilityPercent(), 0.0, 10.0);
    if (geometry.belts() < 1 || geometry.belts() > 2) {
      throw new IllegalArgumentException(
          "pressure belt: belts = " + geometry.belts() + " must be 1 or 2");
    }
    if (geometry.rows() < 1 || geometry.cols() < 1) {
      throw new IllegalArgumentException(
          "pressure belt: rows = "
              + geometry.rows()
              + " and cols = "
              + geometry.cols()
              + " must be > 0");
    }
    if (geometry.pitchXUm() <= 0 || geometry.pitchYUm() <= 0) {
      throw new IllegalArgumentException(
          "pressure belt: pitchXUm = "
              + geometry.pitchXUm()
              + " and pitchYUm = "
              + geometry.pitchYUm()
              + " must be > 0");
    }
  }

  private static void require(String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          "patient." + field + " = " + value + " must be within [" + min + ", " + max + "]");
    }
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
