package org.gaitctl.sim;

/**
 * What the emulated load-cell amplifier streams: the harness cable tension its bridge sees. Called
 * on the emulator's streaming thread.
 */
public interface LoadCellSource {

  /** Cable tension at {@code timeNs}, centinewtons, positive when pulling. */
  int forceCn(long timeNs);

  /** LOAD_SAMPLE flags at {@code timeNs}: bit 0 overload, bit 1 bridge open, bit 2 tare. */
  int flags(long timeNs);
}
