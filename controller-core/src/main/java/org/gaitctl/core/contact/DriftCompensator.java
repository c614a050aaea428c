package org.gaitctl.core.contact;

import org.gaitctl.core.gait.EventSettings;
import org.gaitctl.core.gait.FootEventDetector;
import org.gaitctl.core.gait.Side;

/**
 * Corrects the slow loss of sensitivity of a pressure belt (Pathak &amp; Ahn 2021 measured zebris
 * belts losing force over a 10-minute walk) from the vertical force balance: averaged over a whole
 * stride the centre of mass neither gains nor loses vertical speed, so mean belt force + mean
 * harness unloading = body mass × g.
 *
 * <p>Each stride gives an estimate {@code (m·g − mean unloading) / mean raw belt force}; the gain
 * follows these estimates with {@link DriftSettings#smoothing()}. Strides that are too short or
 * long, lack unloading samples when a load cell is expected, saw a gap or ask for an implausible
 * gain are rejected and counted, and the gain stays as it was.
 *
 * <p>Strides are delimited by the left foot's heel strikes, found from the corrected left force by
 * a {@link FootEventDetector} of its own, so the compensator lives entirely on the foot-contact
 * stage's thread. Called on that thread only; allocation-free.
 */
public final class DriftCompensator {

  private static final int CHANNELS = 2;

  private final DriftSettings settings;
  private final FootEventDetector strideDetector;
  private final double bodyWeightN;

  private final double[] beltIntegralNNs = new double[CHANNELS];
  private final long[] beltCoveredNs = new long[CHANNELS];
  private final long[] beltLastNs = new long[CHANNELS];
  private final double[] beltLastN = new double[CHANNELS];
  private final boolean[] beltSeen = new boolean[CHANNELS];

  private double unloadingIntegralNNs;
  private long unloadingCoveredNs;
  private long unloadingLastNs;
  private double unloadingLastN;
  private boolean unloadingSeen;
  private double latestUnloadingN;

  private boolean strideOpen;
  private boolean strideSpoiled;
  private long strideStartNs;

  private double gain = 1.0;
  private double lastEstimate = Double.NaN;
  private long acceptedStrides;
  private long rejectedStrides;

  /**
   * @param settings the correction's parameters
   * @param strideEvents how the left foot's heel strikes that delimit strides are detected
   */
  public DriftCompensator(DriftSettings settings, EventSettings strideEvents) {
    this.settings = settings;
    this.strideDetector = new FootEventDetector(Side.LEFT, strideEvents);
    this.bodyWeightN = settings.bodyMassKg() * DriftSettings.GRAVITY_MPS2;
  }

  /** A raw (uncorrected) vertical force sample of one foot, N. */
  public void onFootForce(Side side, long timeNs, double rawForceN) {
    int channel = side.ordinal();
    if (beltSeen[channel]) {
      long dtNs = timeNs - beltLastNs[channel];
      if (dtNs > 0 && strideOpen) {
        beltIntegralNNs[channel] += 0.5 * (beltLastN[channel] + rawForceN) * dtNs;
        beltCoveredNs[channel] += dtNs;
      }
    }
    beltSeen[channel] = true;
    beltLastNs[channel] = timeNs;
    beltLastN[channel] = rawForceN;
    if (side == Side.LEFT) {
      FootEventDetector.Outcome event = strideDetector.onSample(timeNs, rawForceN * gain());
      if (event == FootEventDetector.Outcome.HEEL_STRIKE) {
        onStrideBoundary(strideDetector.eventTimeNs());
      } else if (event == FootEventDetector.Outcome.GAP) {
        spoilStride();
      }
    }
  }

  /** Harness unloading measured by the load cell, N. */
  public void onUnloading(long timeNs, double unloadingN) {
    latestUnloadingN = unloadingN;
    if (unloadingSeen) {
      long dtNs = timeNs - unloadingLastNs;
      if (dtNs > 0 && strideOpen) {
        unloadingIntegralNNs += 0.5 * (unloadingLastN + unloadingN) * dtNs;
        unloadingCoveredNs += dtNs;
      }
    }
    unloadingSeen = true;
    unloadingLastNs = timeNs;
    unloadingLastN = unloadingN;
  }

  /** The data of the stride in progress cannot be trusted (a gap in a stream). */
  void spoilStride() {
    strideSpoiled = true;
  }

  /**
   * A stride boundary (each left heel strike): closes the stride in progress, updates the gain from
   * it, and opens the next.
   */
  void onStrideBoundary(long timeNs) {
    if (strideOpen && settings.enabled()) {
      closeStride(timeNs);
    }
    strideOpen = true;
    strideSpoiled = false;
    strideStartNs = timeNs;
    for (int c = 0; c < CHANNELS; c++) {
      beltIntegralNNs[c] = 0;
      beltCoveredNs[c] = 0;
    }
    unloadingIntegralNNs = 0;
    unloadingCoveredNs = 0;
  }

  private void closeStride(long timeNs) {
    double strideS = (timeNs - strideStartNs) * 1e-9;
    double meanBeltN = 0;
    boolean anyBelt = false;
    for (int c = 0; c < CHANNELS; c++) {
      if (beltCoveredNs[c] > 0) {
        meanBeltN += beltIntegralNNs[c] / beltCoveredNs[c];
        anyBelt = true;
      }
    }
    double meanUnloadingN;
    if (unloadingCoveredNs > 0) {
      meanUnloadingN = unloadingIntegralNNs / unloadingCoveredNs;
    } else if (settings.expectUnloading()) {
      meanUnloadingN = Double.NaN;
    } else {
      meanUnloadingN = 0.0;
    }
    double estimate = (bodyWeightN - meanUnloadingN) / meanBeltN;
    lastEstimate = estimate;
    boolean usable =
        !strideSpoiled
            && anyBelt
            && strideS >= settings.minStrideS()
            && strideS <= settings.maxStrideS()
            && meanBeltN > 0
            && estimate >= settings.minGain()
            && estimate <= settings.maxGain();
    if (usable) {
      gain += settings.smoothing() * (estimate - gain);
      acceptedStrides++;
    } else {
      rejectedStrides++;
    }
  }

  /** The factor raw belt forces are multiplied by; 1 until the first usable stride. */
  public double gain() {
    return settings.enabled() ? gain : 1.0;
  }

  /** The last stride's own estimate of the gain, NaN before the first closed stride. */
  public double lastStrideEstimate() {
    return lastEstimate;
  }

  /** The most recent harness unloading, N. */
  public double latestUnloadingN() {
    return latestUnloadingN;
  }

  public long acceptedStrides() {
    return acceptedStrides;
  }

  public long rejectedStrides() {
    return rejectedStrides;
  }

  public DriftSettings settings() {
    return settings;
  }
}
