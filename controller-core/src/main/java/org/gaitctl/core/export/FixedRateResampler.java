package org.gaitctl.core.export;

import java.util.Arrays;

/**
 * Puts samples that arrived with jitter onto a fixed-rate grid for C3D, whose analog channels have
 * one rate: the rate is the median arrival rate rounded to whole hertz, the grid starts at the
 * first sample, and each grid value is linearly interpolated between the two samples around it.
 */
public final class FixedRateResampler {

  private FixedRateResampler() {}

  /** The median arrival rate of {@code timeS} (two or more increasing times), whole hertz, ≥ 1. */
  public static double rateHz(double[] timeS) {
    double[] intervals = new double[timeS.length - 1];
    for (int i = 1; i < timeS.length; i++) {
      intervals[i - 1] = timeS[i] - timeS[i - 1];
    }
    Arrays.sort(intervals);
    return Math.max(1, Math.round(1 / intervals[intervals.length / 2]));
  }

  /** {@code values} at {@code timeS} resampled to {@code rateHz} from {@code timeS[0]}. */
  public static double[] resample(double[] timeS, double[] values, double rateHz) {
    int count = (int) Math.floor((timeS[timeS.length - 1] - timeS[0]) * rateHz) + 1;
    double[] out = new double[count];
    int j = 0;
    for (int i = 0; i < count; i++) {
      double t = timeS[0] + i / rateHz;
      while (j < timeS.length - 2 && timeS[j + 1] < t) {
        j++;
      }
      double span = timeS[j + 1] - timeS[j];
      double w = Math.min(1, Math.max(0, (t - timeS[j]) / span));
      out[i] = values[j] + w * (values[j + 1] - values[j]);
    }
    return out;
  }
}
