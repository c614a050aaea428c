package org.gaitctl.core.port;

import java.nio.ByteBuffer;

/**
 * Receives pressure frames from a pressure-belt reader. The pipeline implements it by copying the
 * cells into a preallocated ring slot.
 *
 * <p>Called on the reader's thread, once per decoded frame; must not block or allocate.
 */
@FunctionalInterface
public interface PressureFrameSink {

  /**
   * @param arrivalNs host time the frame's last byte was read ({@link
   *     org.gaitctl.core.time.NanoClock})
   * @param seq the device's frame counter for this belt (u32, as a non-negative long)
   * @param deviceTimeUs the device clock, µs
   * @param belt 0 left or only belt, 1 right belt
   * @param rows rows (row 0 anterior)
   * @param cols columns (column 0 at the patient's left)
   * @param cellsLittleEndian {@code rows*cols} u16 cells in 0.01 N/cm², row-major, little-endian,
   *     from the buffer's position; valid only during the call
   */
  void onPressureFrame(
      long arrivalNs,
      long seq,
      long deviceTimeUs,
      int belt,
      int rows,
      int cols,
      ByteBuffer cellsLittleEndian);
}
