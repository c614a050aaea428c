package org.gaitctl.core.gait;

/**
 * Heel strike and toe off of one foot from its vertical force: a hysteresis state machine with
 * minimum stance and swing durations and sub-sample timing.
 *
 * <pre>
 *   force ≥ HS threshold for the confirmation time, swing ≥ min swing ▶ HEEL_STRIKE
 *   UNLOADED ───────────────────────────────────────────────▶ LOADED
 *      ▲  ◀─────────────────────────────────────────────────    │
 *      │    force &lt; TO threshold, stance ≥ min stance ▶ TOE_OFF  │
 *      │                                                         │
 *      └──── UNKNOWN (start, after a gap): settles without an ───┘
 *                      event once the force is clearly low or high
 * </pre>
 *
 * <p>Events are timed where the force crosses the toe-off level, interpolated linearly between the
 * two samples around the crossing, so timing does not depend on the sample grid. Samples may arrive
 * at irregular intervals; a sample later than {@link EventSettings#maxGapS()} after the previous
 * one resets the foot to UNKNOWN (no event is invented across a gap), and a sample not later than
 * the previous one is dropped and counted.
 *
 * <p>Single-threaded (the gait analysis stage or the offline analysis); allocation-free.
 */
public final class FootEventDetector {

  /** What one sample did to the foot. */
  public enum Outcome {
    /** Nothing happened. */
    NONE,
    /** A heel strike, at {@link #eventTimeNs()}. */
    HEEL_STRIKE,
    /** A toe off, at {@link #eventTimeNs()}. */
    TOE_OFF,
    /** A gap before this sample reset the foot's state; no event. */
    GAP
  }

  private enum State {
    UNKNOWN,
    UNLOADED,
    LOADED
  }

  private final Side side;
  private final EventSettings settings;
  private final long minStanceNs;
  private final long minSwingNs;
  private final long maxGapNs;
  private final long confirmNs;
  private final long warmupNs;
  private final ForceRange range;

  private State state = State.UNKNOWN;
  private boolean hasPrevious;
  private long previousNs;
  private double previousForce;

  private boolean riseValid;
  private long riseNs;
  private boolean fallValid;
  private long fallNs;

  private boolean heelStrikeKnown;
  private long heelStrikeNs;
  private boolean toeOffKnown;
  private long toeOffNs;
  private long eventNs;
  private boolean bounceCounted;
  private boolean aboveOn;
  private long aboveOnSinceNs;

  private long gaps;
  private long droppedSamples;
  private long suppressedHeelStrikes;

  public FootEventDetector(Side side, EventSettings settings) {
    this.side = side;
    this.settings = settings;
    this.minStanceNs = (long) (settings.minStanceS() * 1e9);
    this.minSwingNs = (long) (settings.minSwingS() * 1e9);
    this.maxGapNs = (long) (settings.maxGapS() * 1e9);
    this.confirmNs = (long) (settings.heelStrikeConfirmS() * 1e9);
    this.warmupNs = settings.relative() ? (long) (settings.warmupS() * 1e9) : 0L;
    this.range = new ForceRange(settings.rangeTimeConstantS());
  }

  /**
   * Feeds one force sample.
   *
   * @param timeNs sample time, ns; should increase from sample to sample
   * @param force vertical force, N (or the recording's unit in relative mode)
   * @return what the sample did: an event, a gap, or nothing
   */
  public Outcome onSample(long timeNs, double force) {
    if (hasPrevious && timeNs - previousNs <= 0) {
      droppedSamples++;
      return Outcome.NONE;
    }
    if (Double.isNaN(force)) {
      droppedSamples++;
      return Outcome.NONE;
    }
    Outcome result = Outcome.NONE;
    if (hasPrevious && timeNs - previousNs > maxGapNs) {
      gaps++;
      state = State.UNKNOWN;
      hasPrevious = false;
      aboveOn = false;
      heelStrikeKnown = false;
      toeOffKnown = false;
      result = Outcome.GAP;
    }
    double onLevel;
    double offLevel;
    if (settings.relative()) {
      range.update(timeNs, force);
      onLevel = range.level(settings.heelStrikeFraction());
      offLevel = range.level(settings.toeOffFraction());
    } else {
      onLevel = settings.heelStrikeThreshold();
      offLevel = settings.toeOffThreshold();
    }
    trackCrossings(timeNs, force, offLevel);
    if (settings.relative() && range.watchedNs() < warmupNs) {
      remember(timeNs, force);
      return result;
    }
    switch (state) {
      case UNKNOWN -> settle(force, onLevel, offLevel);
      case UNLOADED -> result = whileUnloaded(timeNs, force, onLevel, result);
      case LOADED -> result = whileLoaded(timeNs, force, offLevel, result);
    }
    remember(timeNs, force);
    return result;
  }

  private void trackCrossings(long timeNs, double force, double level) {
    if (!hasPrevious) {
      riseValid = false;
      fallValid = false;
      return;
    }
    if (previousForce < level && force >= level) {
      riseNs = interpolate(timeNs, force, level);
      riseValid = true;
      fallValid = false;
    } else if (previousForce >= level && force < level) {
      fallNs = interpolate(timeNs, force, level);
      fallValid = true;
      riseValid = false;
    }
  }

  private long interpolate(long timeNs, double force, double level) {
    double fraction = (level - previousForce) / (force - previousForce);
    return previousNs + Math.round(fraction * (timeNs - previousNs));
  }

  private void settle(double force, double onLevel, double offLevel) {
    if (force >= onLevel) {
      state = State.LOADED;
    } else if (force < offLevel) {
      state = State.UNLOADED;
    }
  }

  private Outcome whileUnloaded(long timeNs, double force, double onLevel, Outcome result) {
    if (force < onLevel) {
      bounceCounted = false;
      aboveOn = false;
      return result;
    }
    if (!aboveOn) {
      aboveOn = true;
      aboveOnSinceNs = timeNs;
    }
    if (timeNs - aboveOnSinceNs < confirmNs) {
      return result;
    }
    long candidateNs = riseValid ? riseNs : timeNs;
    if (toeOffKnown && candidateNs - toeOffNs < minSwingNs) {
      if (timeNs - toeOffNs < minSwingNs) {
        if (!bounceCounted) {
          suppressedHeelStrikes++;
          bounceCounted = true;
        }
        return result;
      }
      candidateNs = toeOffNs + minSwingNs;
    }
    state = State.LOADED;
    heelStrikeKnown = true;
    heelStrikeNs = candidateNs;
    eventNs = candidateNs;
    riseValid = false;
    bounceCounted = false;
    aboveOn = false;
    return Outcome.HEEL_STRIKE;
  }

  private Outcome whileLoaded(long timeNs, double force, double offLevel, Outcome result) {
    if (force >= offLevel) {
      return result;
    }
    long candidateNs = fallValid ? fallNs : timeNs;
    if (heelStrikeKnown && candidateNs - heelStrikeNs < minStanceNs) {
      if (timeNs - heelStrikeNs < minStanceNs) {
        return result;
      }
      candidateNs = heelStrikeNs + minStanceNs;
    }
    state = State.UNLOADED;
    toeOffKnown = true;
    toeOffNs = candidateNs;
    eventNs = candidateNs;
    fallValid = false;
    return Outcome.TOE_OFF;
  }

  private void remember(long timeNs, double force) {
    hasPrevious = true;
    previousNs = timeNs;
    previousForce = force;
  }

  /** Time of the event the last {@link #onSample} returned, ns. */
  public long eventTimeNs() {
    return eventNs;
  }

  /** True while the foot is known to be on the ground. */
  public boolean loaded() {
    return state == State.LOADED;
  }

  public Side side() {
    return side;
  }

  /** Gaps longer than {@link EventSettings#maxGapS()} that reset the foot. */
  public long gaps() {
    return gaps;
  }

  /** Samples dropped: not later than the previous one, or NaN. */
  public long droppedSamples() {
    return droppedSamples;
  }

  /** Contacts shorter after a toe off than the minimum swing, taken as force bouncing. */
  public long suppressedHeelStrikes() {
    return suppressedHeelStrikes;
  }
}
