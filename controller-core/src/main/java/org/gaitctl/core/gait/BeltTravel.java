package org.gaitctl.core.gait;

/**
 * Distance the belt surface has moved backwards since the start, integrated from belt speed samples
 * (trapezoid rule), so that positions measured on the belt at different moments can be compared.
 * With no speed samples (overground) the travel stays 0. Single-threaded, allocation-free.
 */
final class BeltTravel {

  private boolean started;
  private long lastNs;
  private double lastSpeedMps;
  private double travelM;

  void onSpeed(long timeNs, double speedMps) {
    if (Double.isNaN(speedMps)) {
      return;
    }
    if (started && timeNs - lastNs > 0) {
      travelM += 0.5 * (lastSpeedMps + speedMps) * (timeNs - lastNs) * 1e-9;
    }
    if (!started || timeNs - lastNs > 0) {
      lastNs = timeNs;
      lastSpeedMps = speedMps;
    }
    started = true;
  }

  /** Travel up to {@code timeNs}, holding the last speed beyond the last sample, m. */
  double travelAtM(long timeNs) {
    if (!started) {
      return 0.0;
    }
    return travelM + lastSpeedMps * (timeNs - lastNs) * 1e-9;
  }
}
