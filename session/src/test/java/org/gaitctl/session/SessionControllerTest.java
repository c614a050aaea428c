package org.gaitctl.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gaitctl.core.command.CommandGate;
import org.gaitctl.core.command.CommandLimits;
import org.gaitctl.core.command.Refusal;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.safety.FaultCode;
import org.gaitctl.safety.SafetyState;
import org.gaitctl.safety.SupervisorHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The session's state machine against the supervisor and fake ports on virtual time: 10 ms
 * supervisor cycles, a session cycle every 20 ms.
 */
class SessionControllerTest {

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

  SessionControllerTest() {
    session.addListener(
        new SessionListener() {
          @Override
          public void onStateChanged(SessionState from, SessionState to, String reason) {
            told.add(to + ": " + reason);
          }

          @Override
          public void onCommandRefused(SessionCommand command, String reason) {
            told.add("refused: " + reason);
          }
        });
    h.runMs(50); // streams flowing, first statuses polled
  }

  /** Runs {@code ms} of virtual time: supervisor every 10 ms, session every 20 ms. */
  private void runMs(long ms) {
    for (long t = 0; t < ms; t += 10) {
      h.tick();
      if ((h.clock.nanoTime() / 10_000_000L) % 2 == 0) {
        session.doWork(h.clock.nanoTime());
      }
    }
  }

  private void runUntil(SessionState state, long maxMs) {
    for (long t = 0; t < maxMs && session.state() != state; t += 10) {
      runMs(10);
    }
    assertThat(session.state()).as(session.reason()).isEqualTo(state);
  }

  @Test
  void shouldTakeOverTheMeasuredTensionBeforeReleasingTheHoldAndOnlyThenRunTheBelt() {
    h.bws.holding = true; // the last session's safe stop
    h.bws.enabled = false;
    h.bws.forceN = 200; // someone hangs in the harness
    h.loadCellForceCn = 20_000;
    session.submit(new SessionCommand.Start(1.0, 200));
    runUntil(SessionState.RUNNING, 10_000);

    assertThat(h.bws.calls())
        .containsSubsequence(
            "setForce(200.0)", "setEnabled(true)", "setHold(false)", "readStatus()");
    assertThat(h.drive.calls()).containsSubsequence("setSpeed(0.0)", "setRunning(true)");
    assertThat(h.bws.holding).isFalse();
    assertThat(h.drive.speedMps).isEqualTo(1.0);
    assertThat(gate.counters().refusedTotal()).isZero();
  }

  @Test
  void shouldFreeASlackHarnessForASessionWithoutUnloading() {
    h.bws.holding = true;
    slackHarness();
    session.submit(new SessionCommand.Start(0.8, 0));
    runUntil(SessionState.RUNNING, 10_000);
    assertThat(h.bws.holding).isFalse();
    assertThat(h.bws.enabled).isFalse();
    assertThat(h.bws.calls()).noneMatch(call -> call.startsWith("setForce("));
  }

  @Test
  void shouldRefuseToRunTheBeltWhenTheHarnessCannotBeReleased() {
    h.bws.holding = true;
    slackHarness();
    h.bws.always("setHold(false)", CommandResult.REJECTED);
    session.submit(new SessionCommand.Start(1.0, 0));
    runUntil(SessionState.LATCHED, 5_000);

    assertThat(session.reason()).isEqualTo("start refused: BWS: HOLD off -> REJECTED");
    assertThat(h.drive.calls()).doesNotContain("setRunning(true)");
    assertThat(h.supervisor.firstFault().code()).isEqualTo(FaultCode.OPERATOR_STOP);
    assertThat(h.supervisor.firstFault().detail())
        .isEqualTo("by the session: start refused: BWS: HOLD off -> REJECTED");
  }

  @Test
  void shouldRampTheBeltInStepsTheGatePasses() {
    slackHarness();
    session.submit(new SessionCommand.Start(1.0, 0));
    runUntil(SessionState.RUNNING, 10_000);
    List<String> calls = h.drive.calls();
    List<String> afterRun =
        calls.subList(calls.indexOf("setRunning(true)"), calls.size()).stream()
            .filter(call -> call.startsWith("setSpeed("))
            .toList();
    assertThat(afterRun).hasSize(100).endsWith("setSpeed(1.0)"); // 0.01 m/s per 20 ms cycle
    assertThat(gate.counters().refusedTotal()).isZero();
  }

  @Test
  void shouldHoldTheBeltRampWhileStreamDataIsLateAndGoOnWhenItFlows() {
    slackHarness();
    session.submit(new SessionCommand.Start(1.0, 0));
    runUntil(SessionState.RAMPING_BELT, 10_000);
    runMs(500);
    h.pressureStreaming = false;
    runMs(110);
    long speedCommands = speedCommands();
    runMs(200); // late, not yet silent: no fault, and the ramp holds
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
    assertThat(speedCommands()).isEqualTo(speedCommands);
    h.pressureStreaming = true;
    runUntil(SessionState.RUNNING, 10_000);
    assertThat(h.drive.calls()).endsWith("setSpeed(1.0)");
  }

  @Test
  void shouldWriteTheNextValueAfterASetpointWhoseReplyCameTooLate() {
    slackHarness();
    h.drive.script("setSpeed(0.01)", CommandResult.TIMEOUT);
    session.submit(new SessionCommand.Start(1.0, 0));
    runUntil(SessionState.RUNNING, 10_000);
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
    assertThat(h.drive.calls()).contains("setSpeed(0.01)").endsWith("setSpeed(1.0)");
  }

  /**
   * A take-up setpoint whose reply came too late (TIMEOUT), or that met a link being re-connected
   * after a TCP reset (NOT_CONNECTED): the setpoint holds and the next cycle writes the next value.
   */
  @ParameterizedTest
  @EnumSource(
      value = CommandResult.class,
      names = {"TIMEOUT", "NOT_CONNECTED"})
  void shouldWriteTheNextUnloadingValueAfterATakeUpSetpointThatMissedTheDevice(CommandResult miss) {
    h.bws.forceN = 200;
    h.loadCellForceCn = 20_000;
    h.bws.script("setForce(204.0)", miss);
    session.submit(new SessionCommand.Start(1.0, 210));
    runUntil(SessionState.RUNNING, 10_000);
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
    assertThat(h.bws.calls()).containsSubsequence("setForce(204.0)", "setForce(208.0)");
  }

  @Test
  void shouldNameItsOwnReasonAsTheStopsCauseWhenADeviceRejectsASetpoint() {
    h.bws.forceN = 200;
    h.loadCellForceCn = 20_000;
    h.bws.script("setForce(204.0)", CommandResult.REJECTED);
    session.submit(new SessionCommand.Start(1.0, 210));
    runUntil(SessionState.LATCHED, 10_000);
    assertThat(h.supervisor.firstFault().code()).isEqualTo(FaultCode.OPERATOR_STOP);
    assertThat(h.supervisor.firstFault().toString())
        .isEqualTo("F21 stop requested: by the session: FORCE_SET -> REJECTED");
  }

  /** A slack harness: both force sensors read the cable's few newtons (no F26 between them). */
  private void slackHarness() {
    h.bws.forceN = 5;
    h.loadCellForceCn = 500;
  }

  private long speedCommands() {
    return h.drive.calls().stream().filter(call -> call.startsWith("setSpeed(")).count();
  }

  @Test
  void shouldStopThroughTheSupervisorAndAcknowledgeBackToIdle() {
    slackHarness();
    session.submit(new SessionCommand.Start(1.0, 0));
    runUntil(SessionState.RUNNING, 10_000);
    session.submit(new SessionCommand.Stop());
    runUntil(SessionState.LATCHED, 5_000);
    assertThat(session.reason()).isEqualTo("operator stop");
    assertThat(h.supervisor.firstFault().toString())
        .isEqualTo("F21 stop requested: by the operator");
    assertThat(h.drive.speedMps).isZero();

    session.submit(new SessionCommand.Acknowledge());
    runUntil(SessionState.IDLE, 2_000);
    assertThat(told).contains("IDLE: acknowledged");
  }

  @Test
  void shouldFollowTheSupervisorWhenAFaultStopsTheBelt() {
    slackHarness();
    session.submit(new SessionCommand.Start(1.0, 0));
    runUntil(SessionState.RUNNING, 10_000);
    h.drive.estopOpen = true;
    runUntil(SessionState.LATCHED, 5_000);
    assertThat(session.reason()).startsWith("F08 e-stop chain open");
  }

  @Test
  void shouldReachANewInclineInStepsTheGatePassesWhileTheBeltRuns() {
    slackHarness();
    session.submit(new SessionCommand.Start(1.0, 0));
    runUntil(SessionState.RUNNING, 10_000);

    session.submit(new SessionCommand.SetIncline(3.0));
    runMs(1_000);

    // From the measured 0 % in steps of 0.2 % grade: 15 commands, none refused by the gate.
    assertThat(h.drive.calls().stream().filter("setIncline"::equals)).hasSize(15);
    assertThat(session.state()).isEqualTo(SessionState.RUNNING);
  }

  @Test
  void shouldRefuseAnInclineOutsideTheProfileOrWhileTheBeltStands() {
    session.submit(new SessionCommand.SetIncline(3.0));
    runMs(200);
    slackHarness();
    session.submit(new SessionCommand.Start(1.0, 0));
    runUntil(SessionState.RUNNING, 10_000);
    session.submit(new SessionCommand.SetIncline(16.0));
    runMs(200);

    assertThat(told)
        .contains(
            "refused: the belt is not running", "refused: incline outside [-5.0, 15.0] % grade");
    assertThat(h.drive.calls()).doesNotContain("setIncline");
  }

  @Test
  void shouldRefuseCommandsOutsideTheLimitsOrTheState() {
    session.submit(new SessionCommand.Start(5.0, 0));
    session.submit(new SessionCommand.SetSpeed(0.5));
    runMs(200);
    assertThat(session.state()).isEqualTo(SessionState.IDLE);
    assertThat(told)
        .containsExactly("refused: speed outside (0, 2.0] m/s", "refused: the belt is not running");
    assertThat(h.drive.calls()).doesNotContain("setRunning(true)");
  }

  @Test
  void shouldHoldTheHarnessAgainWhenTheSupervisorStopsWhileTheSessionPrepares() {
    h.bws.holding = true;
    slackHarness();
    session.submit(new SessionCommand.Start(1.0, 0));
    session.doWork(h.clock.nanoTime()); // ARMING: the start request is queued
    h.tick(); // the supervisor serves it: RUNNING
    h.drive.estopOpen = true;
    h.tick(); // and stops at once: quick stop, harness held
    session.doWork(h.clock.nanoTime()); // the session learns of the accepted start only now
    runUntil(SessionState.LATCHED, 5_000);

    assertThat(h.bws.holding).as("the harness held by the stop stays held").isTrue();
    assertThat(h.drive.calls()).doesNotContain("setRunning(true)");
  }

  @Test
  void shouldNeverArmWhenAStopFollowsTheStartWithinOneCycle() {
    slackHarness();
    session.submit(new SessionCommand.Start(1.0, 0));
    session.submit(new SessionCommand.Stop());
    runMs(1_000);
    assertThat(session.state()).as(session.reason()).isEqualTo(SessionState.IDLE);
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.IDLE);
    assertThat(h.drive.calls()).doesNotContain("setRunning(true)");

    session.submit(new SessionCommand.Start(1.0, 0));
    runUntil(SessionState.RUNNING, 10_000);
  }

  /**
   * The session's command thread may send its next setpoint while the supervisor's stop is on the
   * wire: the gate refuses it (no motion permit), and the session must report the supervisor's
   * fault, not the refusal, and not ask for a stop of its own.
   */
  @Test
  void shouldReportTheSupervisorsFaultNotTheGatesRefusalWhenAStopRacesTheTakeUp() {
    h.bws.forceN = 5;
    h.loadCellForceCn = 500;
    session.submit(new SessionCommand.Start(1.0, 200));
    runUntil(SessionState.TAKING_UP_HARNESS, 5_000);
    // While the supervisor's quick stop reaches the drive, the session runs a cycle.
    h.drive.onCall =
        command -> {
          if (command.equals("quickStop()")) {
            h.drive.onCall = ignored -> {};
            session.doWork(h.clock.nanoTime());
          }
        };
    h.drive.estopOpen = true;
    runUntil(SessionState.LATCHED, 5_000);

    assertThat(gate.counters().refused(Refusal.NOT_PERMITTED)).as("the raced setpoint").isOne();
    assertThat(session.reason()).startsWith("F08 e-stop chain open");
  }
}
