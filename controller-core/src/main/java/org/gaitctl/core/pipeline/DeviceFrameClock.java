package org.gaitctl.core.pipeline;

/**
 * The host time at which one device (a pressure belt) sampled each of its frames, from the device
 * clock the frame carries, instead of the time the frame arrived.
 *
 * <p>Why: a stream is delivered late now and then (the serial link, the OS, a busy machine) and
 * then catches up in a burst. Timed by arrival, such a stall looks like a gap in the data (the gait
 * analysis resets both feet and drops their open steps) and the burst squeezes the force curves
 * (wrong stance times). Seen in the HIL library: 170–260 ms arrival gaps with consecutive device
 * sequence numbers 3.3 ms apart, each losing a step of each foot.
 *
 * <p>How: host time = device time + offset, where the offset is the least {@code arrival − device}
 * seen (the frame delivered with the least delay), so a late frame is placed where it was sampled.
 * The offset may rise by at most {@link #MAX_DRIFT} of the device time elapsed, so a device clock
 * slower than the host's is followed while a delivery delay barely moves it. A device clock that
 * does not advance (a device restart) restarts the estimate; a frame without a device clock (0) is
 * timed by its arrival. Mapped times are never later than the arrival, and never earlier than the
 * previous frame's: when the first frames arrived late, the offset falls with the first punctual
 * one, and the analysis must not see time run backwards.
 *
 * <p>Single-threaded (the gait stage); allocation-free.
 */
final class DeviceFrameClock {

  /** Largest rate by which the device clock may run slow against the host's: 1000 ppm. */
  static final double MAX_DRIFT = 1e-3;

  private boolean anchored;
  private long lastDeviceUs;
  private long offsetNs;
  private long lastSampledNs = Long.MIN_VALUE;

  /**
   * The host time the frame was sampled, ns.
   *
   * @param arrivalNs host time the frame arrived
   * @param deviceTimeUs the frame's device clock, µs, 0 when it has none
   */
  long sampledNs(long arrivalNs, long deviceTimeUs) {
    if (deviceTimeUs == 0) {
      return monotonic(arrivalNs);
    }
    long deviceNs = deviceTimeUs * 1_000L;
    long seenOffsetNs = arrivalNs - deviceNs;
    if (!anchored || deviceTimeUs <= lastDeviceUs) {
      offsetNs = seenOffsetNs;
      anchored = true;
    } else {
      long driftAllowanceNs = (long) ((deviceTimeUs - lastDeviceUs) * 1_000L * MAX_DRIFT);
      offsetNs = Math.min(offsetNs + driftAllowanceNs, seenOffsetNs);
    }
    lastDeviceUs = deviceTimeUs;
    return monotonic(deviceNs + offsetNs);
  }

  private long monotonic(long sampledNs) {
    lastSampledNs = Math.max(lastSampledNs, sampledNs);
    return lastSampledNs;
  }
}
