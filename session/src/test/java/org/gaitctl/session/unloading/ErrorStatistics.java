package org.gaitctl.session.unloading;

/**
 * RMS, peak and mean of the unloading error, %BW, over the whole run and per window, so a test can
 * see whether the oscillation grows (limit cycle) or the mean drifts.
 */
final class ErrorStatistics implements VirtualBwsRig.ErrorSink {

  private final long windowNs;
  private final double[] windowRms;
  private final double[] windowMean;
  private long count;
  private double sum;
  private double sumOfSquares;
  private double peak;
  private long windowStartNs = -1;
  private int windows;
  private long windowCount;
  private double windowSum;
  private double windowSumOfSquares;

  ErrorStatistics(long windowNs, int maxWindows) {
    this.windowNs = windowNs;
    this.windowRms = new double[maxWindows];
    this.windowMean = new double[maxWindows];
  }

  @Override
  public void onError(long timeNs, double errorPercentBodyWeight) {
    if (windowStartNs < 0) {
      windowStartNs = timeNs;
    }
    if (timeNs - windowStartNs >= windowNs && windows < windowRms.length) {
      windowRms[windows] = Math.sqrt(windowSumOfSquares / windowCount);
      windowMean[windows] = windowSum / windowCount;
      windows++;
      windowStartNs = timeNs;
      windowCount = 0;
      windowSum = 0;
      windowSumOfSquares = 0;
    }
    count++;
    sum += errorPercentBodyWeight;
    sumOfSquares += errorPercentBodyWeight * errorPercentBodyWeight;
    peak = Math.max(peak, Math.abs(errorPercentBodyWeight));
    windowCount++;
    windowSum += errorPercentBodyWeight;
    windowSumOfSquares += errorPercentBodyWeight * errorPercentBodyWeight;
  }

  double rmsPercent() {
    return Math.sqrt(sumOfSquares / count);
  }

  double peakPercent() {
    return peak;
  }

  double meanPercent() {
    return sum / count;
  }

  /** RMS of each completed window, %BW. */
  double windowRmsPercent(int window) {
    return windowRms[window];
  }

  double windowMeanPercent(int window) {
    return windowMean[window];
  }

  int windows() {
    return windows;
  }
}
