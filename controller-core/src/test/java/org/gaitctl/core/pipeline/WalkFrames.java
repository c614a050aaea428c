package org.gaitctl.core.pipeline;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.gaitctl.core.contact.PressureGrid;
import org.gaitctl.core.testing.SyntheticWalker;

/**
 * An endless steady walk on the reference single belt (128 × 56 at 8.47 mm, 300 Hz) for pipeline
 * tests: one stride of frames from {@link SyntheticWalker} (1.1 s stride, 0.68 s stance, 75 kg, 1
 * m/s), rendered once as little-endian buffers and then repeated, so publishing does not allocate.
 */
final class WalkFrames {

  static final PressureGrid GRID = new PressureGrid(1, 128, 56, 0.00847, 0.00847);
  static final int FRAME_RATE_HZ = 300;
  static final long FRAME_PERIOD_NS = 1_000_000_000L / FRAME_RATE_HZ;

  /** Frames per stride: 1.1 s at 300 Hz. */
  static final int FRAMES_PER_STRIDE = 330;

  /** Start of the rendered stride, s: both feet walk steadily from here on. */
  private static final double STEADY_FROM_S = 2.2;

  private final ByteBuffer[] frames = new ByteBuffer[FRAMES_PER_STRIDE];

  WalkFrames() {
    SyntheticWalker walker = new SyntheticWalker(1.1, 0.68, 736.0, 1.0);
    char[] cells = new char[GRID.cellsPerBelt()];
    for (int i = 0; i < FRAMES_PER_STRIDE; i++) {
      walker.render(GRID, 0, STEADY_FROM_S + i / (double) FRAME_RATE_HZ, cells, 0);
      ByteBuffer buffer = ByteBuffer.allocate(cells.length * 2).order(ByteOrder.LITTLE_ENDIAN);
      for (int c = 0; c < cells.length; c++) {
        buffer.putChar(c * 2, cells[c]);
      }
      frames[i] = buffer;
    }
  }

  /** Frame {@code index} of the endless walk; position 0, little-endian; shared, do not modify. */
  ByteBuffer frameAt(long index) {
    return frames[(int) (index % FRAMES_PER_STRIDE)];
  }

  /** Publishes frame {@code index} as arriving at {@code arrivalNs}. */
  void publish(RingPublisher publisher, long index, long arrivalNs) {
    publisher.onPressureFrame(
        arrivalNs, index, index * 1_000_000 / FRAME_RATE_HZ, 0, 128, 56, frameAt(index));
  }
}
