package org.gaitctl.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gaitctl.core.pipeline.PipelineTestSupport.assemble;
import static org.gaitctl.core.pipeline.PipelineTestSupport.awaitDrained;
import static org.gaitctl.core.pipeline.PipelineTestSupport.onRingThread;
import static org.gaitctl.core.pipeline.PipelineTestSupport.publishWalk;
import static org.gaitctl.core.pipeline.PipelineTestSupport.settings;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import org.HdrHistogram.Histogram;
import org.gaitctl.core.analysis.GaitSettings;
import org.gaitctl.core.contact.PressureGrid;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.symmetry.StepParameter;
import org.gaitctl.core.time.ArrivalTime;
import org.gaitctl.core.time.NanoClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PipelineTest {

  private static final int FOUR_STRIDES = 4 * WalkFrames.FRAMES_PER_STRIDE;

  private final WalkFrames walk = new WalkFrames();

  @ParameterizedTest
  @EnumSource(StageThreading.class)
  void shouldCopyEveryCompletedStepIntoEverySubscribersQueue(StageThreading threading) {
    try (Pipeline pipeline = assemble(settings(threading))) {
      StepSubscription printer = pipeline.steps().subscribe("printer", 64);
      StepSubscription console = pipeline.steps().subscribe("console", 64);
      pipeline.start();
      publishWalk(pipeline, walk, FOUR_STRIDES);
      awaitDrained(pipeline);

      List<Side> sides = new ArrayList<>();
      List<Double> stepTimesS = new ArrayList<>();
      printer.drain(
          (step, symmetry, arrivalNs) -> {
            sides.add(step.side());
            stepTimesS.add(step.stepTimeS());
          });
      List<Side> consoleSides = new ArrayList<>();
      console.drain((step, symmetry, arrivalNs) -> consoleSides.add(step.side()));

      assertThat(sides).hasSizeGreaterThanOrEqualTo(5).isEqualTo(consoleSides);
      for (int i = 1; i < sides.size(); i++) {
        assertThat(sides.get(i)).isEqualTo(sides.get(i - 1).opposite());
      }
      // The first step has no earlier heel strike of the other foot: its step time is unknown.
      assertThat(stepTimesS.get(0)).isNaN();
      assertThat(stepTimesS.subList(1, stepTimesS.size()))
          .allSatisfy(t -> assertThat(t).isBetween(0.53, 0.57));
      assertThat(pipeline.counters().get(PipelineCounter.STEPS)).isEqualTo(sides.size());
      assertThat(pipeline.counters().get(PipelineCounter.PRESSURE_FRAMES)).isEqualTo(FOUR_STRIDES);
      assertThat(printer.dropped()).isZero();
      assertThat(pipeline.faults().raised()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(StageThreading.class)
  void shouldTimeFramesByTheBeltsClockSoAStalledDeliveryAndItsBurstLoseNoStep(
      StageThreading threading) {
    // As in the HIL library: the belt's frames 3.3 ms apart on its clock, consecutive sequence
    // numbers, but delivered 260 ms late and then in a burst 0.1 ms apart.
    int stallAt = 2 * WalkFrames.FRAMES_PER_STRIDE + 100;
    long stallNs = 260_000_000L;
    int caughtUpAt = stallAt + (int) (stallNs / WalkFrames.FRAME_PERIOD_NS) + 10;
    try (Pipeline pipeline = assemble(settings(threading))) {
      StepSubscription steps = pipeline.steps().subscribe("steps", 64);
      pipeline.start();
      long startNs = System.nanoTime() - 2 * FOUR_STRIDES * WalkFrames.FRAME_PERIOD_NS;
      long burstNs = startNs + stallAt * WalkFrames.FRAME_PERIOD_NS + stallNs;
      for (int i = 0; i < FOUR_STRIDES; i++) {
        long dueNs = startNs + i * WalkFrames.FRAME_PERIOD_NS;
        long arrivalNs =
            i < stallAt || i >= caughtUpAt
                ? dueNs
                : Math.max(dueNs, burstNs + (i - stallAt) * 100_000L);
        walk.publish(pipeline.publisher(), i, arrivalNs);
        awaitDrained(pipeline);
      }

      List<Side> sides = new ArrayList<>();
      List<Double> stepTimesS = new ArrayList<>();
      steps.drain(
          (step, symmetry, arrivalNs) -> {
            sides.add(step.side());
            stepTimesS.add(step.stepTimeS());
          });
      // Four strides of 1.1 s, 0.55 s a step: every step but the first and the open ones.
      assertThat(sides).hasSizeGreaterThanOrEqualTo(6);
      for (int i = 1; i < sides.size(); i++) {
        assertThat(sides.get(i)).isEqualTo(sides.get(i - 1).opposite());
      }
      assertThat(stepTimesS.subList(1, stepTimesS.size()))
          .allSatisfy(t -> assertThat(t).isBetween(0.53, 0.57));
    }
  }

  @ParameterizedTest
  @EnumSource(StageThreading.class)
  void shouldRaiseTheFaultFlagAndKeepRunningWhenAStageThrows(StageThreading threading) {
    AtomicBoolean failed = new AtomicBoolean();
    NanoClock failsOnceOnARingThread =
        () -> {
          if (onRingThread() && !failed.getAndSet(true)) {
            throw new IllegalStateException("injected stage failure");
          }
          return System.nanoTime();
        };
    try (Pipeline pipeline = assemble(settings(threading), failsOnceOnARingThread)) {
      pipeline.start();
      publishWalk(pipeline, walk, FOUR_STRIDES);
      pipeline.publisher().onLoadSample(System.nanoTime(), 1, 1_000, 30_000, 0);
      awaitDrained(pipeline);

      assertThat(pipeline.faults().raised()).isTrue();
      PipelineFault fault = pipeline.faults().firstFault();
      assertThat(fault.kind()).isEqualTo(PipelineFaultKind.STAGE_EXCEPTION);
      assertThat(fault.cause()).hasMessage("injected stage failure");
      assertThat(pipeline.counters().get(PipelineCounter.STAGE_EXCEPTIONS)).isEqualTo(1);
      // Later events still pass every stage, and later steps are still published.
      assertThat(pipeline.counters().get(PipelineCounter.STEPS)).isPositive();
      assertThat(pipeline.counters().stageProgress(StageId.SNAPSHOT))
          .isEqualTo(pipeline.counters().eventsPublished() - 1);
    }
  }

  @ParameterizedTest
  @EnumSource(StageThreading.class)
  void shouldDropInputsCountThemAndRaiseTheFaultWhenTheRingIsFull(StageThreading threading)
      throws InterruptedException {
    CountDownLatch stalled = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    NanoClock stallsOnFirstRingCall =
        () -> {
          if (onRingThread() && stalled.getCount() > 0) {
            stalled.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return System.nanoTime();
        };
    try (Pipeline pipeline =
        assemble(settings(threading).withRingSize(16), stallsOnFirstRingCall)) {
      pipeline.start();
      long startNs = System.nanoTime();
      int published = 0;
      while (stalled.getCount() > 0) {
        walk.publish(pipeline.publisher(), published, startNs + published * 3_333_333L);
        published++;
        if (pipeline.counters().ringBacklog() > 8) {
          Thread.yield();
        }
      }
      for (int i = 0; i < 40; i++) {
        walk.publish(pipeline.publisher(), published, startNs + published * 3_333_333L);
        published++;
      }
      assertThat(pipeline.counters().get(PipelineCounter.EVENTS_DROPPED_RING_FULL)).isPositive();
      assertThat(pipeline.faults().firstFault().kind()).isEqualTo(PipelineFaultKind.RING_FULL);
      assertThat(pipeline.counters().ringBacklog()).isEqualTo(16);
      release.countDown();
      awaitDrained(pipeline);
      assertThat(
              pipeline.counters().eventsPublished()
                  + pipeline.counters().get(PipelineCounter.EVENTS_DROPPED_RING_FULL))
          .isEqualTo(published);
    }
  }

  @ParameterizedTest
  @EnumSource(StageThreading.class)
  void shouldRefuseAFrameThatDoesNotMatchTheAnnouncedGridBeforeClaimingASlot(
      StageThreading threading) {
    try (Pipeline pipeline = assemble(settings(threading))) {
      pipeline.start();
      pipeline.publisher().onPressureFrame(1, 1, 0, 0, 129, 56, ByteBuffer.allocate(129 * 56 * 2));
      pipeline.publisher().onPressureFrame(1, 1, 0, 1, 128, 56, walk.frameAt(0));
      pipeline.publisher().onPressureFrame(1, 1, 0, 0, 128, 56, ByteBuffer.allocate(100));

      assertThat(pipeline.counters().get(PipelineCounter.FRAMES_REJECTED)).isEqualTo(3);
      assertThat(pipeline.counters().get(PipelineCounter.FRAMES_REJECTED_GRID_MISMATCH))
          .isEqualTo(1);
      assertThat(pipeline.counters().get(PipelineCounter.FRAMES_REJECTED_UNKNOWN_BELT))
          .isEqualTo(1);
      assertThat(pipeline.counters().get(PipelineCounter.FRAMES_REJECTED_SHORT_BUFFER))
          .isEqualTo(1);
      assertThat(pipeline.counters().eventsPublished()).isZero();
      assertThat(pipeline.faults().count(PipelineFaultKind.FRAME_REJECTED)).isEqualTo(3);
      PipelineFault fault = pipeline.faults().firstFault();
      assertThat(fault.kind()).isEqualTo(PipelineFaultKind.FRAME_REJECTED);
      assertThat(fault.detail()).contains("129x56").contains("128x56");
    }
  }

  @ParameterizedTest
  @EnumSource(StageThreading.class)
  void shouldRejectAFrameWhoseGridDiffersFromTheBeltEvenWhenItFitsTheSlot(
      StageThreading threading) {
    try (Pipeline pipeline = assemble(settings(threading))) {
      pipeline.start();
      ByteBuffer transposed = walk.frameAt(0);

      pipeline.publisher().onPressureFrame(1, 1, 0, 0, 56, 128, transposed);
      pipeline.publisher().onPressureFrame(2, 2, 0, 0, 64, 56, transposed);
      awaitDrained(pipeline);

      assertThat(pipeline.counters().get(PipelineCounter.FRAMES_REJECTED)).isEqualTo(2);
      assertThat(pipeline.counters().get(PipelineCounter.PRESSURE_FRAMES)).isZero();
      assertThat(pipeline.counters().eventsPublished()).isZero();
      assertThat(pipeline.faults().firstFault().kind()).isEqualTo(PipelineFaultKind.FRAME_REJECTED);
    }
  }

  @ParameterizedTest
  @EnumSource(StageThreading.class)
  void shouldCountAndRaiseASlotWhoseTranslatorFailedAndSkipIt(StageThreading threading) {
    DriveStatus withoutResult =
        new DriveStatus(null, true, false, false, false, false, true, false, 1.0, 1.0, 0, 0);
    try (Pipeline pipeline = assemble(settings(threading))) {
      pipeline.start();

      assertThatThrownBy(() -> pipeline.publisher().publishDriveStatus(100, withoutResult))
          .isInstanceOf(NullPointerException.class);
      pipeline.publisher().publishDriveStatus(200, driveStatus(1.0));
      awaitDrained(pipeline);

      assertThat(pipeline.counters().get(PipelineCounter.EVENTS_UNFILLED)).isEqualTo(1);
      assertThat(pipeline.faults().firstFault().kind())
          .isEqualTo(PipelineFaultKind.TRANSLATOR_FAILED);
      assertThat(pipeline.counters().eventsPublished()).as("the slot is published").isEqualTo(2);
      assertThat(pipeline.counters().get(PipelineCounter.DRIVE_STATUS_READS))
          .as("but no stage reads it")
          .isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(StageThreading.class)
  void shouldTrackTheArrivalAndCountOfEveryInput(StageThreading threading) {
    try (Pipeline pipeline = assemble(settings(threading))) {
      pipeline.start();
      RingPublisher publisher = pipeline.publisher();
      walk.publish(publisher, 0, 100);
      publisher.onLoadSample(200, 1, 0, 10_000, 0);
      publisher.publishDriveStatus(300, driveStatus(1.0));
      publisher.publishDriveStatus(350, DriveStatus.failed(CommandResult.TIMEOUT));
      publisher.publishBwsStatus(
          400,
          new BwsStatus(CommandResult.OK, true, false, false, false, false, false, 250, 0.5, 0));
      publisher.publishControlTick(500, 7);
      publisher.publishOperatorCommand(600, OperatorCommand.SET_BELT_SPEED_MPS, 0.8);
      awaitDrained(pipeline);

      InputArrivals arrivals = pipeline.arrivals();
      assertThat(arrivals.lastArrivalNs(PipelineInput.PRESSURE_BELT_LEFT_OR_ONLY)).isEqualTo(100);
      assertThat(arrivals.lastArrivalNs(PipelineInput.LOAD_CELL)).isEqualTo(200);
      // The failed read must not refresh the drive's status.
      assertThat(arrivals.lastArrivalNs(PipelineInput.DRIVE_STATUS)).isEqualTo(300);
      assertThat(arrivals.count(PipelineInput.DRIVE_STATUS)).isEqualTo(1);
      assertThat(arrivals.lastArrivalNs(PipelineInput.BWS_STATUS)).isEqualTo(400);
      assertThat(arrivals.lastArrivalNs(PipelineInput.CONTROL_TICK)).isEqualTo(500);
      assertThat(arrivals.lastArrivalNs(PipelineInput.OPERATOR_COMMAND)).isEqualTo(600);
      assertThat(arrivals.count(PipelineInput.PRESSURE_BELT_RIGHT)).isZero();
      PipelineCounters counters = pipeline.counters();
      assertThat(counters.get(PipelineCounter.DRIVE_STATUS_READS)).isEqualTo(2);
      assertThat(counters.get(PipelineCounter.BWS_STATUS_READS)).isEqualTo(1);
      assertThat(counters.get(PipelineCounter.CONTROL_TICKS)).isEqualTo(1);
      assertThat(counters.get(PipelineCounter.OPERATOR_COMMANDS)).isEqualTo(1);
      assertThat(counters.eventsPublished()).isEqualTo(7);
      assertThat(counters.ringBacklog()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(StageThreading.class)
  void shouldTakeStatusReadsFromPollerThreadsWhileTheBeltPublishes(StageThreading threading)
      throws InterruptedException {
    int reads = 400;
    try (Pipeline pipeline = assemble(settings(threading).withRingSize(4096))) {
      pipeline.start();
      RingPublisher publisher = pipeline.publisher();
      DriveStatus drive = driveStatus(0.9);
      BwsStatus bws =
          new BwsStatus(CommandResult.OK, true, false, true, false, false, false, 250, 0.5, 0);
      Thread drivePoller =
          new Thread(() -> poll(pipeline, reads, n -> publisher.publishDriveStatus(n, drive)));
      Thread bwsPoller =
          new Thread(() -> poll(pipeline, reads, n -> publisher.publishBwsStatus(n, bws)));
      drivePoller.start();
      bwsPoller.start();
      publishWalk(pipeline, walk, WalkFrames.FRAMES_PER_STRIDE);
      drivePoller.join();
      bwsPoller.join();
      awaitDrained(pipeline);

      assertThat(pipeline.counters().get(PipelineCounter.DRIVE_STATUS_READS)).isEqualTo(reads);
      assertThat(pipeline.counters().get(PipelineCounter.BWS_STATUS_READS)).isEqualTo(reads);
      assertThat(pipeline.counters().get(PipelineCounter.PRESSURE_FRAMES))
          .isEqualTo(WalkFrames.FRAMES_PER_STRIDE);
      assertThat(pipeline.faults().raised()).isFalse();
      DisplaySnapshot snapshot = new DisplaySnapshot();
      assertThat(pipeline.snapshots().readInto(snapshot)).isTrue();
      assertThat(snapshot.beltSpeedMps()).isEqualTo(0.9);
    }
  }

  /** A status poller: {@code reads} reads, backing off while the ring is half full. */
  private static void poll(Pipeline pipeline, int reads, LongConsumer publishRead) {
    for (int i = 0; i < reads; i++) {
      while (pipeline.counters().ringBacklog() > pipeline.counters().ringSize() / 2) {
        Thread.yield();
      }
      publishRead.accept(System.nanoTime());
    }
  }

  @ParameterizedTest
  @EnumSource(StageThreading.class)
  void shouldKeepTheArrivalOfEachBeltOfASplitBeltApart(StageThreading threading) {
    PressureGrid split = new PressureGrid(2, 128, 56, 0.00847, 0.00847);
    try (Pipeline pipeline =
        PipelineAssembly.assemble(
            PipelineSettings.defaults(split).withThreading(threading).withRingSize(256),
            NanoClock.SYSTEM,
            GaitSettings.defaults(),
            split)) {
      pipeline.start();
      pipeline.publisher().onPressureFrame(700, 1, 0, 1, 128, 56, walk.frameAt(0));
      awaitDrained(pipeline);

      InputArrivals arrivals = pipeline.arrivals();
      assertThat(arrivals.lastArrivalNs(PipelineInput.PRESSURE_BELT_RIGHT)).isEqualTo(700);
      assertThat(arrivals.lastArrivalNs(PipelineInput.PRESSURE_BELT_LEFT_OR_ONLY))
          .as("the left belt is silent")
          .isEqualTo(ArrivalTime.NONE);
      assertThat(pipeline.heatMap(1).latest().arrivalNs()).isEqualTo(700);
      assertThat(pipeline.heatMap(0).latest().arrivalNs()).isEqualTo(ArrivalTime.NONE);
    }
  }

  @ParameterizedTest
  @EnumSource(StageThreading.class)
  void shouldRecordLatencyAndPublishTheLatestSnapshot(StageThreading threading) {
    try (Pipeline pipeline = assemble(settings(threading))) {
      pipeline.start();
      publishWalk(pipeline, walk, FOUR_STRIDES);
      pipeline.publisher().onLoadSample(System.nanoTime(), 1, 1_000, 25_000, 0);
      pipeline.publisher().publishDriveStatus(System.nanoTime(), driveStatus(1.2));
      awaitDrained(pipeline);

      long steps = pipeline.counters().get(PipelineCounter.STEPS);
      Histogram loadLatency = pipeline.latency().stage(StageId.LOAD_CELL).intervalHistogram(null);
      assertThat(loadLatency.getTotalCount()).isEqualTo(1);
      Histogram frameLatency =
          pipeline.latency().stage(StageId.STEP_PUBLICATION).intervalHistogram(null);
      assertThat(frameLatency.getTotalCount()).isEqualTo(FOUR_STRIDES);
      Histogram stepLatency = pipeline.latency().stepRecord().intervalHistogram(null);
      assertThat(stepLatency.getTotalCount()).isEqualTo(steps);
      assertThat(pipeline.counters().maxStageTimeNs(StageId.GAIT_ANALYSIS)).isPositive();

      DisplaySnapshot snapshot = new DisplaySnapshot();
      assertThat(pipeline.snapshots().readInto(snapshot)).isTrue();
      assertThat(snapshot.measuredUnloadingN()).isEqualTo(250.0);
      assertThat(snapshot.unloadingStatus()).isEqualTo(UnloadingStatus.VALID);
      assertThat(snapshot.beltSpeedMps()).isEqualTo(1.2);
      assertThat(snapshot.stepsCompleted()).isEqualTo(steps).isPositive();
      assertThat(snapshot.latestStep().stepTimeS()).isBetween(0.53, 0.57);
      assertThat(snapshot.lastHeelStrikeNs(Side.LEFT))
          .isLessThanOrEqualTo(snapshot.feetUpdatedNs());
      assertThat(snapshot.lastToeOffNs(Side.RIGHT)).isNotEqualTo(ArrivalTime.NONE);
      assertThat(snapshot.driveRunning()).isTrue();

      SignalWindow leftForce = new SignalWindow(1_000);
      pipeline.signalHistories().footForce(Side.LEFT).readLast(1_000_000_000L, leftForce);
      assertThat(leftForce.count()).as("one second of frames").isBetween(299, 301);
      HeatMapFrame heatMap = pipeline.heatMap(0).latest();
      assertThat(heatMap.deviceSeq()).isEqualTo(FOUR_STRIDES - 1);
      assertThat(heatMap.cols()).isEqualTo(56);
      assertThat(snapshot.latestSymmetry().indexPct(StepParameter.STEP_TIME))
          .as("symmetric walk")
          .isBetween(-2.0, 2.0);
    }
  }

  @ParameterizedTest
  @EnumSource(StageThreading.class)
  void shouldFinishPublishedEventsBeforeStopping(StageThreading threading) {
    Pipeline pipeline = assemble(settings(threading));
    pipeline.start();
    long startNs = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      walk.publish(pipeline.publisher(), i, startNs + i * WalkFrames.FRAME_PERIOD_NS);
    }

    assertThat(pipeline.stop(PipelineTestSupport.DRAIN_TIMEOUT_MS)).isTrue();
    assertThat(pipeline.counters().get(PipelineCounter.PRESSURE_FRAMES)).isEqualTo(100);
    assertThat(pipeline.stop(10)).as("idempotent").isTrue();
  }

  private static DriveStatus driveStatus(double speedMps) {
    return new DriveStatus(
        CommandResult.OK, true, false, false, false, false, true, false, speedMps, speedMps, 0, 0);
  }
}
