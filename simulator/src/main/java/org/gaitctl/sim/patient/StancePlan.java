package org.gaitctl.sim.patient;

/**
 * One foot's contact with the belt, planned in advance: when it begins and ends, the force profile
 * over it and where the heel was put down. Mutable and reused (copied, never shared between
 * threads); all fields primitive.
 */
final class StancePlan {

  /** A contact that lasts until the patient starts walking again. */
  static final long OPEN_END_NS = Long.MAX_VALUE;

  /** Footprint phase of a foot standing flat. */
  static final double STANDING_PHASE = 0.3;

  boolean active;
  long contactStartNs;
  long contactEndNs;
  long profileStartNs;
  long profileEndNs;
  double peakN;
  double valleyN;

  /** Heel position at {@link #anchorBeltPosM}, m from the anterior edge (towards higher rows). */
  double heelApM;

  /** Belt travel when the heel was at {@link #heelApM}, m. */
  double anchorBeltPosM;

  /** Foot centre line, m from the midline, positive to the patient's right. */
  double footMlM;

  StepKind kind;
  double plannedStepLengthM;
  double impulseNewtonSeconds;

  void clear() {
    active = false;
    peakN = 0.0;
    valleyN = 0.0;
    kind = StepKind.WALK;
  }

  void copyFrom(StancePlan other) {
    active = other.active;
    contactStartNs = other.contactStartNs;
    contactEndNs = other.contactEndNs;
    profileStartNs = other.profileStartNs;
    profileEndNs = other.profileEndNs;
    peakN = other.peakN;
    valleyN = other.valleyN;
    heelApM = other.heelApM;
    anchorBeltPosM = other.anchorBeltPosM;
    footMlM = other.footMlM;
    kind = other.kind;
    plannedStepLengthM = other.plannedStepLengthM;
    impulseNewtonSeconds = other.impulseNewtonSeconds;
  }

  boolean inContactAt(long timeNs) {
    return active && timeNs - contactStartNs >= 0 && timeNs - contactEndNs < 0;
  }

  boolean hasProfile() {
    return active && peakN > 0.0;
  }

  /** Stance phase of the force profile at {@code timeNs}; outside [0, 1] before and after. */
  double phaseAt(long timeNs) {
    return (double) (timeNs - profileStartNs) / (double) (profileEndNs - profileStartNs);
  }

  /** Force of the profile at {@code timeNs}, N; 0 outside the profile. */
  double profileForceN(long timeNs) {
    if (!hasProfile()) {
      return 0.0;
    }
    return VerticalForceProfile.forceN(phaseAt(timeNs), peakN, valleyN);
  }

  /** Heel position when the belt has travelled {@code beltPosM}. */
  double heelApAt(double beltPosM) {
    return heelApM + (beltPosM - anchorBeltPosM);
  }

  /** Footprint phase at {@code timeNs} blended towards flat standing by {@code standingBlend}. */
  double footprintPhaseAt(long timeNs, double standingBlend) {
    double phase = hasProfile() ? GaitNorms.clamp(phaseAt(timeNs), 0.0, 1.0) : STANDING_PHASE;
    return (1.0 - standingBlend) * phase + standingBlend * STANDING_PHASE;
  }
}
