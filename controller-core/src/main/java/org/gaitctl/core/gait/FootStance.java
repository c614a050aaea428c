package org.gaitctl.core.gait;

/**
 * What the step assembler knows about one foot: its current stance and swing, the sums over the
 * stance, and a short history of its heel strikes and toe offs. Single-threaded, allocation-free.
 */
final class FootStance {

  enum Phase {
    NONE,
    STANCE,
    SWING
  }

  /** {@link #heelStrikeBetween} and {@link #toeOffBetween} found nothing. */
  static final long NOT_FOUND = Long.MIN_VALUE;

  private static final int HISTORY = 4;
  private static final int LOADING_PREFIX = 1024;

  Phase phase = Phase.NONE;
  long heelStrikeNs;
  long toeOffNs;

  /** COP along the belt at the sample that confirmed the heel strike, m (NaN if unknown). */
  double heelCopApM;

  /** Belt travel at that sample, m. */
  double heelTravelM;

  double stepTimeS;
  double stepLengthM;
  double strideLengthM;

  double peakForce;
  double impulseNewtonSeconds;
  private long lastSampleNs;
  private double lastForce;
  private double mlMoment;
  private double mlWeight;
  private final long[] prefixNs = new long[LOADING_PREFIX];
  private final double[] prefixForce = new double[LOADING_PREFIX];
  private int prefixCount;

  private final long[] heelStrikes = new long[HISTORY];
  private final long[] toeOffs = new long[HISTORY];
  private int heelStrikeCount;
  private int toeOffCount;

  /** Mean COP across the belt of the last completed stance, m (NaN if unknown). */
  double lastStanceMlM = Double.NaN;

  void startStance(long eventNs, double copApM, double travelM) {
    phase = Phase.STANCE;
    heelStrikeNs = eventNs;
    heelCopApM = copApM;
    heelTravelM = travelM;
    peakForce = 0;
    impulseNewtonSeconds = 0;
    lastSampleNs = eventNs;
    lastForce = 0;
    mlMoment = 0;
    mlWeight = 0;
    prefixCount = 0;
    heelStrikes[heelStrikeCount++ % HISTORY] = eventNs;
  }

  void add(FootSampleView sample) {
    long dtNs = sample.timeNs() - lastSampleNs;
    if (dtNs <= 0) {
      return;
    }
    double force = sample.forceN();
    impulseNewtonSeconds += 0.5 * (lastForce + force) * dtNs * 1e-9;
    lastSampleNs = sample.timeNs();
    lastForce = force;
    peakForce = Math.max(peakForce, force);
    if (!Double.isNaN(sample.copMlM()) && force > 0) {
      mlMoment += force * sample.copMlM();
      mlWeight += force;
    }
    if (prefixCount < LOADING_PREFIX) {
      prefixNs[prefixCount] = sample.timeNs();
      prefixForce[prefixCount] = force;
      prefixCount++;
    }
  }

  void endStance(long eventNs) {
    long dtNs = eventNs - lastSampleNs;
    if (dtNs > 0) {
      impulseNewtonSeconds += 0.5 * lastForce * dtNs * 1e-9;
    }
    phase = Phase.SWING;
    toeOffNs = eventNs;
    lastStanceMlM = mlWeight > 0 ? mlMoment / mlWeight : Double.NaN;
    toeOffs[toeOffCount++ % HISTORY] = eventNs;
  }

  /** Forgets the stance or swing in progress (after a gap in the data). */
  void abandon() {
    phase = Phase.NONE;
  }

  /**
   * The latest heel strike strictly after {@code afterNs} and before {@code beforeNs}, or {@link
   * #NOT_FOUND}.
   */
  long heelStrikeBetween(long afterNs, long beforeNs) {
    return between(heelStrikes, heelStrikeCount, afterNs, beforeNs);
  }

  /**
   * The latest toe off strictly after {@code afterNs} and before {@code beforeNs}, or {@link
   * #NOT_FOUND}.
   */
  long toeOffBetween(long afterNs, long beforeNs) {
    return between(toeOffs, toeOffCount, afterNs, beforeNs);
  }

  private static long between(long[] history, int count, long afterNs, long beforeNs) {
    long found = NOT_FOUND;
    boolean any = false;
    for (int i = Math.max(0, count - HISTORY); i < count; i++) {
      long t = history[i % HISTORY];
      if (t - afterNs > 0 && beforeNs - t > 0 && (!any || t - found > 0)) {
        found = t;
        any = true;
      }
    }
    return any ? found : NOT_FOUND;
  }

  /** Mean slope from 20 % to 80 % of the stance peak on the force's first rise, N/s. */
  double loadingRate() {
    double low = 0.2 * peakForce;
    double high = 0.8 * peakForce;
    double lowNs = Double.NaN;
    double previousForce = 0;
    long previousNs = heelStrikeNs;
    for (int i = 0; i < prefixCount; i++) {
      double force = prefixForce[i];
      long timeNs = prefixNs[i];
      if (Double.isNaN(lowNs) && force >= low) {
        lowNs = crossing(previousNs, previousForce, timeNs, force, low);
      }
      if (force >= high) {
        double highNs = crossing(previousNs, previousForce, timeNs, force, high);
        double spanS = (highNs - lowNs) * 1e-9;
        return spanS > 0 ? (high - low) / spanS : Double.NaN;
      }
      previousForce = force;
      previousNs = timeNs;
    }
    return Double.NaN;
  }

  private static double crossing(
      long fromNs, double fromForce, long toNs, double toForce, double level) {
    if (toForce == fromForce) {
      return toNs;
    }
    return fromNs + (level - fromForce) / (toForce - fromForce) * (toNs - fromNs);
  }
}
