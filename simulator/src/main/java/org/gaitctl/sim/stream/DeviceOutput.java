package org.gaitctl.sim.stream;

/**
 * Where an emulated streaming device writes its messages: the device end of a serial port, or a
 * test's byte collector. Called on the emulator's thread.
 */
@FunctionalInterface
public interface DeviceOutput {

  /**
   * Writes all bytes, blocking while the line is busy.
   *
   * @return false when the port failed
   */
  boolean write(byte[] bytes, int offset, int length);
}
