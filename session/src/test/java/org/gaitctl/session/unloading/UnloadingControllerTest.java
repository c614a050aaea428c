package org.gaitctl.session.unloading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.lang.management.ManagementFactory;
import org.gaitctl.core.gait.Side;
import org.junit.jupiter.api.Test;

/** The loop's rules on synthetic inputs: conversion, limits, freezing, feed-forward life cycle. */
class UnloadingControllerTest {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  static final long CYCLE_NS = UnloadingSettings.DEFAULT_CYCLE_PERIOD_NS;
  static final long STRIDE_NS = 1_100_000_000L;
  static final double MASS_KG = 75;
  static final double WALKING_MPS = 1.0;

  private final UnloadingSettings settings = UnloadingSettings.tuned(20, 600, 200);
  private final UnloadingController controller = new UnloadingController(settings, MASS_KG);
  private long nowNs;

  private double cycle(double loadCellN) {
    nowNs += CYCLE_NS;
    return controller.update(nowNs, loadCellN, nowNs, WALKING_MPS, false);
  }

  /** Walks {@code strides} strides of {@link #STRIDE_NS}, the load cell reading {@code error}. */
  private void walk(int strides, double loadCellErrorN) {
    for (int s = 0; s < strides; s++) {
      controller.onHeelStrike(Side.LEFT, nowNs);
      for (long t = 0; t < STRIDE_NS; t += CYCLE_NS) {
        double swingN = loadCellErrorN * Math.sin(2 * Math.PI * t / STRIDE_NS);
        cycle(controller.targetN() + swingN);
      }
    }
  }

  @Test
  void shouldTurnPercentBodyWeightIntoNewtonsOfTension() {
    controller.targetPercentBodyWeight(30);

    assertThat(controller.targetN()).isCloseTo(75 * 9.81 * 0.30, offset(1e-9));
  }

  @Test
  void shouldRampFromTheUnitsForceSetAtTheForceRateAndStopAtTheMaximumUnloading() {
    controller.targetPercentBodyWeight(100);
    controller.start(nowNs, 20);

    double first = cycle(0);
    assertThat(first).isEqualTo(20 + 200 * CYCLE_NS * 1e-9);
    double last = first;
    for (int i = 0; i < 1_000; i++) {
      double next = cycle(controller.targetN());
      assertThat(next - last).isLessThanOrEqualTo(200 * CYCLE_NS * 1e-9 + 1e-9);
      last = next;
    }
    assertThat(last).isEqualTo(600);
    assertThat(controller.lastCommandClamped()).isTrue();
  }

  @Test
  void shouldNotWindUpWhileTheCommandIsClampedAtTheMaximumUnloading() {
    controller.targetPercentBodyWeight(80);
    controller.start(nowNs, 600);

    for (int i = 0; i < 500; i++) {
      assertThat(cycle(500)).isEqualTo(600);
    }

    assertThat(controller.targetN() + controller.integralN())
        .isLessThanOrEqualTo(600 + 2.0 * 100 * CYCLE_NS * 1e-9);
    assertThat(cycle(controller.targetN() + 50)).isLessThan(600);
  }

  @Test
  void shouldFreezeIntegrationWhileTheHarnessIsHeld() {
    controller.targetPercentBodyWeight(30);
    controller.start(nowNs, controller.targetN());

    for (int i = 0; i < 100; i++) {
      nowNs += CYCLE_NS;
      controller.update(nowNs, 100, nowNs, WALKING_MPS, true);
    }

    assertThat(controller.mode()).isEqualTo(UnloadingMode.HELD);
    assertThat(controller.integralN()).isZero();
  }

  @Test
  void shouldFreezeIntegrationWhileTheBeltIsPaused() {
    controller.targetPercentBodyWeight(30);
    controller.start(nowNs, controller.targetN());

    for (int i = 0; i < 100; i++) {
      nowNs += CYCLE_NS;
      controller.update(nowNs, 100, nowNs, 0.0, false);
    }

    assertThat(controller.mode()).isEqualTo(UnloadingMode.PAUSED);
    assertThat(controller.integralN()).isZero();
  }

  @Test
  void shouldFreezeTheLoopWhenTheLoadCellSampleIsOlderThanAllowed() {
    controller.targetPercentBodyWeight(30);
    controller.start(nowNs, controller.targetN());
    long sampleNs = nowNs - 1_000_000_000L;

    double command = controller.targetN();
    for (int i = 0; i < 100; i++) {
      nowNs += CYCLE_NS;
      command = controller.update(nowNs, 100, sampleNs, WALKING_MPS, false);
    }

    assertThat(controller.mode()).isEqualTo(UnloadingMode.STREAM_LATE);
    assertThat(controller.integralN()).isZero();
    assertThat(command).isEqualTo(controller.targetN());
  }

  @Test
  void shouldTreatAReadingThatIsNotANumberAsALateStream() {
    controller.targetPercentBodyWeight(30);
    controller.start(nowNs, controller.targetN());

    double command = cycle(Double.NaN);

    assertThat(controller.mode()).isEqualTo(UnloadingMode.STREAM_LATE);
    assertThat(command).isEqualTo(controller.targetN());
    assertThat(controller.integralN()).isZero();
  }

  @Test
  void shouldIntegrateTheErrorAwayWhileTracking() {
    controller.targetPercentBodyWeight(30);
    controller.start(nowNs, controller.targetN());

    for (int i = 0; i < 50; i++) {
      cycle(controller.targetN() - 10);
    }

    assertThat(controller.mode()).isEqualTo(UnloadingMode.TRACKING);
    assertThat(controller.integralN()).isCloseTo(2.0 * 10 * 1.0, offset(1e-6));
  }

  @Test
  void shouldLearnTheFeedForwardOnlyAfterSteadyStrides() {
    controller.targetPercentBodyWeight(30);
    controller.start(nowNs, controller.targetN());

    walk(settings.steadyStrides() + 1, 30);
    assertThat(controller.mode()).isEqualTo(UnloadingMode.TRACKING);
    assertThat(controller.feedForwardPeakN()).isZero();

    walk(10, 30);
    assertThat(controller.mode()).isEqualTo(UnloadingMode.LEARNING);
    assertThat(controller.feedForwardPeakN()).isGreaterThan(10);
  }

  @Test
  void shouldForgetTheLearnedFeedForwardWhenTheBeltSpeedChanges() {
    controller.targetPercentBodyWeight(30);
    controller.start(nowNs, controller.targetN());
    walk(15, 30);
    assertThat(controller.feedForwardPeakN()).isPositive();

    nowNs += CYCLE_NS;
    controller.update(nowNs, controller.targetN(), nowNs, WALKING_MPS + 0.2, false);

    assertThat(controller.feedForwardPeakN()).isZero();
    assertThat(controller.mode()).isEqualTo(UnloadingMode.TRACKING);
  }

  @Test
  void shouldForgetTheLearnedFeedForwardAfterALongPauseInTheSteps() {
    controller.targetPercentBodyWeight(30);
    controller.start(nowNs, controller.targetN());
    walk(15, 30);

    for (long t = 0; t <= settings.pauseResetNs() + CYCLE_NS; t += CYCLE_NS) {
      cycle(controller.targetN());
    }

    assertThat(controller.feedForwardPeakN()).isZero();
    assertThat(controller.mode()).isEqualTo(UnloadingMode.TRACKING);
  }

  @Test
  void shouldRefuseACycleBeforeTheLoopIsStarted() {
    assertThatThrownBy(() -> controller.update(0, 0, 0, WALKING_MPS, false))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldNotAllocateInSteadyStateCycles() {
    controller.targetPercentBodyWeight(30);
    controller.start(nowNs, controller.targetN());
    walk(15, 30);

    long before = THREADS.getCurrentThreadAllocatedBytes();
    walk(20, 30);
    long allocatedBytes = THREADS.getCurrentThreadAllocatedBytes() - before;

    // 20 strides are 1,100 cycles: any object per cycle would cost >= 17,600 B.
    assertThat(allocatedBytes)
        .as("bytes allocated by 1,100 cycles (one-off JVM noise allowed)")
        .isLessThan(1_000);
  }
}
