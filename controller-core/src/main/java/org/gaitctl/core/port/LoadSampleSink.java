package org.gaitctl.core.port;

/**
 * Receives harness load-cell samples from the load-cell reader. Called on the reader's thread; must
 * not block or allocate.
 */
@FunctionalInterface
public interface LoadSampleSink {

  /**
   * @param arrivalNs host time the sample's last byte was read
   * @param seq the device's sample counter (u32, as a non-negative long)
   * @param deviceTimeUs the device clock, µs
   * @param forceCn cable tension in centinewtons, positive when pulling
   * @param flags bit 0 overload, bit 1 bridge open / sensor fault, bit 2 tare in progress
   */
  void onLoadSample(long arrivalNs, long seq, long deviceTimeUs, int forceCn, int flags);
}
