package org.gaitctl.sim.patient;

import java.util.SplittableRandom;
import org.gaitctl.config.BeltGeometry;
import org.gaitctl.config.PatientSettings;
import org.gaitctl.core.gait.Side;

/**
 * Plans the stances of both feet in the snapshot's plans: when each foot lands, how long it stays,
 * its force profile and where it lands, with the patient's asymmetries and seeded step-to-step
 * variability. Cadence follows speed ({@link GaitNorms}); each stance's impulse comes from the
 * {@link ImpulseLedger}. The random draws happen in a fixed order, so a seed repeats a walk
 * exactly.
 *
 * <p>Single-threaded (the simulation world's).
 */
final class StepPlanner {

  static final long MIN_DOUBLE_SUPPORT_NS = 20_000_000L;

  private static final long NS_PER_S = 1_000_000_000L;
  private static final long MIN_SWING_NS = 100_000_000L;
  private static final long MIN_STUMBLE_DELAY_NS = 20_000_000L;

  /** Share of the step-to-step variability that is independent per step (the rest per stride). */
  private static final double INDEPENDENT_SHARE = 0.2;

  /** Fraction of the drift from the home position corrected per stride. */
  private static final double POSITION_GAIN = 0.5;

  private static final double STUMBLE_STANCE_FACTOR = 0.8;
  private static final double STUMBLE_PEAK_FACTOR = 1.3;
  private static final double STUMBLE_LENGTH_FACTOR = 0.5;

  private final PatientSettings settings;
  private final PatientModelOptions options;
  private final BeltGeometry geometry;
  private final FootprintRenderer footprints;
  private final GaitSnapshot state;
  private final ImpulseLedger ledger;
  private final GaitNorms norms;
  private final SplittableRandom random;
  private final double strideSigma;
  private final double stepSigma;
  private double strideTimeZ;
  private double strideForceZ;
  private double strideCorrectionM;
  private double plannedStrideS;

  /** The asymmetries asked for (the profile's, or the fault console's latest): any stride on. */
  private PatientAsymmetry requestedAsymmetry;

  /** The asymmetries of the stride being walked: the requested ones as of its start. */
  private PatientAsymmetry walkedAsymmetry;

  /** The speed the patient walks at over the ground, m/s: the belt's unless it means otherwise. */
  private double walkingSpeedMps;

  /**
   * How far the patient has walked ahead of its home position, m (∫ walking − belt speed dt): its
   * home moves by as much, so the position correction keeps, rather than undoes, the drift.
   */
  private double aheadOfHomeM;

  StepPlanner(
      PatientSettings settings,
      PatientModelOptions options,
      BeltGeometry geometry,
      FootprintRenderer footprints,
      GaitSnapshot state,
      ImpulseLedger ledger) {
    this.settings = settings;
    this.options = options;
    this.geometry = geometry;
    this.footprints = footprints;
    this.state = state;
    this.ledger = ledger;
    this.norms = new GaitNorms(settings.legLengthM());
    this.random = new SplittableRandom(settings.seed());
    double cv = settings.variabilityPercent() / 100.0;
    this.stepSigma = INDEPENDENT_SHARE * cv;
    this.strideSigma = Math.sqrt(1.0 - INDEPENDENT_SHARE * INDEPENDENT_SHARE) * cv;
    this.requestedAsymmetry = PatientAsymmetry.of(settings);
    this.walkedAsymmetry = requestedAsymmetry;
  }

  /**
   * Sets the asymmetries the patient walks with from the next stride on (its left stance planned
   * next): a stride is walked with one pair, so the ground truth of either foot never mixes two.
   */
  void requestAsymmetry(PatientAsymmetry asymmetry) {
    this.requestedAsymmetry = asymmetry;
  }

  /**
   * Sets the speed the patient walks at and how far ahead of its home it has drifted, for the
   * stances planned from now on.
   */
  void walkAt(double walkingSpeedMps, double aheadOfHomeM) {
    this.walkingSpeedMps = walkingSpeedMps;
    this.aheadOfHomeM = aheadOfHomeM;
  }

  /** Heel position of a standing foot, m from the anterior edge: mid sensing area. */
  double standingHeelApM() {
    return 0.5 * footprints.sensingLengthM() + 0.5 * options.footLengthM();
  }

  /** Lateral position of a standing foot, m. */
  double standingFootMlM(Side side) {
    return (side == Side.LEFT ? -0.5 : 0.5) * options.stepWidthM();
  }

  /**
   * Plans the first stride from standing: the {@code lead} foot's stance runs on, the other's ends
   * after one double support.
   *
   * @return that double support, ns
   */
  long planFirstStride(Side lead, long nowNs) {
    Side trail = lead.opposite();
    double speedMps = walkingSpeedMps;
    drawStride();
    double strideS = norms.strideTimeS(speedMps) * (1.0 + strideSigma * strideTimeZ);
    double leadStanceS = nominalStanceS(lead, speedMps, strideS);
    double trailStanceS = nominalStanceS(trail, speedMps, strideS);
    long doubleSupportNs =
        Math.max(MIN_DOUBLE_SUPPORT_NS, toNs(0.5 * (leadStanceS + trailStanceS - strideS)));
    double supportedN = ledger.supportedWeightN();
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
    return doubleSupportNs;
  }

  /**
   * Plans {@code side}'s next stance at the other foot's heel strike {@code nowNs}: when it lands,
   * how long it stays, its force profile and where it lands.
   */
  void planStep(Side side, long nowNs, boolean lastStep) {
    Side other = side.opposite();
    double speedMps = walkingSpeedMps;
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

    double supportedN = ledger.supportedWeightN(ledger.meanUnloadingN(other, nowNs));
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
            * sideFactor(side, walkedAsymmetry.stepLengthAsymmetryPercent())
            * (1.0 + stepSigma * gaussian());
    double beltAtLandingM = state.beltPosAt(heelStrikeNs);
    double trailingHeelM = otherCurrent.heelApAt(beltAtLandingM);
    if (side == Side.LEFT) {
      double errorM =
          trailingHeelM - stepLengthM - (homeHeelApM(Side.LEFT, speedMps) - aheadOfHomeM);
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
  void finishStance(Side side, StancePlan stance, long nowNs) {
    long otherHeelStrikeNs = state.plan(side.opposite(), GaitSnapshot.NEXT).contactStartNs;
    double doubleSupportS =
        plannedStrideS
            * (GaitNorms.dutyFactor(walkingSpeedMps) - 0.5)
            * (1.0 + stepSigma * gaussian());
    long doubleSupportNs = Math.max(MIN_DOUBLE_SUPPORT_NS, toNs(doubleSupportS));
    stance.profileEndNs = otherHeelStrikeNs + doubleSupportNs;
    if (stance.contactEndNs != StancePlan.OPEN_END_NS) {
      stance.contactEndNs = stance.profileEndNs;
    }
    balanceImpulse(side, stance, nowNs, otherHeelStrikeNs);
  }

  /**
   * Turns the swing foot's planned stance {@code next} into a stumble: it comes down early (half
   * its remaining swing), for a short step with a harder impact.
   */
  void stumbleInto(StancePlan next, long nowNs) {
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

  /**
   * Gives the stance that just began the impulse the {@link ImpulseLedger} asks for, by its valley
   * (its ramps and peak stay as planned, so frames already rendered are unchanged).
   */
  private void balanceImpulse(Side side, StancePlan stance, long nowNs, long nextHeelStrikeNs) {
    double speedMps = walkingSpeedMps;
    double supportedN = ledger.supportedWeightN();
    double strideS = norms.strideTimeS(speedMps);
    Side other = side.opposite();
    double followingStepS =
        0.5 * strideS
            + 0.5
                * (nominalStanceS(side, speedMps, strideS)
                    - nominalStanceS(other, speedMps, strideS));
    double offsetNewtonSeconds = supportedN * (strideS * impulseShare(side) - followingStepS);
    double impulseNewtonSeconds =
        ledger.impulseToKeepPace(
            offsetNewtonSeconds,
            stance.impulseNewtonSeconds,
            state.originNs,
            nowNs,
            nextHeelStrikeNs);
    shapeProfile(stance, stance.peakN, impulseNewtonSeconds);
    ledger.book(stance.impulseNewtonSeconds - offsetNewtonSeconds);
  }

  /** Starts a stride: its random draws, and the asymmetries asked for by now. */
  private void drawStride() {
    walkedAsymmetry = requestedAsymmetry;
    strideTimeZ = gaussian();
    strideForceZ = gaussian();
  }

  private double nominalStanceS(Side side, double speedMps, double strideS) {
    return GaitNorms.dutyFactor(speedMps)
        * strideS
        * sideFactor(side, walkedAsymmetry.stanceAsymmetryPercent());
  }

  /** This side's share of the stride's impulse: proportional to peak × stance, nominally. */
  private double impulseShare(Side side) {
    double left =
        sideFactor(Side.LEFT, settings.peakForceAsymmetryPercent())
            * sideFactor(Side.LEFT, walkedAsymmetry.stanceAsymmetryPercent());
    double right =
        sideFactor(Side.RIGHT, settings.peakForceAsymmetryPercent())
            * sideFactor(Side.RIGHT, walkedAsymmetry.stanceAsymmetryPercent());
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
            + 0.25 * speedMps * strideS * walkedAsymmetry.stepLengthAsymmetryPercent() / 100.0;
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
}
