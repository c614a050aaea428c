package org.gaitctl.core.pipeline;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Synthetic pressure frames for pipeline tests: a walk with a 1 s stride in which each foot loads
 * its half of a 128 × 56 belt for 0.6 s, the right foot half a stride after the left. The frames
 * are prepared once; {@link #frameAt} returns one of them without allocating.
 */
final class SyntheticWalk {

  static final int ROWS = 128;
  static final int COLS = 56;
  static final int FRAME_RATE_HZ = 300;
  static final long FRAME_PERIOD_NS = 1_000_000_000L / FRAME_RATE_HZ;
  static final int LOADED_COUNTS = 40;

  private final ByteBuffer[] framesByPhase = new ByteBuffer[FRAME_RATE_HZ];

  SyntheticWalk() {
    for (int phase = 0; phase < FRAME_RATE_HZ; phase++) {
      double strideFraction = phase / (double) FRAME_RATE_HZ;
      boolean left = strideFraction < 0.6;
      boolean right = strideFraction >= 0.5 || strideFraction < 0.1;
      framesByPhase[phase] = frame(left, right, (char) 0);
    }
  }

  /** Frame {@code index} of the walk (300 per stride); position 0, little-endian. */
  ByteBuffer frameAt(long index) {
    return framesByPhase[(int) (index % FRAME_RATE_HZ)];
  }

  /** One frame with the given feet loaded and cell 0 set to {@code firstCell}. */
  static ByteBuffer frame(boolean left, boolean right, char firstCell) {
    ByteBuffer buffer = ByteBuffer.allocate(ROWS * COLS * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int row = 0; row < ROWS; row++) {
      for (int col = 0; col < COLS; col++) {
        boolean loaded = row >= 40 && row < 72 && (col < COLS / 2 ? left : right);
        buffer.putChar((row * COLS + col) * 2, loaded ? (char) LOADED_COUNTS : 0);
      }
    }
    buffer.putChar(0, firstCell);
    return buffer;
  }
}
