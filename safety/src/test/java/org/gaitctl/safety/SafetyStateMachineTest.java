package org.gaitctl.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gaitctl.safety.SafetyStateMachine.FaultEffect;
import org.junit.jupiter.api.Test;

class SafetyStateMachineTest {

  private final SafetyStateMachine machine = new SafetyStateMachine(0);

  private static FaultRecord fault(FaultCode code, long timeNs) {
    return new FaultRecord(code, timeNs, Double.NaN, Double.NaN, "");
  }

  private void latchWith(FaultCode code) {
    machine.start(1, 0);
    machine.fault(fault(code, 2));
    machine.stopCompleted(3);
  }

  @Test
  void shouldStartIdle() {
    assertThat(machine.state()).isEqualTo(SafetyState.IDLE);
    assertThat(machine.firstFault()).isNull();
  }

  @Test
  void shouldRunAfterStartWithNoCausePresent() {
    RequestOutcome outcome = machine.start(5, 0);
    assertThat(outcome.accepted()).isTrue();
    assertThat(machine.state()).isEqualTo(SafetyState.RUNNING);
    assertThat(machine.stateSinceNs()).isEqualTo(5);
  }

  @Test
  void shouldRefuseStartWithTheCauseNamed() {
    RequestOutcome outcome = machine.start(5, FaultCode.LOAD_CELL_STREAM_STALE.bit());
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.reason()).contains("F02 load-cell stream stale");
    assertThat(machine.state()).isEqualTo(SafetyState.IDLE);
  }

  @Test
  void shouldStopOnAnyFaultWhileRunningAndRecordTheFirst() {
    machine.start(1, 0);
    FaultRecord first = fault(FaultCode.DRIVE_ESTOP_OPEN, 7);
    assertThat(machine.fault(first)).isEqualTo(FaultEffect.SAFE_STOP_REQUIRED);
    assertThat(machine.state()).isEqualTo(SafetyState.STOPPING);
    assertThat(machine.firstFault()).isSameAs(first);
    assertThat(machine.stateSinceNs()).isEqualTo(7);
  }

  @Test
  void shouldCountLaterFaultsWithoutReplacingTheFirst() {
    machine.start(1, 0);
    FaultRecord first = fault(FaultCode.PRESSURE_STREAM_STALE, 2);
    machine.fault(first);
    assertThat(machine.fault(fault(FaultCode.LOAD_CELL_STREAM_STALE, 3)))
        .isEqualTo(FaultEffect.COUNTED_AFTER_FIRST);
    machine.stopCompleted(4);
    machine.fault(fault(FaultCode.BWS_FAULT, 5));
    assertThat(machine.firstFault()).isSameAs(first);
    assertThat(machine.laterFaults()).isEqualTo(2);
  }

  @Test
  void shouldNotLatchFaultsWhileIdle() {
    assertThat(machine.fault(fault(FaultCode.OPERATOR_STOP, 1))).isEqualTo(FaultEffect.NOT_RUNNING);
    assertThat(machine.state()).isEqualTo(SafetyState.IDLE);
    assertThat(machine.firstFault()).isNull();
  }

  @Test
  void shouldLatchWhenTheStopCompletes() {
    latchWith(FaultCode.OPERATOR_STOP);
    assertThat(machine.state()).isEqualTo(SafetyState.SAFE_STOP_LATCHED);
  }

  @Test
  void shouldRejectStopCompletionWithoutAStopInProgress() {
    assertThatThrownBy(() -> machine.stopCompleted(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("IDLE");
  }

  @Test
  void shouldRefuseAcknowledgeWhileTheCauseIsPresent() {
    latchWith(FaultCode.DRIVE_ESTOP_OPEN);
    RequestOutcome outcome = machine.acknowledge(9, FaultCode.DRIVE_ESTOP_OPEN.bit());
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.reason()).isEqualTo("cause still present: F08 e-stop chain open");
    assertThat(machine.state()).isEqualTo(SafetyState.SAFE_STOP_LATCHED);
  }

  @Test
  void shouldGoIdleNotRunningWhenAcknowledgedWithTheCauseGone() {
    latchWith(FaultCode.DRIVE_ESTOP_OPEN);
    RequestOutcome outcome = machine.acknowledge(9, 0);
    assertThat(outcome.accepted()).isTrue();
    assertThat(machine.state()).isEqualTo(SafetyState.IDLE);
    assertThat(machine.firstFault().code()).isEqualTo(FaultCode.DRIVE_ESTOP_OPEN);
  }

  @Test
  void shouldNeedAnExplicitStartAfterAcknowledgeAndForgetTheFirstFaultThen() {
    latchWith(FaultCode.OPERATOR_STOP);
    machine.acknowledge(9, 0);
    assertThat(machine.start(10, 0).accepted()).isTrue();
    assertThat(machine.firstFault()).isNull();
    assertThat(machine.laterFaults()).isZero();
  }

  @Test
  void shouldRefuseStartWhileLatchedAndSayAcknowledgeFirst() {
    latchWith(FaultCode.OPERATOR_STOP);
    RequestOutcome outcome = machine.start(9, 0);
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.reason()).contains("acknowledge first").contains("F21 stop requested");
  }

  @Test
  void shouldRefuseAcknowledgeWhenNothingIsLatched() {
    machine.start(1, 0);
    assertThat(machine.acknowledge(2, 0).accepted()).isFalse();
    assertThat(machine.state()).isEqualTo(SafetyState.RUNNING);
  }

  @Test
  void shouldRefuseAcknowledgeWhileStillStopping() {
    machine.start(1, 0);
    machine.fault(fault(FaultCode.OPERATOR_STOP, 2));
    assertThat(machine.acknowledge(3, 0).accepted()).isFalse();
    assertThat(machine.state()).isEqualTo(SafetyState.STOPPING);
  }

  @Test
  void shouldRefuseASecondStartWhileRunning() {
    machine.start(1, 0);
    assertThat(machine.start(2, 0).accepted()).isFalse();
  }
}
