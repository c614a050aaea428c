package org.gaitctl.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.StreamFlags;
import org.junit.jupiter.api.Test;

/**
 * One test per {@link FaultCode}: each injects the fault into a running session and checks the
 * reaction. docs/SAFETY.md names these tests in its fault table ({@code FaultCatalogueTest} checks
 * that the names exist).
 */
class SafetySupervisorFaultTest {

  private final SupervisorHarness h = new SupervisorHarness();

  @Test
  void shouldStopBeltWhenPressureStreamGoesSilent() {
    h.running();
    h.pressureStreaming = false;
    h.runMs(400);
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
    h.runMs(10);
    assertControlledStop(FaultCode.PRESSURE_STREAM_STALE);
    assertThat(h.supervisor.firstFault().measured()).isEqualTo(410.0);
    assertThat(h.supervisor.firstFault().limit()).isEqualTo(400.0);
  }

  @Test
  void shouldHoldOnLateDataAndCountTheEpisodeWithoutAFault() {
    h.running();
    h.pressureStreaming = false;
    h.runMs(100);
    assertThat(h.supervisor.streamDataLate()).isFalse();
    h.runMs(10);
    assertThat(h.supervisor.streamDataLate()).isTrue();
    h.runMs(200);
    h.pressureStreaming = true;
    h.runMs(10);
    assertThat(h.supervisor.streamDataLate()).isFalse();
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
    assertThat(h.supervisor.counters().streamLateEpisodes()).isEqualTo(1);
    assertThat(h.supervisor.counters().get(SupervisorCounter.MAX_LATE_GAP_NS))
        .isEqualTo(310_000_000L);
  }

  @Test
  void shouldEndALateEpisodeWhenTheSessionStops() {
    SupervisorHarness fresh = new SupervisorHarness();
    fresh.running();
    fresh.loadCellStreaming = false;
    fresh.runMs(150);
    assertThat(fresh.supervisor.streamDataLate()).isTrue();
    fresh.supervisor.requestOperatorStop();
    fresh.runMs(20);
    assertThat(fresh.supervisor.streamDataLate()).isFalse();
  }

  @Test
  void shouldStopBeltWhenTheRightBeltOfASplitBeltGoesSilent() {
    SupervisorHarness split = new SupervisorHarness(SupervisorSettings.defaults(), true);
    split.running();
    split.rightBeltStreaming = false;
    split.runMs(420);
    assertThat(split.supervisor.state()).isIn(SafetyState.STOPPING, SafetyState.SAFE_STOP_LATCHED);
    assertThat(split.supervisor.firstFault().code()).isEqualTo(FaultCode.PRESSURE_STREAM_STALE);
    assertThat(split.supervisor.firstFault().detail()).startsWith("right belt: last sample");
  }

  @Test
  void shouldStopBeltWhenThePressureBeltUnitReportsASensorFault() {
    h.running();
    h.pressureUnitFlags = StreamFlags.STATUS_STREAMING | StreamFlags.STATUS_SENSOR_FAULT;
    h.tick();
    assertControlledStop(FaultCode.PRESSURE_SENSOR_FAULT);
    assertThat(h.supervisor.firstFault().detail()).isEqualTo("flags 0x3");
    h.pressureUnitFlags = StreamFlags.STATUS_STREAMING;
    assertThat(h.await(h.supervisor.requestAcknowledge()).accepted()).isTrue();
  }

  @Test
  void shouldStopBeltWhenAPressureFrameIsRejected() {
    h.running();
    h.rejectedFrames.incrementAndGet();
    h.tick();
    assertControlledStop(FaultCode.PRESSURE_FRAME_REJECTED);
    assertThat(h.supervisor.firstFault().detail())
        .isEqualTo("1 pressure frame(s) refused at the publisher");
  }

  @Test
  void shouldQuickStopAndWithholdHeartbeatWhenTheBeltMovesWhileStopped() {
    h.running();
    h.supervisor.requestOperatorStop();
    h.runUntilLatched(5_000);
    h.drive.clearCalls();
    h.drive.ignoresStops = true; // a drive that runs on whatever it is told
    h.drive.speedMps = 0.4;
    h.runMs(30);
    assertThat(h.listener.laterFaults())
        .extracting(FaultRecord::code)
        .contains(FaultCode.BELT_MOVING_WHILE_STOPPED);
    assertThat(h.drive.calls()).contains("quickStop()");
    assertThat(h.bws.calls()).contains("setHold(true)");
    assertThat(h.supervisor.counters().heartbeatsWithheld()).isEqualTo(1);
    long fed = h.drive.count("heartbeat()");
    h.runMs(200);
    assertThat(h.drive.count("heartbeat()")).as("the device watchdogs take over").isEqualTo(fed);
    RequestOutcome refused = h.await(h.supervisor.requestAcknowledge());
    assertThat(refused.reason()).contains("F24 belt moving while stopped");
  }

  @Test
  void shouldStopBeltWhenLoadCellGoesSilent() {
    h.running();
    h.loadCellStreaming = false;
    h.runMs(400);
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
    h.runMs(10);
    assertControlledStop(FaultCode.LOAD_CELL_STREAM_STALE);
    assertThat(h.supervisor.firstFault().detail()).contains("410.0 ms ago > 400 ms");
  }

  @Test
  void shouldStopBeltWhenLoadCellReportsBridgeOpen() {
    h.running();
    h.loadCellFlags = StreamFlags.LOAD_SENSOR_FAULT;
    h.loadCellForceCn = 0;
    h.tick();
    assertControlledStop(FaultCode.LOAD_CELL_SENSOR_FAULT);
    assertThat(h.supervisor.counters().faults(FaultCode.PATIENT_FALL)).isZero();
  }

  @Test
  void shouldQuickStopWhenHarnessLoadRisesSuddenly() {
    h.running();
    h.loadCellForceCn = 20_000 + 25_000; // +250 N within one cycle: a fall sign, below overload
    h.tick();
    assertQuickStop(FaultCode.PATIENT_FALL);
    assertThat(h.supervisor.firstFault().measured()).isEqualTo(250.0);
  }

  @Test
  void shouldSeeAFallOnTheBwsUnitsOwnForceWhileTheLoadCellsDataIsLate() {
    h.running();
    h.bws.forceN = 200;
    h.runMs(50);
    h.loadCellStreaming = false; // its data waits in the kernel of a busy host
    h.runMs(120);
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
    h.bws.forceN = 450; // the patient falls into the harness meanwhile: +250 N
    h.runMs(50);
    assertQuickStop(FaultCode.PATIENT_FALL);
  }

  @Test
  void shouldNotMistakeASlowRiseOfHarnessLoadForAFall() {
    h.running();
    for (int i = 0; i < 40; i++) {
      h.loadCellForceCn += 900; // +9 N per 10 ms: 180 N in 200 ms, below the 200 N fall rise
      h.tick();
    }
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
  }

  @Test
  void shouldNotTakeTheRiseOfTheHeldHarnessAfterAStopForAFall() {
    h.running();
    h.supervisor.requestOperatorStop();
    h.runMs(50);
    assertThat(h.bws.holding).as("the stop holds the harness").isTrue();
    for (int i = 0; i < 20; i++) {
      // The held cable no longer pays out: the walking patient pulls it +250 N in 200 ms.
      h.loadCellForceCn += 1_250;
      h.tick();
      assertThat(h.supervisor.presentFaults() & FaultCode.PATIENT_FALL.bit()).isZero();
    }
  }

  @Test
  void shouldRaiseAFallSignWhenThePatientFallsIntoTheHeldHarness() {
    h.running();
    h.supervisor.requestOperatorStop();
    h.runMs(50);
    assertThat(h.bws.holding).as("the stop holds the harness").isTrue();
    h.loadCellForceCn += 33_500; // the body weight onto the harness: +335 N
    h.tick();
    assertThat(h.supervisor.presentFaults() & FaultCode.PATIENT_FALL.bit()).isNotZero();
  }

  @Test
  void shouldQuickStopWhenHarnessLoadExceedsMaxUnloadingPlusMargin() {
    h.running();
    for (int i = 0; i < 120 && h.supervisor.state() == SafetyState.RUNNING; i++) {
      h.loadCellForceCn += 500; // slow rise: no fall sign, but past 600 N + 100 N margin
      h.bws.forceN = h.loadCellForceCn / 100.0; // a sound unit's own sensor agrees (no F26)
      h.tick();
    }
    assertQuickStop(FaultCode.HARNESS_OVERLOAD);
    assertThat(h.supervisor.firstFault().measured()).isGreaterThan(700.0);
    assertThat(h.supervisor.firstFault().limit()).isEqualTo(700.0);
  }

  @Test
  void shouldQuickStopOnLoadCellOverloadFlag() {
    h.running();
    h.loadCellFlags = StreamFlags.LOAD_OVERLOAD;
    h.tick();
    assertQuickStop(FaultCode.LOAD_CELL_OVERLOAD);
  }

  @Test
  void shouldQuickStopWhenDriveStopsAnswering() {
    h.running();
    h.drive.unplug(CommandResult.TIMEOUT);
    h.runMs(20);
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
    h.tick(); // third failed read in a row
    assertThat(h.supervisor.firstFault().code()).isEqualTo(FaultCode.DRIVE_UNREACHABLE);
    assertThat(h.drive.count("quickStop()")).isEqualTo(3); // bounded retries
    assertThat(h.bws.calls()).contains("setHold(true)");
    h.runUntilLatched(5_000);
    assertThat(h.supervisor.lastSafeStop().beltAtRest()).isFalse();
    assertThat(h.supervisor.lastSafeStop().beltStopCommanded()).isFalse();
  }

  @Test
  void shouldQuickStopWhenDriveStatusGoesStaleBecauseThePollerStalls() {
    h.running();
    h.pollersRunning = false;
    h.runMs(300);
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
    h.tick();
    assertThat(h.supervisor.firstFault().code()).isEqualTo(FaultCode.DRIVE_UNREACHABLE);
    assertThat(h.supervisor.firstFault().detail()).contains("last good read 310 ms ago");
  }

  @Test
  void shouldQuickStopWhenEstopOpens() {
    h.running();
    h.drive.estopOpen = true;
    h.tick();
    assertQuickStop(FaultCode.DRIVE_ESTOP_OPEN);
  }

  @Test
  void shouldQuickStopWhenSafetyKeyIsPulled() {
    h.running();
    h.drive.safetyKeyOut = true;
    h.tick();
    assertQuickStop(FaultCode.DRIVE_SAFETY_KEY_OUT);
  }

  @Test
  void shouldQuickStopWhenDriveWatchdogTrips() {
    h.running();
    h.drive.watchdogTripped = true;
    h.tick();
    assertQuickStop(FaultCode.DRIVE_WATCHDOG_TRIPPED);
  }

  @Test
  void shouldQuickStopAndRecordFaultCodeWhenDriveReportsFault() {
    h.running();
    h.drive.fault = true;
    h.drive.faultCode = 2; // overtemperature
    h.tick();
    assertQuickStop(FaultCode.DRIVE_FAULT);
    assertThat(h.supervisor.firstFault().detail()).isEqualTo("FAULT_CODE 2");
  }

  @Test
  void shouldQuickStopWhenBeltRunsAboveSpeedLimit() {
    h.running(2.0);
    h.drive.speedMps = 2.09; // within the 0.1 m/s tolerance
    h.tick();
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
    h.drive.speedRightMps = 2.15;
    h.tick();
    assertQuickStop(FaultCode.BELT_OVERSPEED);
    assertThat(h.supervisor.firstFault().measured()).isEqualTo(2.15);
  }

  @Test
  void shouldStopBeltWhenBwsStopsAnswering() {
    h.running();
    h.bws.unplug(CommandResult.NOT_CONNECTED);
    h.runMs(30);
    assertThat(h.supervisor.firstFault().code()).isEqualTo(FaultCode.BWS_UNREACHABLE);
    assertThat(h.drive.calls())
        .containsSubsequence("setAcceleration(0.5)", "setSpeed(0.0)", "setRunning(false)")
        .doesNotContain("quickStop()");
    assertThat(h.bws.count("setHold(true)")).isEqualTo(3);
    assertThat(h.supervisor.lastSafeStop().holdCommanded()).isFalse();
  }

  @Test
  void shouldQuickStopOnBwsOverload() {
    h.running();
    h.bws.overload = true;
    h.tick();
    assertQuickStop(FaultCode.BWS_OVERLOAD);
  }

  @Test
  void shouldStopBeltWhenBwsWatchdogTrips() {
    h.running();
    h.bws.watchdogTripped = true;
    h.tick();
    assertControlledStop(FaultCode.BWS_WATCHDOG_TRIPPED);
  }

  @Test
  void shouldStopBeltWhenBwsReportsFault() {
    h.running();
    h.bws.fault = true;
    h.bws.faultCode = 4; // sensor
    h.tick();
    assertControlledStop(FaultCode.BWS_FAULT);
    assertThat(h.supervisor.firstFault().detail()).isEqualTo("FAULT_CODE 4");
  }

  @Test
  void shouldStopBeltWhenPipelineStageStallsWithInputPending() {
    h.running();
    h.stageKeepsUp = false;
    h.runMs(200);
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
    h.tick();
    assertControlledStop(FaultCode.PIPELINE_STAGE_STALLED);
    assertThat(h.supervisor.firstFault().detail()).contains("foot-contact");
  }

  @Test
  void shouldNotCallAStageStalledWhenNoInputArrives() {
    h.running();
    h.ringPublishing = false;
    h.stageKeepsUp = false;
    h.runMs(1_000);
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
  }

  @Test
  void shouldStopBeltWhenPipelineHandlerThrows() {
    h.running();
    h.handlerExceptions.incrementAndGet();
    h.tick();
    assertControlledStop(FaultCode.PIPELINE_HANDLER_EXCEPTION);
  }

  @Test
  void shouldStopBeltWhenSupervisorCycleIsLate() {
    h.running();
    h.clock.advanceNs(150_000_000L); // next cycle starts 150 ms late: at the threshold, tolerated
    h.tick();
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
    h.clock.advanceNs(151_000_000L);
    h.tick();
    assertControlledStop(FaultCode.SUPERVISOR_OVERRUN);
    assertThat(h.supervisor.counters().overruns()).isEqualTo(1);
    assertThat(h.supervisor.counters().maxLatenessNs()).isEqualTo(151_000_000L);
  }

  @Test
  void shouldQuickStopWhenASupervisorCheckThrows() {
    h.running();
    h.pressureInputFailure = new IllegalStateException("injected: broken input lambda");
    h.tick();
    assertQuickStop(FaultCode.SUPERVISOR_ERROR);
    assertThat(h.supervisor.counters().cycleErrors()).isPositive();
  }

  @Test
  void shouldStopBeltOnOperatorStop() {
    h.running();
    h.supervisor.requestOperatorStop();
    h.tick();
    assertControlledStop(FaultCode.OPERATOR_STOP);
  }

  private void assertStopped(FaultCode code) {
    assertThat(h.supervisor.state()).isIn(SafetyState.STOPPING, SafetyState.SAFE_STOP_LATCHED);
    assertThat(h.supervisor.firstFault().code()).isEqualTo(code);
    assertThat(h.listener.firstFaults()).extracting(FaultRecord::code).containsExactly(code);
    assertThat(h.bws.calls()).contains("setHold(true)").doesNotContain("setEnabled(false)");
    assertThat(h.bws.calls()).noneMatch(call -> call.startsWith("setForce"));
    h.runUntilLatched(5_000);
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.SAFE_STOP_LATCHED);
    assertThat(h.listener.stops()).hasSize(1);
  }

  private void assertControlledStop(FaultCode code) {
    assertThat(code.reaction()).isEqualTo(Reaction.CONTROLLED_STOP);
    assertThat(h.drive.calls())
        .containsSubsequence("setAcceleration(0.5)", "setSpeed(0.0)", "setRunning(false)")
        .doesNotContain("quickStop()");
    assertStopped(code);
    assertThat(h.supervisor.lastSafeStop().beltAtRest()).isTrue();
    assertThat(h.supervisor.lastSafeStop().quickStopUsed()).isFalse();
  }

  private void assertQuickStop(FaultCode code) {
    assertThat(code.reaction()).isEqualTo(Reaction.QUICK_STOP);
    assertThat(h.drive.calls()).contains("quickStop()").doesNotContain("setAcceleration(0.5)");
    assertStopped(code);
    assertThat(h.supervisor.lastSafeStop().beltAtRest()).isTrue();
    assertThat(h.supervisor.lastSafeStop().quickStopUsed()).isTrue();
  }
}
