package org.gaitctl.hmi.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gaitctl.session.protocol.ExecutorState;
import org.gaitctl.session.protocol.ProtocolStatus;
import org.junit.jupiter.api.Test;

class LiveReadoutTest {

  @Test
  void shouldShowTheMeasuredUnloadingFromTheLoadCellNotTheTarget() {
    LiveReadout r = LiveReadout.of(status(ExecutorState.RUNNING, 1, 28.4, 30), 2.0, 94.2, 150);

    assertThat(r.unloadingMeasured()).isEqualTo("28");
    assertThat(r.unloadingTarget()).isEqualTo("target 30 %BW");
    assertThat(r.speedMeasured()).isEqualTo("0.79");
    assertThat(r.speedTarget()).isEqualTo("target 0.80 m/s");
    assertThat(r.inclineMeasured()).isEqualTo("2.0");
    assertThat(r.cadence()).isEqualTo("94");
    assertThat(r.steps()).isEqualTo("123");
  }

  @Test
  void shouldShowStageProgressAndTimeLeftInMinutesAndSeconds() {
    LiveReadout r = LiveReadout.of(status(ExecutorState.RUNNING, 1, 28, 30), 0, 90, 150);

    assertThat(r.stage()).isEqualTo("2/4 faster");
    assertThat(r.stageTimeLeft()).isEqualTo("0:45");
    assertThat(r.protocolTimeLeft()).isEqualTo("1:46");
    // 105.1 s of 150 s left.
    assertThat(r.progress()).isCloseTo(0.299, within(1e-3));
    assertThat(r.pauseLabel()).isEqualTo("Pause");
  }

  @Test
  void shouldOfferResumeWhilePausedAndDashesBeforeTheFirstStage() {
    assertThat(LiveReadout.of(status(ExecutorState.PAUSED, 0, 28, 30), 0, 90, 150).pauseLabel())
        .isEqualTo("Resume");
    LiveReadout before =
        LiveReadout.of(
            status(ExecutorState.STARTING, -1, Double.NaN, 30), Double.NaN, Double.NaN, 150);
    assertThat(before.stage()).isEqualTo(ConsoleFormat.UNKNOWN);
    assertThat(before.unloadingMeasured()).isEqualTo(ConsoleFormat.UNKNOWN);
    assertThat(before.inclineMeasured()).isEqualTo(ConsoleFormat.UNKNOWN);
    assertThat(before.cadence()).isEqualTo(ConsoleFormat.UNKNOWN);
    assertThat(before.progress()).isZero();
  }

  private static ProtocolStatus status(
      ExecutorState state, int stage, double measuredPercentBw, double targetPercentBw) {
    return new ProtocolStatus(
        state,
        stage,
        4,
        stage < 0 ? "" : "faster",
        44.2,
        105.1,
        Double.NaN,
        0.8,
        2.0,
        targetPercentBw,
        0.79,
        measuredPercentBw * 7.3575,
        measuredPercentBw,
        123,
        4.0,
        3.0);
  }
}
