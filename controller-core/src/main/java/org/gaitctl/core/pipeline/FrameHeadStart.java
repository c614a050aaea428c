package org.gaitctl.core.pipeline;

import org.gaitctl.core.contact.FootContactEstimator;
import org.gaitctl.core.contact.NettedHead;

/**
 * The part of the gait stage's work on a pressure frame that depends only on the earlier frames of
 * its belt, done ahead on another thread: placing the frame in time ({@link DeviceFrameClock}) and
 * netting its cells above their baselines up to a split. The gait stage nets the rest and goes on
 * as for any frame, so the results are those of the stage alone, bit for bit.
 *
 * <p>For a replay, whose reading thread would otherwise wait while the analysing thread works: the
 * two threads then share the per-cell work that dominates a frame (docs/PERFORMANCE.md, "Replay
 * speed"). One thread begins every frame, in order; the hand-over to the stage must order the
 * writes. Allocation-free.
 */
public final class FrameHeadStart {

  private final DeviceFrameClock[] frameClocks;
  private final FootContactEstimator contact;

  FrameHeadStart(DeviceFrameClock[] frameClocks, FootContactEstimator contact) {
    this.frameClocks = frameClocks;
    this.contact = contact;
  }

  /**
   * Places the pressure frame {@code event} carries in time and nets its cells below {@code
   * upToCell} into {@code head}, which the event then carries to the gait stage.
   */
  public void begin(RingEvent event, NettedHead head, int upToCell) {
    PressureFrame frame = event.frame();
    long sampledNs = frameClocks[frame.belt()].sampledNs(event.arrivalNs(), event.deviceTimeUs());
    event.sampledNs(sampledNs);
    contact.netHead(sampledNs, frame.belt(), frame.cells(), 0, upToCell, head);
    event.begunFrame(head);
  }
}
