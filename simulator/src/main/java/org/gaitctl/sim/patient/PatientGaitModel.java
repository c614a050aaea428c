package org.gaitctl.sim.patient;

import java.util.Objects;
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
 * <p><b>Parts.</b> This class is the gait state machine (standing, walking, stopping, fallen) and
 * the event loop of heel strikes and toe offs; {@link StepPlanner} plans the stances, {@link
 * ImpulseLedger} keeps their impulse in pace with the supported weight, {@link CentreOfMass}
 * integrates the body's vertical motion, {@link GroundTruthTracker} records each step and {@link
 * PatientPressureSource} renders the feet for other threads. The settings are valid by construction
 * ({@link PatientSettings}, {@link BeltGeometry}).
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
  private static final double SAME_POSITION_M = 0.01;

  /**
   * How far ahead a patient following a belt that changes speed plans its steps, s: about a stride,
   * the time from planning a step to the end of its stance. Planned at the belt's present speed,
   * the first strides after the belt starts are those of a crawl (a stance of a second, short
   * steps) while the belt accelerates under them, and carry the patient half a metre back, to the
   * rear end of the sensors, which no one walking onto a starting treadmill does; on a stopping
   * belt the steps are too long and carry the patient forward.
   */
  private static final double ANTICIPATION_S = 1.0;

  private static final double ACCELERATION_TIME_CONSTANT_S = 0.1;

  private final PatientSettings settings;
  private final PatientModelOptions options;
  private final BeltGeometry geometry;
  private final ImpulseLedger ledger;
  private final StepPlanner planner;
  private final CentreOfMass com;
  private final GroundTruthTracker groundTruth = new GroundTruthTracker();
  private final PatientPressureSource pressure;
  private final IntendedSpeedSchedule intendedSpeed;

  private final AtomicBoolean stumbleRequested = new AtomicBoolean();
  private final AtomicBoolean fallRequested = new AtomicBoolean();
  private final AtomicBoolean recoverRequested = new AtomicBoolean();

  // World-thread state.
  private final GaitSnapshot state = new GaitSnapshot();
  private final boolean[] inContact = new boolean[2];
  private volatile GaitState gaitState = GaitState.STANDING;
  private long lastNs;
  private volatile double intendedSpeedMps;

  /** An intended speed typed at the fault console, m/s, or NaN: the schedule's. */
  private volatile double injectedIntendedSpeedMps = Double.NaN;

  private volatile double aheadOfHomeM;

  /** The asymmetries to walk with, from the profile or typed at the fault console. */
  private volatile PatientAsymmetry asymmetry;

  /** The belt's acceleration, low-passed over {@link #ACCELERATION_TIME_CONSTANT_S}, m/s². */
  private double beltAccelerationMps2;

  private double lastBeltSpeedMps;

  /** The patient with default {@link PatientModelOptions}. */
  public PatientGaitModel(PatientSettings settings, BeltGeometry geometry) {
    this(settings, geometry, PatientModelOptions.defaults());
  }

  /**
   * The patient walking at the speeds of its settings' intended-speed schedule, or at the belt's
   * speed when they have none ({@link IntendedSpeedSchedule#of(PatientSettings)}).
   */
  public PatientGaitModel(
      PatientSettings settings, BeltGeometry geometry, PatientModelOptions options) {
    this(settings, geometry, options, IntendedSpeedSchedule.of(settings));
  }

  /**
   * The patient meaning to walk at the speeds of {@code intendedSpeed}: it drifts along the belt by
   * ∫ (intended − belt speed) dt while walking, and its footprints with it.
   */
  public PatientGaitModel(
      PatientSettings settings,
      BeltGeometry geometry,
      PatientModelOptions options,
      IntendedSpeedSchedule intendedSpeed) {
    this.intendedSpeed = intendedSpeed;
    this.settings = settings;
    this.options = options;
    this.geometry = geometry;
    double weightN = settings.bodyMassKg() * GRAVITY_MPS2;
    FootprintRenderer footprints = new FootprintRenderer(geometry, options);
    this.ledger = new ImpulseLedger(weightN);
    this.planner = new StepPlanner(settings, options, geometry, footprints, state, ledger);
    this.com = new CentreOfMass(settings.bodyMassKg(), weightN);
    this.pressure = new PatientPressureSource(geometry, footprints, new SensorDrift(options));
    this.asymmetry = PatientAsymmetry.of(settings);
  }

  /** Adds a receiver of every completed step; add before the first advance to miss none. */
  public void addGroundTruthListener(GroundTruthListener listener) {
    groundTruth.addListener(listener);
  }

  /** The speed the patient means to walk at, at the last advance, m/s. Any thread. */
  public double intendedSpeedMps() {
    return intendedSpeedMps;
  }

  /**
   * Fault injection: the patient means to walk at {@code speedMps} from now on, whatever its
   * schedule says (a patient who tires and falls behind a belt, or hurries ahead of it). Any
   * thread.
   *
   * @throws IllegalArgumentException outside {@link IntendedSpeedSchedule#MIN_SPEED_MPS}..{@link
   *     IntendedSpeedSchedule#MAX_SPEED_MPS}
   */
  public void walkAtInjectedSpeed(double speedMps) {
    if (!(speedMps >= IntendedSpeedSchedule.MIN_SPEED_MPS
        && speedMps <= IntendedSpeedSchedule.MAX_SPEED_MPS)) {
      throw new IllegalArgumentException(
          "intended speed "
              + speedMps
              + " m/s must be "
              + IntendedSpeedSchedule.MIN_SPEED_MPS
              + ".."
              + IntendedSpeedSchedule.MAX_SPEED_MPS);
    }
    injectedIntendedSpeedMps = speedMps;
  }

  /**
   * Fault injection: the patient walks with {@code asymmetry} from its next stride on (a patient
   * who tires on one side, or whose therapist corrects the gait). The ground truth records the
   * stances as walked. Any thread; the world thread takes the reference at its next advance.
   */
  public void walkWithAsymmetry(PatientAsymmetry asymmetry) {
    this.asymmetry = Objects.requireNonNull(asymmetry, "asymmetry");
  }

  /** Ends {@link #walkWithAsymmetry}: the profile's asymmetries from the next stride on. */
  public void walkWithProfileAsymmetry() {
    this.asymmetry = PatientAsymmetry.of(settings);
  }

  /** The asymmetries asked for last (the profile's or the fault console's). Any thread. */
  public PatientAsymmetry asymmetry() {
    return asymmetry;
  }

  /** Ends {@link #walkAtInjectedSpeed}: the schedule (or the belt's speed) again. Any thread. */
  public void walkAtScheduledSpeed() {
    injectedIntendedSpeedMps = Double.NaN;
  }

  /**
   * How far the patient has walked ahead (towards the front of the belt) of where it would walk at
   * the belt's speed, at the last advance: ∫ (intended − belt speed) dt over walking, m; 0 without
   * a schedule. Its footprints, and so its centre of pressure, are this much further forward. Any
   * thread.
   */
  public double aheadOfHomeM() {
    return aheadOfHomeM;
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
    ledger.unloading(unloadingN);
    if (!state.started) {
      start(timeNs, speedMps);
      return;
    }
    if (timeNs - lastNs < 0) {
      throw new IllegalArgumentException(
          "patient advance: time went backwards from " + lastNs + " to " + timeNs + " ns");
    }
    double dtS = (timeNs - lastNs) * 1e-9;
    followAcceleration(dtS, speedMps);
    state.beltSpeedMps = speedMps;
    walkAtIntendedSpeed(timeNs, speedMps);
    processEventsUntil(timeNs);
    if (gaitState == GaitState.WALKING) {
      aheadOfHomeM += (intendedSpeedMps - speedMps) * dtS;
    }
    ledger.integrateTo(timeNs);
    state.beltPosM = state.beltPosAt(timeNs);
    state.timeNs = timeNs;
    lastNs = timeNs;
    state.standingShareN = 0.5 * ledger.supportedWeightN();

    applyRequests(timeNs);
    if (gaitState == GaitState.STANDING && speedMps >= options.walkStartSpeedMps()) {
      initiateGait(timeNs);
    }
    double groundN = state.footForceN(Side.LEFT, timeNs) + state.footForceN(Side.RIGHT, timeNs);
    com.advance(groundN, ledger.unloadingN(), dtS, gaitState != GaitState.FALLEN);
    pressure.publish(state);
  }

  @Override
  public double comDisplacementM() {
    return com.displacementM();
  }

  @Override
  public double comAccelerationMps2() {
    return com.accelerationMps2();
  }

  /**
   * True vertical ground force under {@code side} at {@code timeNs} (no sensor drift), N, from the
   * last published plans. Any thread; no allocation.
   */
  public double groundForceN(Side side, long timeNs) {
    return pressure.groundForceN(side, timeNs);
  }

  /** Cells that read full scale in the last rendered frame (STATUS over-range). Any thread. */
  public int overRangeCells() {
    return pressure.overRangeCells();
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
    pressure.render(timeNs, belt, cells);
  }

  // ---------------------------------------------------------------- events

  private void start(long timeNs, double speedMps) {
    state.started = true;
    state.originNs = timeNs;
    state.timeNs = timeNs;
    state.beltSpeedMps = speedMps;
    lastBeltSpeedMps = speedMps;
    state.beltPosM = 0.0;
    state.standingShareN = 0.5 * ledger.supportedWeightN();
    lastNs = timeNs;
    ledger.startAt(timeNs);
    standUp(timeNs);
    walkAtIntendedSpeed(timeNs, speedMps);
    if (speedMps >= options.walkStartSpeedMps()) {
      initiateGait(timeNs);
    }
    pressure.publish(state);
  }

  private void followAcceleration(double dtS, double beltSpeedMps) {
    if (dtS > 0) {
      double alpha = 1.0 - Math.exp(-dtS / ACCELERATION_TIME_CONSTANT_S);
      double accelerationMps2 = (beltSpeedMps - lastBeltSpeedMps) / dtS;
      beltAccelerationMps2 += alpha * (accelerationMps2 - beltAccelerationMps2);
    }
    lastBeltSpeedMps = beltSpeedMps;
  }

  private void walkAtIntendedSpeed(long timeNs, double beltSpeedMps) {
    double injectedMps = injectedIntendedSpeedMps;
    boolean followsBelt =
        Double.isNaN(injectedMps) && intendedSpeed == IntendedSpeedSchedule.FOLLOW_BELT;
    intendedSpeedMps =
        Double.isNaN(injectedMps)
            ? intendedSpeed.speedAt((timeNs - state.originNs) * 1e-9, beltSpeedMps)
            : injectedMps;
    double planningSpeedMps =
        followsBelt
            ? Math.max(0.0, intendedSpeedMps + beltAccelerationMps2 * ANTICIPATION_S)
            : intendedSpeedMps;
    planner.walkAt(planningSpeedMps, aheadOfHomeM);
    planner.requestAsymmetry(asymmetry);
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

    groundTruth.open(side, atNs, landed, stepLengthM);

    if (gaitState == GaitState.STOPPING) {
      long settledNs = state.plan(other, GaitSnapshot.CURRENT).profileEndNs;
      startBlend(atNs, Math.max(atNs + StepPlanner.MIN_DOUBLE_SUPPORT_NS, settledNs), 0.0, 1.0);
    } else if (state.beltSpeedMps < options.walkStopSpeedMps()) {
      gaitState = GaitState.STOPPING;
      landed.contactEndNs = StancePlan.OPEN_END_NS;
      groundTruth.reclassify(side, StepKind.STOP);
      planner.planStep(other, atNs, true);
      planner.finishStance(side, landed, atNs);
    } else {
      planner.planStep(other, atNs, false);
      planner.finishStance(side, landed, atNs);
    }
    groundTruth.impulse(side, landed.impulseNewtonSeconds);
    ledger.strideStartsAt(side, atNs);
  }

  private void toeOff(Side side, long atNs) {
    inContact[side.ordinal()] = false;
    groundTruth.complete(side, atNs, groundTruth.openKind(side));
  }

  // ---------------------------------------------------------------- standing, starting, stopping

  private void standUp(long atNs) {
    double heelM = planner.standingHeelApM();
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
      standing.footMlM = planner.standingFootMlM(side);
      inContact[side.ordinal()] = true;
      groundTruth.forgetHeelStrike(side);
      ledger.forgetStride(side);
    }
    state.fallen = false;
    aheadOfHomeM = 0.0;
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
    long doubleSupportNs = planner.planFirstStride(lead, nowNs);
    startBlend(nowNs, nowNs + doubleSupportNs, 1.0, 0.0);
    gaitState = GaitState.WALKING;
    ledger.resetReference();
    planner.planStep(lead.opposite(), nowNs, false);
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
          groundTruth.complete(side, nowNs, StepKind.FALL);
        }
        groundTruth.close(side);
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
            planner.stumbleInto(next, nowNs);
            break;
          }
        }
      }
    }
  }
}
