package org.gaitctl.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gaitctl.core.pipeline.PipelineTestSupport.awaitDrained;
import static org.gaitctl.core.pipeline.PipelineTestSupport.settings;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.HdrHistogram.Histogram;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.time.NanoClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PipelineTest {

  private final SyntheticWalk walk = new SyntheticWalk();

  @ParameterizedTest
  @EnumSource(StageThreading.class)
  void shouldPublishEveryCompletedStepToTheListenerOnTheStepsThread(StageThreading threading) {
    List<String> stepThreads = new CopyOnWriteArrayList<>();
    List<Side> sides = new CopyOnWriteArrayList<>();
    StepListener listener =
        (step, arrivalNs) -> {
          stepThreads.add(Thread.currentThread().getName());
          sides.add(step.side());
        };
    try (Pipeline pipeline =
        PipelineAssembly.assemble(
            settings(threading), NanoClock.SYSTEM, FixtureGaitStages.create(), listener)) {
      pipeline.start();
      int frames = 3 * SyntheticWalk.FRAME_RATE_HZ;
      publishWalk(pipeline, frames);
      awaitDrained(pipeline);

      // Heel strikes: both feet at 0 s, then right at 0.5 s, 1.5 s, 2.5 s and left at 1 s, 2 s;
      // each after a foot's first closes a step of that foot.
      assertThat(sides).containsExactly(Side.RIGHT, Side.LEFT, Side.RIGHT, Side.LEFT, Side.RIGHT);
      assertThat(pipeline.counters().get(PipelineCounter.STEPS)).isEqualTo(5);
      assertThat(pipeline.counters().get(PipelineCounter.PRESSURE_FRAMES)).isEqualTo(frames);
      assertThat(stepThreads).allMatch(name -> name.startsWith("gaitctl-ring-"));
      assertThat(pipeline.faults().raised()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(StageThreading.class)
  void shouldStampStagesInGraphOrderOnEveryFrame(StageThreading threading) {
    long[][] stamps = new long[1][];
    StepListener listener = StepListener.NONE;
    PipelineStage recorder =
        new PipelineStage() {
          @Override
          public boolean handles(EventKind kind) {
            return kind == EventKind.PRESSURE_FRAME;
          }

          @Override
          public void process(RingEvent event) {
            stamps[0] =
                new long[] {
                  event.arrivalNs(),
                  event.stageFinishNs(StageId.FOOT_CONTACT),
                  event.stageFinishNs(StageId.GAIT_EVENTS)
                };
          }
        };
    GaitStages fixture = FixtureGaitStages.create();
    GaitStages stages = new GaitStages(fixture.footContact(), fixture.gaitEvents(), recorder);
    try (Pipeline pipeline =
        PipelineAssembly.assemble(settings(threading), NanoClock.SYSTEM, stages, listener)) {
      pipeline.start();
      pipeline.publisher().onPressureFrame(System.nanoTime(), 1, 0, 0, 128, 56, walk.frameAt(0));
      awaitDrained(pipeline);

      assertThat(stamps[0][1]).isGreaterThanOrEqualTo(stamps[0][0]);
      assertThat(stamps[0][2]).isGreaterThanOrEqualTo(stamps[0][1]);
    }
  }

  @ParameterizedTest
  @EnumSource(StageThreading.class)
  void shouldRaiseTheFaultFlagAndKeepRunningWhenAStageThrows(StageThreading threading) {
    try (Pipeline pipeline =
        PipelineAssembly.assemble(
            settings(threading), NanoClock.SYSTEM, FixtureGaitStages.create(), StepListener.NONE)) {
      pipeline.start();
      pipeline
          .publisher()
          .onPressureFrame(
              1,
              1,
              0,
              0,
              128,
              56,
              SyntheticWalk.frame(true, false, FixtureGaitStages.FAILING_CELL));
      pipeline.publisher().onLoadSample(2, 1, 1000, 30_000, 0);
      publishWalk(pipeline, 10);
      awaitDrained(pipeline);

      assertThat(pipeline.faults().raised()).isTrue();
      PipelineFault fault = pipeline.faults().firstFault();
      assertThat(fault.kind()).isEqualTo(PipelineFaultKind.STAGE_EXCEPTION);
      assertThat(fault.cause()).hasMessage("injected foot-contact failure");
      assertThat(fault.sequence()).isZero();
      assertThat(pipeline.counters().get(PipelineCounter.STAGE_EXCEPTIONS)).isEqualTo(1);
      // Later events still pass every stage.
      assertThat(pipeline.counters().get(PipelineCounter.PRESSURE_FRAMES)).isEqualTo(11);
      assertThat(pipeline.counters().stageProgress(StageId.SNAPSHOT))
          .isEqualTo(pipeline.counters().eventsPublished() - 1);
    }
  }

  @ParameterizedTest
  @EnumSource(StageThreading.class)
  void shouldDropInputsCountThemAndRaiseTheFaultWhenTheRingIsFull(StageThreading threading)
      throws InterruptedException {
    Object gate = new Object();
    boolean[] open = {false};
    PipelineStage stalled =
        new PipelineStage() {
          @Override
          public boolean handles(EventKind kind) {
            return kind == EventKind.PRESSURE_FRAME;
          }

          @Override
          public void process(RingEvent event) {
            synchronized (gate) {
              while (!open[0]) {
                try {
                  gate.wait();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
              }
            }
          }
        };
    GaitStages fixture = FixtureGaitStages.create();
    GaitStages stages = new GaitStages(stalled, fixture.gaitEvents(), fixture.steps());
    PipelineSettings settings = settings(threading).withRingSize(16);
    try (Pipeline pipeline =
        PipelineAssembly.assemble(settings, NanoClock.SYSTEM, stages, StepListener.NONE)) {
      pipeline.start();
      for (int i = 0; i < 40; i++) {
        pipeline.publisher().onPressureFrame(i, i, 0, 0, 128, 56, walk.frameAt(i));
      }
      assertThat(pipeline.counters().get(PipelineCounter.EVENTS_DROPPED_RING_FULL))
          .isEqualTo(40 - 16);
      assertThat(pipeline.faults().firstFault().kind()).isEqualTo(PipelineFaultKind.RING_FULL);
      assertThat(pipeline.counters().ringBacklog()).isEqualTo(16);
      synchronized (gate) {
        open[0] = true;
        gate.notifyAll();
      }
      awaitDrained(pipeline);
    }
  }

  @ParameterizedTest
  @EnumSource(StageThreading.class)
  void shouldRefuseAFrameLargerThanTheSlotBeforeClaimingOne(StageThreading threading) {
    try (Pipeline pipeline =
        PipelineAssembly.assemble(
            settings(threading), NanoClock.SYSTEM, FixtureGaitStages.create(), StepListener.NONE)) {
      pipeline.start();
      ByteBuffer tooLarge = ByteBuffer.allocate(129 * 56 * 2);
      pipeline.publisher().onPressureFrame(1, 1, 0, 0, 129, 56, tooLarge);
      pipeline.publisher().onPressureFrame(1, 1, 0, 1, 128, 56, walk.frameAt(0));
      pipeline.publisher().onPressureFrame(1, 1, 0, 0, 128, 56, ByteBuffer.allocate(100));

      assertThat(pipeline.counters().get(PipelineCounter.FRAMES_REJECTED)).isEqualTo(3);
      assertThat(pipeline.counters().eventsPublished()).isZero();
      PipelineFault fault = pipeline.faults().firstFault();
      assertThat(fault.kind()).isEqualTo(PipelineFaultKind.FRAME_REJECTED);
      assertThat(fault.detail()).contains("129x56").contains("7168 cells");
    }
  }

  @ParameterizedTest
  @EnumSource(StageThreading.class)
  void shouldTrackFreshnessAndCountsOfEveryInput(StageThreading threading) {
    try (Pipeline pipeline =
        PipelineAssembly.assemble(
            settings(threading), NanoClock.SYSTEM, FixtureGaitStages.create(), StepListener.NONE)) {
      pipeline.start();
      RingPublisher publisher = pipeline.publisher();
      publisher.onPressureFrame(100, 1, 0, 0, 128, 56, walk.frameAt(0));
      publisher.onLoadSample(200, 1, 0, 10_000, 0);
      publisher.publishDriveStatus(
          300,
          new DriveStatus(
              CommandResult.OK, true, false, false, false, false, true, false, 1.0, 1.0, 0, 0));
      publisher.publishDriveStatus(350, DriveStatus.failed(CommandResult.TIMEOUT));
      publisher.publishBwsStatus(
          400,
          new BwsStatus(CommandResult.OK, true, false, false, false, false, false, 250, 0.5, 0));
      publisher.publishControlTick(500, 7);
      publisher.publishOperatorCommand(600, OperatorCommand.SET_BELT_SPEED_MPS, 0.8);
      awaitDrained(pipeline);

      InputFreshness freshness = pipeline.freshness();
      assertThat(freshness.lastArrivalNs(PipelineInput.PRESSURE_BELT_LEFT_OR_ONLY)).isEqualTo(100);
      assertThat(freshness.lastArrivalNs(PipelineInput.LOAD_CELL)).isEqualTo(200);
      // The failed read must not refresh the drive's status.
      assertThat(freshness.lastArrivalNs(PipelineInput.DRIVE_STATUS)).isEqualTo(300);
      assertThat(freshness.count(PipelineInput.DRIVE_STATUS)).isEqualTo(1);
      assertThat(freshness.lastArrivalNs(PipelineInput.BWS_STATUS)).isEqualTo(400);
      assertThat(freshness.lastArrivalNs(PipelineInput.CONTROL_TICK)).isEqualTo(500);
      assertThat(freshness.lastArrivalNs(PipelineInput.OPERATOR_COMMAND)).isEqualTo(600);
      assertThat(freshness.count(PipelineInput.PRESSURE_BELT_RIGHT)).isZero();
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
  void shouldRecordLatencyAndPublishTheLatestSnapshot(StageThreading threading) {
    try (Pipeline pipeline =
        PipelineAssembly.assemble(
            settings(threading), NanoClock.SYSTEM, FixtureGaitStages.create(), StepListener.NONE)) {
      pipeline.start();
      publishWalk(pipeline, 2 * SyntheticWalk.FRAME_RATE_HZ + 1);
      pipeline.publisher().onLoadSample(System.nanoTime(), 1, 1_000, 25_000, 0);
      pipeline
          .publisher()
          .publishDriveStatus(
              System.nanoTime(),
              new DriveStatus(
                  CommandResult.OK, true, false, false, false, false, true, false, 1.2, 1.2, 0, 0));
      awaitDrained(pipeline);

      Histogram loadLatency = pipeline.latency().stage(StageId.LOAD_CELL).intervalHistogram(null);
      assertThat(loadLatency.getTotalCount()).isEqualTo(1);
      Histogram frameLatency =
          pipeline.latency().stage(StageId.STEP_PUBLICATION).intervalHistogram(null);
      assertThat(frameLatency.getTotalCount()).isEqualTo(2 * SyntheticWalk.FRAME_RATE_HZ + 1);
      Histogram stepLatency = pipeline.latency().stepRecord().intervalHistogram(null);
      assertThat(stepLatency.getTotalCount()).isEqualTo(4);
      assertThat(pipeline.counters().maxStageTimeNs(StageId.FOOT_CONTACT)).isPositive();

      DisplaySnapshot snapshot = new DisplaySnapshot();
      assertThat(pipeline.snapshots().readInto(snapshot)).isTrue();
      assertThat(snapshot.measuredUnloadingN()).isEqualTo(250.0);
      assertThat(snapshot.unloadingStatus()).isEqualTo(UnloadingStatus.VALID);
      assertThat(snapshot.beltSpeedMps()).isEqualTo(1.2);
      assertThat(snapshot.stepsCompleted()).isEqualTo(4);
      assertThat(snapshot.latestStep().side()).isEqualTo(Side.LEFT);
      assertThat(snapshot.footInContact(Side.LEFT)).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(StageThreading.class)
  void shouldFinishPublishedEventsBeforeStopping(StageThreading threading) {
    Pipeline pipeline =
        PipelineAssembly.assemble(
            settings(threading), NanoClock.SYSTEM, FixtureGaitStages.create(), StepListener.NONE);
    pipeline.start();
    publishWalk(pipeline, 200);

    assertThat(pipeline.stop(PipelineTestSupport.DRAIN_TIMEOUT_MS)).isTrue();
    assertThat(pipeline.counters().get(PipelineCounter.PRESSURE_FRAMES)).isEqualTo(200);
    assertThat(pipeline.stop(10)).isTrue();
  }

  private void publishWalk(Pipeline pipeline, int frames) {
    // Arrival times of a walk that has just happened, so that latencies stay positive.
    long startNs = System.nanoTime() - frames * SyntheticWalk.FRAME_PERIOD_NS;
    for (int i = 0; i < frames; i++) {
      long arrivalNs = startNs + i * SyntheticWalk.FRAME_PERIOD_NS;
      pipeline.publisher().onPressureFrame(arrivalNs, i, i * 3333L, 0, 128, 56, walk.frameAt(i));
      if (pipeline.counters().ringBacklog() > pipeline.counters().ringSize() / 2) {
        awaitDrained(pipeline);
      }
    }
  }
}
