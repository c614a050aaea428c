package org.gaitctl.hmi.feedback;

/**
 * When a metronome beats, on a clock's time line (ns). Each beat is computed from the time the
 * cadence was set (beat n at origin + n × 60 s / cadence), never by adding the time a click took,
 * so a long run does not drift; a change of cadence keeps the last beat and takes the new interval
 * from it, so the rhythm changes without a jump. Beats missed by more than one interval (a stalled
 * thread, a suspended laptop) are skipped and counted, not played in a burst.
 *
 * <p>Pure and single-threaded: the metronome's thread owns it; tests drive it on virtual time.
 */
public final class BeatSchedule {

  /** Slowest cadence, steps/min: the protocol's range for {@code cadenceTargetStepsPerMin}. */
  public static final double MIN_CADENCE_STEPS_PER_MIN = 20.0;

  /** Fastest cadence, steps/min: the protocol's range for {@code cadenceTargetStepsPerMin}. */
  public static final double MAX_CADENCE_STEPS_PER_MIN = 200.0;

  private static final double NS_PER_MIN = 60e9;

  private double cadenceStepsPerMin;
  private long originNs;
  private long beatsSinceOrigin;
  private boolean beatenSinceOn;
  private long lastBeatNs;
  private long skippedBeats;

  /**
   * Sets the cadence at {@code nowNs}: 0 switches the beat off; from off, the first beat is at
   * once; while beating, the next beat follows the last at the new interval (or comes at once if
   * that time has passed).
   *
   * @throws IllegalArgumentException outside 0 or {@link #MIN_CADENCE_STEPS_PER_MIN}..{@link
   *     #MAX_CADENCE_STEPS_PER_MIN}
   */
  public void setCadence(double stepsPerMin, long nowNs) {
    requireCadence(stepsPerMin);
    if (stepsPerMin == 0.0) {
      cadenceStepsPerMin = 0.0;
      beatenSinceOn = false;
      return;
    }
    if (!beatenSinceOn) {
      originNs = nowNs;
    } else {
      long nextNs = lastBeatNs + Math.round(NS_PER_MIN / stepsPerMin);
      originNs = nextNs - nowNs < 0 ? nowNs : nextNs;
    }
    beatsSinceOrigin = 0;
    cadenceStepsPerMin = stepsPerMin;
  }

  /** Validates a cadence: 0 (off) or within the protocol's range, steps/min. */
  public static void requireCadence(double stepsPerMin) {
    boolean inRange =
        stepsPerMin >= MIN_CADENCE_STEPS_PER_MIN && stepsPerMin <= MAX_CADENCE_STEPS_PER_MIN;
    if (stepsPerMin != 0.0 && !inRange) {
      throw new IllegalArgumentException(
          "cadence "
              + stepsPerMin
              + " steps/min: must be 0 (off) or "
              + MIN_CADENCE_STEPS_PER_MIN
              + ".."
              + MAX_CADENCE_STEPS_PER_MIN);
    }
  }

  /** Steps per minute; 0 when off. */
  public double cadenceStepsPerMin() {
    return cadenceStepsPerMin;
  }

  public boolean isOn() {
    return cadenceStepsPerMin > 0.0;
  }

  /**
   * Time of the next beat, ns.
   *
   * @throws IllegalStateException when off
   */
  public long nextBeatNs() {
    if (!isOn()) {
      throw new IllegalStateException("the metronome is off: there is no next beat");
    }
    return beatNs(beatsSinceOrigin);
  }

  /**
   * True when a beat is due at {@code nowNs}; then moves on to the next beat. When more than one
   * beat is due, plays the latest and counts the others as skipped.
   */
  public boolean takeBeatIfDue(long nowNs) {
    if (!isOn() || nowNs - beatNs(beatsSinceOrigin) < 0) {
      return false;
    }
    long latest =
        Math.max(
            beatsSinceOrigin,
            (long) Math.floor((nowNs - originNs) * cadenceStepsPerMin / NS_PER_MIN) - 1);
    while (nowNs - beatNs(latest + 1) >= 0) {
      latest++;
    }
    skippedBeats += latest - beatsSinceOrigin;
    lastBeatNs = beatNs(latest);
    beatenSinceOn = true;
    beatsSinceOrigin = latest + 1;
    return true;
  }

  /** Beats that were due but not played because the thread came too late. */
  public long skippedBeats() {
    return skippedBeats;
  }

  private long beatNs(long beatIndex) {
    return originNs + Math.round(beatIndex * NS_PER_MIN / cadenceStepsPerMin);
  }
}
