package org.gaitctl.core.pipeline;

import org.gaitctl.core.gait.Side;

/**
 * Feeds the charts: appends every foot force, valid unloading and good belt-speed read to its
 * {@link SignalHistory}, and hands every pressure frame to its belt's {@link HeatMapExchange}. Runs
 * after gait analysis (it needs the foot forces); allocation-free.
 */
final class ChartStage implements PipelineStage {

  private final SignalHistories histories;
  private final HeatMapExchange[] heatMaps;

  ChartStage(SignalHistories histories, HeatMapExchange[] heatMaps) {
    this.histories = histories;
    this.heatMaps = heatMaps;
  }

  @Override
  public boolean handles(EventKind kind) {
    return kind == EventKind.PRESSURE_FRAME
        || kind == EventKind.LOAD_SAMPLE
        || kind == EventKind.DRIVE_STATUS;
  }

  @Override
  public void process(RingEvent event) {
    long arrivalNs = event.arrivalNs();
    switch (event.kind()) {
      case PRESSURE_FRAME -> {
        appendFoot(event.foot(Side.LEFT), ChartSignal.LEFT_FOOT_FORCE_N, arrivalNs);
        appendFoot(event.foot(Side.RIGHT), ChartSignal.RIGHT_FOOT_FORCE_N, arrivalNs);
        PressureFrame frame = event.frame();
        heatMaps[frame.belt()].publish(frame, arrivalNs, event.deviceSeq());
      }
      case LOAD_SAMPLE -> {
        if (event.unloading().status() == UnloadingStatus.VALID) {
          histories
              .history(ChartSignal.UNLOADING_N)
              .append(arrivalNs, event.unloading().filteredN());
        }
      }
      case DRIVE_STATUS -> {
        if (event.drive().readOk()) {
          histories.history(ChartSignal.BELT_SPEED_MPS).append(arrivalNs, event.drive().speedMps());
        }
      }
      default -> {
        // Not handled: see handles().
      }
    }
  }

  private void appendFoot(FootContact foot, ChartSignal signal, long arrivalNs) {
    if (foot.valid()) {
      histories.history(signal).append(arrivalNs, foot.forceN());
    }
  }
}
