package org.gaitctl.core.pipeline;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latest-frame exchange of one belt's pressure frame for a heat map: a triple buffer of
 * preallocated frames. The writer (the chart stage) fills its back buffer and swaps it with the
 * middle one; the reader swaps the middle one with its front buffer when a newer frame is there.
 * Neither side waits or allocates, the reader always gets the newest complete frame, and frames the
 * reader had no time for are simply overwritten.
 *
 * <p>One writer thread and one reader thread (the heat-map view).
 */
public final class HeatMapExchange {

  private static final int INDEX_MASK = 0b11;
  private static final int FRESH = 0b100;

  private final HeatMapFrame[] buffers;
  private final AtomicInteger middle = new AtomicInteger(2);
  private int back;
  private int front = 1;

  HeatMapExchange(int maxCells) {
    buffers =
        new HeatMapFrame[] {
          new HeatMapFrame(maxCells), new HeatMapFrame(maxCells), new HeatMapFrame(maxCells)
        };
  }

  /** Copies the frame into the back buffer and makes it the newest; the writer thread only. */
  void publish(PressureFrame frame, long arrivalNs, long deviceSeq) {
    buffers[back].copyFrom(frame, arrivalNs, deviceSeq);
    back = middle.getAndSet(back | FRESH) & INDEX_MASK;
  }

  /**
   * The newest complete frame. It stays unchanged until this reader's next call; the reader thread
   * only. Before the first frame its {@link HeatMapFrame#arrivalNs()} is {@code ArrivalTime.NONE}.
   */
  public HeatMapFrame latest() {
    if ((middle.get() & FRESH) != 0) {
      front = middle.getAndSet(front) & INDEX_MASK;
    }
    return buffers[front];
  }
}
