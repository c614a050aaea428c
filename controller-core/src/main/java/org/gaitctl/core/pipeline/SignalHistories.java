package org.gaitctl.core.pipeline;

import org.gaitctl.core.gait.Side;

/**
 * One {@link SignalHistory} per {@link ChartSignal}; written by the chart stage, read by charts.
 */
public final class SignalHistories {

  private final SignalHistory[] histories = new SignalHistory[ChartSignal.COUNT];

  SignalHistories() {
    for (ChartSignal signal : ChartSignal.values()) {
      histories[signal.ordinal()] = new SignalHistory(signal.historyCapacity());
    }
  }

  public SignalHistory history(ChartSignal signal) {
    return histories[signal.ordinal()];
  }

  /** The vertical force history of {@code side}. */
  public SignalHistory footForce(Side side) {
    return history(
        side == Side.LEFT ? ChartSignal.LEFT_FOOT_FORCE_N : ChartSignal.RIGHT_FOOT_FORCE_N);
  }
}
