package org.gaitctl.core.pipeline;

import org.gaitctl.core.port.Centinewtons;
import org.gaitctl.core.port.StreamFlags;

/**
 * Load sample to measured unloading: the harness cable tension in newtons, low-pass filtered, with
 * its validity. This is the input the unloading force loop will close on.
 *
 * <p>The filter is first order with cutoff {@code cutoffHz}; its step uses the device clock, not
 * host arrival, so host scheduling jitter does not enter the filter. It restarts from the raw value
 * after a gap longer than {@code maxGapNs} in the device clock, after a device clock that went
 * backwards, and after any sample that is not valid. Tare-aware: while the amplifier reports a tare
 * in progress no value is valid, and the restart afterwards keeps pre-tare readings out of the
 * post-tare zero. Overload and sensor-fault flags make the value invalid.
 *
 * <p>Runs on its own ring thread (or the shared one); allocation-free.
 */
final class LoadCellStage implements PipelineStage {

  private final double timeConstantS;
  private final long maxGapUs;
  private boolean primed;
  private double filteredN;
  private long lastDeviceTimeUs;

  LoadCellStage(double cutoffHz, long maxGapNs) {
    this.timeConstantS = 1.0 / (2 * Math.PI * cutoffHz);
    this.maxGapUs = maxGapNs / 1_000;
  }

  @Override
  public boolean handles(EventKind kind) {
    return kind == EventKind.LOAD_SAMPLE;
  }

  @Override
  public void process(RingEvent event) {
    LoadSample sample = event.loadSample();
    double rawN = Centinewtons.toNewtons(sample.forceCn());
    int flags = sample.flags();
    UnloadingStatus status = statusOf(flags);
    if (status != UnloadingStatus.VALID) {
      primed = false;
      event.unloading().set(status, rawN, Double.NaN);
      return;
    }
    long deviceTimeUs = event.deviceTimeUs();
    long stepUs = deviceTimeUs - lastDeviceTimeUs;
    if (!primed || stepUs <= 0 || stepUs > maxGapUs) {
      filteredN = rawN;
      primed = true;
    } else {
      double alpha = 1.0 - Math.exp(-(stepUs * 1e-6) / timeConstantS);
      filteredN += alpha * (rawN - filteredN);
    }
    lastDeviceTimeUs = deviceTimeUs;
    event.unloading().set(UnloadingStatus.VALID, rawN, filteredN);
  }

  private static UnloadingStatus statusOf(int flags) {
    if ((flags & StreamFlags.LOAD_SENSOR_FAULT) != 0) {
      return UnloadingStatus.SENSOR_FAULT;
    }
    if ((flags & StreamFlags.LOAD_TARE_IN_PROGRESS) != 0) {
      return UnloadingStatus.TARE_IN_PROGRESS;
    }
    if ((flags & StreamFlags.LOAD_OVERLOAD) != 0) {
      return UnloadingStatus.OVERLOAD;
    }
    return UnloadingStatus.VALID;
  }
}
