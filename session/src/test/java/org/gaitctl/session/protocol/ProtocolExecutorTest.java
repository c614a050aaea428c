package org.gaitctl.session.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gaitctl.config.protocol.BeltMode;
import org.gaitctl.config.protocol.PatientLimits;
import org.gaitctl.config.protocol.ProtocolRequirements;
import org.gaitctl.config.protocol.ProtocolStage;
import org.gaitctl.config.protocol.StageLength;
import org.gaitctl.config.protocol.TherapyProtocol;
import org.gaitctl.core.command.CommandGate;
import org.gaitctl.core.command.CommandLimits;
import org.gaitctl.core.time.ArrivalTime;
import org.gaitctl.safety.SupervisorHarness;
import org.gaitctl.session.SessionController;
import org.gaitctl.session.SessionSettings;
import org.gaitctl.session.SessionState;
import org.gaitctl.session.unloading.UnloadingController;
import org.gaitctl.session.unloading.UnloadingMode;
import org.gaitctl.session.unloading.UnloadingSettings;
import org.junit.jupiter.api.Test;

/**
 * The executor on the session thread against the supervisor and fake ports on virtual time: 10 ms
 * supervisor cycles, a session cycle (and the executor after it) every 20 ms. The fake drive runs
 * at the commanded speed, and the load cell reads the BWS unit's force.
 */
class ProtocolExecutorTest {

  private static final double BODY_MASS_KG = 70;
  private static final double BODY_WEIGHT_N = BODY_MASS_KG * 9.81;

  private final SupervisorHarness h = new SupervisorHarness();
  private final CommandGate gate =
      new CommandGate(CommandLimits.of(SupervisorHarness.LIMITS), h.supervisor, h.drive, h.bws);
  private final SessionController session =
      new SessionController(
          h.supervisor,
          gate,
          h.drivePoller,
          h.bwsPoller,
          SupervisorHarness.LIMITS,
          SessionSettings.defaults(),
          h.clock);
  private final List<String> told = new ArrayList<>();
  private boolean loadCellFollowsForceSet;
  private boolean inputsReleased;
  private long lastLeftHeelStrikeNs = ArrivalTime.NONE;
  private UnloadingController unloading;

  ProtocolExecutorTest() {
    h.bws.forceN = BODY_WEIGHT_N * 0.30; // the harness already holds the first stage's unloading
    h.runMs(50);
  }

  private static ProtocolStage timed(
      String name, double durationS, double speedMps, double unloadingPct, double rampS) {
    return new ProtocolStage(
        name,
        new StageLength.Timed(durationS),
        new BeltMode.FixedSpeed(speedMps),
        0,
        unloadingPct,
        rampS);
  }

  private static TherapyProtocol protocol(ProtocolStage... stages) {
    return new TherapyProtocol(
        "test",
        "test protocol",
        List.of(stages),
        OptionalDouble.empty(),
        Optional.empty(),
        ProtocolRequirements.NONE);
  }

  private ProtocolExecutor executor(TherapyProtocol protocol) {
    return executor(protocol, SelfPacedSpeed.NOT_WIRED);
  }

  private ProtocolExecutor executor(TherapyProtocol protocol, SelfPacedSpeed selfPaced) {
    OverrideLimits limits =
        OverrideLimits.of(
            new PatientLimits(BODY_MASS_KG, 1.2, 10, 10, 40),
            ProtocolRequirements.NONE,
            SupervisorHarness.LIMITS);
    ProtocolInputs inputs =
        new ProtocolInputs() {
          @Override
          public void read(MeasuredState into) {
            into.beltSpeedMps = h.drive.speedMps;
            into.loadCellN = loadCellFollowsForceSet ? lastForceSetN() : h.bws.forceN;
            into.loadCellSampleNs = h.clock.nanoTime();
            into.harnessHeld = h.bws.holding;
            into.lastLeftHeelStrikeNs = lastLeftHeelStrikeNs;
          }

          @Override
          public void drainSteps(StepConsumer consumer) {
            // No patient in these tests: steps are the pipeline's, tested with it.
          }

          @Override
          public void release() {
            inputsReleased = true;
          }
        };
    ProtocolExecutor executor =
        new ProtocolExecutor(
            protocol,
            BODY_MASS_KG,
            limits,
            session,
            inputs,
            selfPaced,
            unloading =
                new UnloadingController(
                    UnloadingSettings.tuned(SupervisorHarness.LIMITS), BODY_MASS_KG));
    executor.addListener(
        new ProtocolListener() {
          @Override
          public void onStageStarted(int index, String name) {
            told.add("stage " + name);
          }

          @Override
          public void onRequestRefused(OperatorRequest request, String reason) {
            told.add("refused " + request + ": " + reason);
          }
        });
    return executor;
  }

  /** The last FORCE_SET written, as a unit without lag or gain error would carry it; N. */
  private double lastForceSetN() {
    double forceN = h.bws.forceN;
    for (String call : h.bws.calls()) {
      if (call.startsWith("setForce(")) {
        forceN = Double.parseDouble(call.substring("setForce(".length(), call.length() - 1));
      }
    }
    return forceN;
  }

  /** Runs {@code ms} of virtual time: supervisor every 10 ms, session and executor every 20 ms. */
  private void runMs(long ms) {
    for (long t = 0; t < ms; t += 10) {
      h.tick();
      if ((h.clock.nanoTime() / 10_000_000L) % 2 == 0) {
        session.doWork(h.clock.nanoTime());
      }
    }
  }

  private void runUntil(ProtocolExecutor executor, ExecutorState state, long maxMs) {
    for (long t = 0; t < maxMs && executor.state() != state; t += 10) {
      runMs(10);
    }
    assertThat(executor.state()).as(session.reason()).isEqualTo(state);
  }

  @Test
  void shouldRunTheStagesInOrderAlongLinearRampsAndStopTheBeltAtTheEnd() {
    ProtocolExecutor executor =
        executor(protocol(timed("walk-in", 6, 0.4, 30, 4), timed("faster", 4, 0.8, 30, 2)));
    executor.start();
    runUntil(executor, ExecutorState.RUNNING, 10_000);
    runMs(2_000); // halfway through the 4 s ramp from 0 to 0.4 m/s
    assertThat(h.drive.speedMps).isCloseTo(0.2, within(0.02));
    assertThat(executor.status().stageName()).isEqualTo("walk-in");
    assertThat(executor.status().stageTimeLeftS()).isCloseTo(4, within(0.05));
    assertThat(executor.status().protocolTimeLeftS()).isCloseTo(8, within(0.05));

    runMs(5_000); // 1 s into "faster": halfway from 0.4 to 0.8 m/s
    assertThat(executor.status().stageName()).isEqualTo("faster");
    assertThat(h.drive.speedMps).isCloseTo(0.6, within(0.02));

    runUntil(executor, ExecutorState.ENDED, 10_000);
    ProtocolSummary summary = executor.summary();
    assertThat(summary.outcome()).isEqualTo(ProtocolOutcome.COMPLETED);
    assertThat(summary.stages())
        .extracting(StageSummary::name)
        .containsExactly("walk-in", "faster");
    assertThat(summary.stages()).allMatch(StageSummary::completed);
    assertThat(summary.stages().get(1).measuredSpeedMeanMps())
        .isCloseTo(summary.stages().get(1).setSpeedMeanMps(), within(0.02));
    assertThat(summary.stages().get(0).measuredUnloadingMeanPercentBw()).isCloseTo(30, within(1.0));
    assertThat(told).containsExactly("stage walk-in", "stage faster");
    assertThat(session.state()).isEqualTo(SessionState.LATCHED);
    // An ended run lets go of the session thread and its inputs (a console runs many).
    assertThat(inputsReleased).isTrue();
    ProtocolStatus last = executor.status();
    runMs(200);
    assertThat(executor.status()).as("no longer called after its end").isSameAs(last);
    assertThat(h.drive.speedMps).isZero();
    assertThat(gate.counters().refusedTotal()).isZero();
  }

  @Test
  void shouldRampTheUnloadingFromThePreviousStagesTarget() {
    ProtocolExecutor executor =
        executor(protocol(timed("first", 2, 0.4, 30, 0), timed("second", 10, 0.4, 20, 4)));
    executor.start();
    runUntil(executor, ExecutorState.RUNNING, 10_000);
    assertThat(executor.status().unloadingTargetPercentBw()).isEqualTo(30);
    while (executor.status().stageIndex() == 0) {
      runMs(10);
    }
    assertThat(executor.status().unloadingTargetPercentBw()).isEqualTo(30);
    assertThat(executor.status().speedTargetMps()).isEqualTo(0.4);
    runMs(2_000); // halfway through the 4 s ramp from 30 to 20 %BW
    assertThat(executor.status().unloadingTargetPercentBw()).isCloseTo(25, within(0.1));
  }

  @Test
  void shouldMeasureTheUnloadingErrorOnlyOnceTheTargetHasBeenSteadyForTheSettlingTime() {
    ProtocolExecutor executor =
        executor(protocol(timed("first", 30, 0.4, 30, 0), timed("second", 30, 0.4, 20, 5)));
    loadCellFollowsForceSet = true;
    executor.start();
    runUntil(executor, ExecutorState.ENDED, 70_000);

    List<StageSummary> stages = executor.summary().stages();
    double settleS = ProtocolExecutor.UNLOADING_SETTLE_NS * 1e-9;
    // The first stage's targets hold from its start; the second's after its 5 s ramp.
    assertThat(stages.get(0).unloadingSettledS()).isCloseTo(30 - settleS, within(0.1));
    assertThat(stages.get(1).unloadingSettledS()).isCloseTo(30 - 5 - settleS, within(0.1));
    // The harness carries FORCE_SET here: settled, the error is within the 2 N write deadband.
    for (StageSummary stage : stages) {
      assertThat(stage.unloadingErrorRmsPercentBw()).isLessThan(0.2);
      assertThat(stage.unloadingErrorPeakPercentBw())
          .isGreaterThanOrEqualTo(stage.unloadingErrorRmsPercentBw())
          .isLessThan(0.5);
    }
  }

  @Test
  void shouldRunTheUnloadingLoopsGaitPhaseFromTheLatestHeelStrikeNotFromCompletedSteps() {
    // A completed step reaches the executor a stride after its heel strike, and the loop forgets
    // its table after 2 s without one: fed from the steps, it never learned in the product.
    ProtocolExecutor executor = executor(protocol(timed("walk", 60, 1.0, 30, 0)));
    executor.start();
    runUntil(executor, ExecutorState.RUNNING, 10_000);
    long strideNs = 1_100_000_000L;
    long nextHeelStrikeNs = h.clock.nanoTime();
    for (int cycle = 0; cycle < 1_000; cycle++) {
      if (h.clock.nanoTime() >= nextHeelStrikeNs) {
        lastLeftHeelStrikeNs = nextHeelStrikeNs;
        nextHeelStrikeNs += strideNs;
      }
      runMs(20);
    }
    assertThat(unloading.mode()).isEqualTo(UnloadingMode.LEARNING);
  }

  @Test
  void shouldEndADistanceStageOnTheDistanceTheBeltMoved() {
    ProtocolStage distance =
        new ProtocolStage(
            "two-metres", new StageLength.Distance(2), new BeltMode.FixedSpeed(0.5), 0, 30, 0);
    ProtocolExecutor executor = executor(protocol(distance, timed("after", 60, 0.5, 30, 0)));
    executor.start();
    runUntil(executor, ExecutorState.RUNNING, 10_000);
    runMs(3_000); // the belt ramps up at the session's 0.5 m/s², then 0.5 m/s: < 2 m so far
    assertThat(executor.status().stageName()).isEqualTo("two-metres");
    assertThat(executor.status().distanceLeftM()).isBetween(0.1, 1.0);
    runMs(1_500);
    assertThat(executor.status().stageName()).isEqualTo("after");
    assertThat(executor.summary()).isNull();
    runMs(20);
    executor.request(OperatorRequest.STOP);
    runUntil(executor, ExecutorState.ENDED, 10_000);
    assertThat(executor.summary().stages().get(0).distanceM()).isCloseTo(2.0, within(0.02));
  }

  @Test
  void shouldPauseWithTheStageClockStoppedResumeAndSkipToTheNextStage() {
    ProtocolExecutor executor =
        executor(protocol(timed("one", 10, 0.5, 30, 0), timed("two", 10, 0.5, 30, 0)));
    executor.start();
    runUntil(executor, ExecutorState.RUNNING, 10_000);
    runMs(3_000);
    executor.request(OperatorRequest.PAUSE_OR_RESUME);
    runMs(20);
    double leftAtPause = executor.status().stageTimeLeftS();
    runMs(5_000);
    assertThat(executor.state()).isEqualTo(ExecutorState.PAUSED);
    assertThat(h.drive.speedMps).isZero();
    assertThat(h.drive.running).isTrue();
    assertThat(h.bws.holding).isFalse();
    assertThat(executor.status().stageTimeLeftS()).isEqualTo(leftAtPause);

    executor.request(OperatorRequest.PAUSE_OR_RESUME);
    runMs(2_000);
    assertThat(h.drive.speedMps).isEqualTo(0.5);
    executor.request(OperatorRequest.NEXT_STAGE);
    runMs(40);
    assertThat(executor.status().stageName()).isEqualTo("two");
    executor.request(OperatorRequest.STOP);
    runUntil(executor, ExecutorState.ENDED, 10_000);

    ProtocolSummary summary = executor.summary();
    assertThat(summary.outcome()).isEqualTo(ProtocolOutcome.STOPPED_BY_OPERATOR);
    assertThat(summary.stages()).extracting(StageSummary::completed).containsExactly(false, false);
    assertThat(summary.stages().get(0).ranS()).isCloseTo(5.0, within(0.1));
    assertThat(session.state()).isEqualTo(SessionState.LATCHED);
  }

  @Test
  void shouldTakeOverridesInsideTheLimitsUntilTheNextStageAndRefuseThoseOutside() {
    ProtocolExecutor executor =
        executor(protocol(timed("one", 20, 1.1, 35, 0), timed("two", 20, 0.5, 30, 0)));
    h.bws.forceN = BODY_WEIGHT_N * 0.35;
    executor.start();
    runUntil(executor, ExecutorState.RUNNING, 10_000);
    runMs(3_000);
    executor.request(OperatorRequest.SPEED_UP); // 1.15 m/s, inside the patient's 1.2
    executor.request(OperatorRequest.SPEED_UP); // 1.20
    executor.request(OperatorRequest.SPEED_UP); // 1.25: refused
    executor.request(OperatorRequest.UNLOADING_UP); // 40 %BW
    executor.request(OperatorRequest.UNLOADING_UP); // 45 %BW: refused
    executor.request(OperatorRequest.INCLINE_DOWN); // -1 %
    runMs(2_000);
    assertThat(h.drive.speedMps).isCloseTo(1.2, within(1e-9));
    assertThat(executor.status().unloadingTargetPercentBw()).isEqualTo(40);
    assertThat(told)
        .contains(
            "refused SPEED_UP: speed 1.25 m/s exceeds the limit 1.20 m/s",
            "refused UNLOADING_UP: unloading 45 %BW outside the patient's and protocol's 10..40"
                + " %BW");

    executor.request(OperatorRequest.NEXT_STAGE);
    runMs(3_000);
    assertThat(h.drive.speedMps).isEqualTo(0.5);
    assertThat(executor.status().unloadingTargetPercentBw()).isEqualTo(30);
    executor.request(OperatorRequest.STOP);
    runUntil(executor, ExecutorState.ENDED, 10_000);
    assertThat(executor.summary().overrides())
        .extracting(o -> o.stageName() + " " + o.what() + " " + o.from() + "->" + o.to())
        .containsExactly(
            "one speed m/s 1.1->1.1500000000000001",
            "one speed m/s 1.1500000000000001->1.2000000000000002",
            "one unloading %BW 35.0->40.0",
            "one incline % 0.0->-1.0");
  }

  @Test
  void shouldEndWithTheStageAndTimeInTheSummaryWhenAFaultStopsTheBelt() {
    ProtocolExecutor executor =
        executor(protocol(timed("one", 5, 0.5, 30, 0), timed("two", 30, 0.8, 30, 2)));
    executor.start();
    runUntil(executor, ExecutorState.RUNNING, 10_000);
    runMs(7_000);
    h.drive.estopOpen = true;
    runUntil(executor, ExecutorState.ENDED, 5_000);

    ProtocolSummary summary = executor.summary();
    assertThat(summary.outcome()).isEqualTo(ProtocolOutcome.STOPPED_BY_FAULT);
    assertThat(summary.reason()).startsWith("F08 e-stop chain open");
    assertThat(summary.endStageIndex()).isEqualTo(1);
    assertThat(summary.endProtocolTimeS()).isCloseTo(7.0, within(0.1));
    assertThat(summary.stages()).extracting(StageSummary::completed).containsExactly(true, false);
  }

  @Test
  void shouldRefuseToStartASelfPacedStageUntilAControllerIsWiredIn() {
    ProtocolStage selfPaced =
        new ProtocolStage(
            "free",
            new StageLength.Timed(60),
            new BeltMode.SelfPaced(0.1, 0.5, 0.2, 1.0, 0.3),
            0,
            30,
            5);
    TherapyProtocol protocol = protocol(timed("warm-up", 30, 0.5, 30, 5), selfPaced);
    assertThat(ProtocolExecutor.refusalBeforeStart(protocol, SelfPacedSpeed.NOT_WIRED))
        .contains("stage 2 'free' is self-paced, and this build has no self-paced controller yet");
    ProtocolExecutor executor = executor(protocol);
    assertThatThrownBy(executor::start).hasMessageContaining("self-paced");
    runMs(200);
    assertThat(h.drive.calls()).doesNotContain("setRunning(true)");
  }
}
