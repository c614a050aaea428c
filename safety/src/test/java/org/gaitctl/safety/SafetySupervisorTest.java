package org.gaitctl.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.gaitctl.core.port.CommandResult;
import org.junit.jupiter.api.Test;

/** Arming, heartbeat, latching, acknowledging and the stop's supervision, on virtual time. */
class SafetySupervisorTest {

  private final SupervisorHarness h = new SupervisorHarness();

  @Test
  void shouldArmBothDeviceWatchdogsAtStartAfterClearingOldFaultsWithTheBeltOff() {
    h.runMs(50);
    RequestOutcome outcome = h.await(h.supervisor.requestStart());
    assertThat(outcome.accepted()).as(outcome.reason()).isTrue();
    assertThat(h.drive.watchdogMs).isEqualTo(300);
    assertThat(h.bws.watchdogMs).isEqualTo(300);
    assertThat(h.drive.calls())
        .containsSubsequence(
            "setRunning(false)",
            "setSpeed(0.0)",
            "heartbeat()",
            "resetFault()",
            "armWatchdog(300)",
            "readWatchdog()");
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
  }

  @Test
  void shouldExposeTheWatchdogTimeoutsReadBackOnlyOnceAStartArmedThem() {
    h.runMs(50);
    assertThat(h.supervisor.armedWatchdogs()).as("before the first start").isNull();
    RequestOutcome outcome = h.await(h.supervisor.requestStart());
    assertThat(outcome.accepted()).as(outcome.reason()).isTrue();
    assertThat(h.supervisor.armedWatchdogs()).isEqualTo(new ArmedWatchdogs(300, 300));
  }

  @Test
  void shouldRefuseStartWhenAWatchdogCannotBeArmed() {
    h.bws.always("armWatchdog(300)", CommandResult.REJECTED);
    h.runMs(50);
    RequestOutcome outcome = h.await(h.supervisor.requestStart());
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.reason()).contains("bws.armWatchdog(300) -> REJECTED");
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.IDLE);
    assertThat(h.permit.isGranted(h.clock.nanoTime())).isFalse();
  }

  @Test
  void shouldRefuseStartWhenTheDriveWatchdogReadsBackOtherThanArmed() {
    h.drive.ignoresWatchdogWrites = true;
    h.runMs(50);
    RequestOutcome outcome = h.await(h.supervisor.requestStart());
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.reason()).contains("drive watchdog read back 0 ms after arming 300 ms");
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.IDLE);
    assertThat(h.permit.isGranted(h.clock.nanoTime())).isFalse();
    assertThat(h.supervisor.armedWatchdogs()).isNull();
  }

  @Test
  void shouldRefuseStartWhenTheBwsWatchdogCannotBeReadBack() {
    h.bws.always("readWatchdog()", CommandResult.REJECTED);
    h.runMs(50);
    RequestOutcome outcome = h.await(h.supervisor.requestStart());
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.reason())
        .contains("BWS watchdog could not be read back after arming 300 ms")
        .contains("bws.readWatchdog() -> REJECTED");
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.IDLE);
  }

  @Test
  void shouldRefuseStartWhenTheBeltCannotBeCommandedOff() {
    h.drive.always("setRunning(false)", CommandResult.REJECTED);
    h.runMs(50);
    RequestOutcome outcome = h.await(h.supervisor.requestStart());
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.reason()).contains("belt could not be commanded off");
    assertThat(h.drive.calls()).doesNotContain("resetFault()");
  }

  @Test
  void shouldRefuseStartUntilEveryInputHasDelivered() {
    h.pressureStreaming = false;
    h.runMs(50);
    RequestOutcome outcome = h.await(h.supervisor.requestStart());
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.reason())
        .isEqualTo("cause present: F01 pressure stream stale: belt: no sample yet");
    h.pressureStreaming = true;
    h.runMs(20);
    assertThat(h.await(h.supervisor.requestStart()).accepted()).isTrue();
  }

  @Test
  void shouldFeedHeartbeatOnlyOnceArmedAndWhileTheSupervisorVouches() {
    h.runMs(100);
    assertThat(h.drive.count("heartbeat()")).as("idle, watchdogs not armed: not fed").isZero();
    h.running();
    h.runMs(100);
    assertThat(h.drive.count("heartbeat()")).isEqualTo(10);
    assertThat(h.bws.count("heartbeat()")).isEqualTo(10);
  }

  @Test
  void shouldKeepFeedingHeartbeatThroughAControlledStopThatFollowsItsRamp() {
    h.running(1.0);
    h.supervisor.requestOperatorStop();
    h.tick();
    long fedAtStop = h.drive.count("heartbeat()");
    h.runMs(1_000);
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.SAFE_STOP_LATCHED);
    assertThat(h.drive.count("heartbeat()"))
        .as("the devices' watchdogs must not turn the controlled stop into an emergency stop")
        .isGreaterThanOrEqualTo(fedAtStop + 90);
    assertThat(h.bws.count("heartbeat()")).isGreaterThanOrEqualTo(fedAtStop + 90);
    assertThat(h.drive.calls()).doesNotContain("quickStop()");
    assertThat(h.supervisor.counters().heartbeatsWithheld()).isZero();
  }

  @Test
  void shouldWithholdHeartbeatWhenTheSupervisorFailsInternally() {
    h.running(1.0);
    h.supervisor.onCycleError(new IllegalStateException("injected: supervisor bug"));
    h.runMs(200);
    assertThat(h.supervisor.firstFault().code()).isEqualTo(FaultCode.SUPERVISOR_ERROR);
    long fed = h.drive.count("heartbeat()");
    h.runMs(1_000);
    assertThat(h.drive.count("heartbeat()")).isEqualTo(fed);
    assertThat(h.permit.isGranted(h.clock.nanoTime())).isFalse();
  }

  @Test
  void shouldStopFeedingHeartbeatWhenTheSupervisorStalls() {
    h.running();
    h.supervisorRunning = false;
    h.runMs(100);
    assertThat(h.drive.count("heartbeat()")).as("fed for the 50 ms permit only").isEqualTo(4);
    assertThat(h.drivePoller.heartbeatsSent()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void shouldKeepTheFaultLatchedAfterTheCauseClears() {
    h.running();
    h.drive.estopOpen = true;
    h.runMs(100);
    h.drive.estopOpen = false;
    h.runMs(2_000);
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.SAFE_STOP_LATCHED);
    assertThat(h.supervisor.firstFault().code()).isEqualTo(FaultCode.DRIVE_ESTOP_OPEN);
  }

  @Test
  void shouldRefuseAcknowledgeWhileTheEstopIsStillOpen() {
    h.running();
    h.drive.estopOpen = true;
    h.runUntilLatched(5_000);
    RequestOutcome outcome = h.await(h.supervisor.requestAcknowledge());
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.reason()).startsWith("cause still present: F08 e-stop chain open");
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.SAFE_STOP_LATCHED);
  }

  @Test
  void shouldAcknowledgeToIdleOnceTheCauseIsGoneAndNeedAnExplicitStart() {
    h.running();
    h.drive.safetyKeyOut = true;
    h.runUntilLatched(5_000);
    assertThat(h.drive.fault).as("the drive latched its own fault at the quick stop").isTrue();
    h.drive.safetyKeyOut = false;
    h.drive.clearCalls();
    RequestOutcome outcome = h.await(h.supervisor.requestAcknowledge());
    assertThat(outcome.accepted()).as(outcome.reason()).isTrue();
    assertThat(h.drive.calls()).containsSubsequence("setRunning(false)", "resetFault()");
    assertThat(h.bws.calls()).containsSubsequence("setHold(true)", "resetFault()");
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.IDLE);
    h.runMs(1_000);
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.IDLE);
    assertThat(h.drive.count("heartbeat()"))
        .as("the armed watchdogs are fed while idle, so resting never latches a device fault")
        .isGreaterThanOrEqualTo(90);
    assertThat(h.await(h.supervisor.requestStart()).accepted()).isTrue();
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
    assertThat(h.supervisor.firstFault()).isNull();
  }

  @Test
  void shouldAcknowledgeAnEventFaultAtOnce() {
    h.running();
    h.supervisor.requestOperatorStop();
    h.runUntilLatched(5_000);
    assertThat(h.await(h.supervisor.requestAcknowledge()).accepted()).isTrue();
  }

  @Test
  void shouldRefuseAcknowledgeWhileRunning() {
    h.running();
    RequestOutcome outcome = h.await(h.supervisor.requestAcknowledge());
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.reason()).contains("RUNNING");
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
  }

  @Test
  void shouldEscalateToQuickStopAndWithholdHeartbeatWhenTheBeltLeavesTheStopRamp() {
    h.running(1.0);
    h.drive.ignoresStops = true;
    h.supervisor.requestOperatorStop();
    h.tick();
    assertThat(h.drive.calls()).doesNotContain("quickStop()");
    // Ramp: 1.0 m/s at 0.5 m/s² after a 340 ms lag (2 polls + one command's budget), +0.1 m/s.
    h.runMs(400);
    assertThat(h.drive.calls()).doesNotContain("quickStop()");
    h.runMs(300);
    assertThat(h.drive.calls()).contains("quickStop()");
    assertThat(h.supervisor.counters().heartbeatsWithheld()).isEqualTo(1);
    long fed = h.drive.count("heartbeat()");
    h.runMs(500);
    assertThat(h.drive.count("heartbeat()")).as("the device watchdogs take over").isEqualTo(fed);
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.STOPPING);
    h.runUntilLatched(5_000);
    SafeStopOutcome outcome = h.supervisor.lastSafeStop();
    assertThat(outcome.quickStopUsed()).isTrue();
    assertThat(outcome.beltAtRest()).isFalse();
    assertThat(h.supervisor.counters().quickStops()).isEqualTo(1);
    assertThat(h.listener.stops()).containsExactly(outcome);
  }

  @Test
  void shouldLatchOnceTheBeltIsSeenAtRest() {
    h.running();
    h.supervisor.requestOperatorStop();
    h.tick();
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.STOPPING);
    h.tick();
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.SAFE_STOP_LATCHED);
    assertThat(h.supervisor.lastSafeStop().beltAtRest()).isTrue();
    assertThat(h.listener.transitions)
        .containsSubsequence("IDLE->RUNNING", "RUNNING->STOPPING", "STOPPING->SAFE_STOP_LATCHED");
  }

  @Test
  void shouldCountLaterFaultsAndKeepTheFirst() {
    h.running();
    h.pressureStreaming = false;
    h.runMs(420);
    h.loadCellStreaming = false;
    h.runMs(450);
    assertThat(h.supervisor.firstFault().code()).isEqualTo(FaultCode.PRESSURE_STREAM_STALE);
    assertThat(h.listener.laterFaults())
        .extracting(FaultRecord::code)
        .containsExactly(FaultCode.LOAD_CELL_STREAM_STALE);
    assertThat(h.supervisor.counters().faults(FaultCode.LOAD_CELL_STREAM_STALE)).isEqualTo(1);
  }

  @Test
  void shouldNotReportTheStopsOwnConsequencesAsLaterFaults() {
    h.running();
    h.drive.safetyKeyOut = true;
    h.tick(); // the fake drive latches FAULT at the quick stop, as the spec's drive does
    h.drive.watchdogTripped = true; // and its watchdog trips once the heartbeat is withdrawn
    h.bws.watchdogTripped = true;
    h.runMs(1_000);
    assertThat(h.listener.laterFaults()).isEmpty();
  }

  @Test
  void shouldCommandTheStopBeforeTellingListeners() {
    List<String> driveCallsWhenTold = new ArrayList<>();
    h.supervisor.addListener(
        new SafetyListener() {
          @Override
          public void onFault(FaultRecord fault, boolean first) {
            driveCallsWhenTold.addAll(h.drive.calls());
          }
        });
    h.running();
    h.supervisor.requestOperatorStop();
    h.tick();
    assertThat(driveCallsWhenTold).contains("setRunning(false)");
  }

  @Test
  void shouldKeepSupervisingWhenAListenerThrows() {
    h.supervisor.addListener(
        new SafetyListener() {
          @Override
          public void onFault(FaultRecord fault, boolean first) {
            throw new IllegalStateException("injected: broken listener");
          }
        });
    h.running();
    h.supervisor.requestOperatorStop();
    h.runUntilLatched(5_000);
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.SAFE_STOP_LATCHED);
    assertThat(h.supervisor.counters().listenerErrors()).isEqualTo(1);
    assertThat(h.listener.firstFaults()).hasSize(1);
  }

  @Test
  void shouldNotCallABlockingStartAnOverrun() {
    SupervisorSettings d = SupervisorSettings.defaults();
    // Streams arrive only between cycles here, so they may not go stale during the slow start.
    SupervisorHarness slow =
        new SupervisorHarness(d.toBuilder().pressureStaleMs(1_000).loadCellStaleMs(1_000).build());
    slow.runMs(50);
    slow.drive.callTakesMs(
        15); // the start's six drive calls take 90 ms: beyond the 50 ms threshold
    assertThat(slow.await(slow.supervisor.requestStart()).accepted()).isTrue();
    slow.drive.callTakesMs(0);
    slow.runMs(100);
    assertThat(slow.supervisor.state()).isEqualTo(SafetyState.RUNNING);
    assertThat(slow.supervisor.counters().overruns()).isZero();
  }

  @Test
  void shouldJudgeTheDevicesOnTheStatusReadAfterTheResetNotAnOlderPoll() {
    h.drive.watchdogTripped = true; // left over from a previous session
    h.drive.fault = true;
    h.runMs(50);
    h.pollersRunning = false; // the poller's latest read still shows the trip
    assertThat(h.await(h.supervisor.requestStart()).accepted()).isTrue();
    h.tick();
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
  }

  @Test
  void shouldIgnoreAnOperatorStopWhileIdle() {
    h.runMs(50);
    h.supervisor.requestOperatorStop();
    h.tick();
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.IDLE);
    assertThat(h.drive.calls()).containsOnly("readStatus()");
  }

  @Test
  void shouldCountCyclesAndPublishPresentFaults() {
    h.pressureStreaming = false;
    h.runMs(200);
    assertThat(h.supervisor.counters().cycles()).isEqualTo(20);
    assertThat(h.supervisor.presentFaults()).isEqualTo(FaultCode.PRESSURE_STREAM_STALE.bit());
    assertThat(h.supervisor.counters().faults(FaultCode.PRESSURE_STREAM_STALE))
        .as("not counted while idle")
        .isZero();
  }

  @Test
  void shouldRefuseAStartQueuedBeforeAnOperatorStopThatArrivedWhileIdle() {
    h.runMs(50);
    CompletableFuture<RequestOutcome> start = h.supervisor.requestStart();
    h.supervisor.requestOperatorStop();
    RequestOutcome outcome = h.await(start);
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.reason()).isEqualTo("an operator stop was asked");
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.IDLE);
  }

  @Test
  void shouldPermitMotionOnlyFromAnAcceptedStartAndWithdrawItBeforeTheStopsFirstCommand() {
    h.runMs(50);
    assertThat(h.supervisor.motionPermitted()).as("IDLE").isFalse();
    assertThat(h.await(h.supervisor.requestStart()).accepted()).isTrue();
    assertThat(h.supervisor.motionPermitted()).as("RUNNING").isTrue();
    List<String> permitAtStopCommands = new ArrayList<>();
    h.drive.onCall =
        command -> permitAtStopCommands.add(command + " " + h.supervisor.motionPermitted());

    h.drive.estopOpen = true;
    h.runMs(100);

    int stop = permitAtStopCommands.indexOf("quickStop() false");
    assertThat(stop).as("the quick stop, commanded without the permit").isNotNegative();
    assertThat(permitAtStopCommands.subList(stop, permitAtStopCommands.size()))
        .noneMatch(call -> call.endsWith("true"));
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.SAFE_STOP_LATCHED);
    assertThat(h.supervisor.motionPermitted()).as("latched").isFalse();
  }

  @Test
  void shouldNotPermitMotionAfterARefusedStart() {
    h.runMs(50);
    h.drive.estopOpen = true;
    h.runMs(50);
    assertThat(h.await(h.supervisor.requestStart()).accepted()).isFalse();
    assertThat(h.supervisor.motionPermitted()).isFalse();
  }
}
