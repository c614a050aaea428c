package org.gaitctl.drivers.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import org.gaitctl.core.port.CommandResult;
import org.junit.jupiter.api.Test;

class PendingSetpointTest {

  private final LinkCounters counters = new LinkCounters("bws");
  private final PendingSetpoint pending = new PendingSetpoint(counters);

  @Test
  void shouldSendOnlyTheLatestValueAndAnswerEveryOfferItReplaced() {
    long first = pending.offer(1, 200);
    long second = pending.offer(1, 210);

    assertThat(pending.word()).isEqualTo(210);
    assertThat(pending.outcomeOf(first)).isNull();
    pending.settle(CommandResult.OK);

    assertThat(pending.outcomeOf(first)).isEqualTo(CommandResult.OK);
    assertThat(pending.outcomeOf(second)).isEqualTo(CommandResult.OK);
    assertThat(pending.isPending()).isFalse();
    assertThat(counters.get(ModbusLinkCounter.COALESCED)).isEqualTo(1);
  }

  @Test
  void shouldLeaveAnotherRegistersSetpointToItsOwnRequest() {
    pending.offer(1, 200);

    assertThat(pending.offer(3, 5)).isNegative();
    assertThat(pending.address()).isEqualTo(1);
  }

  @Test
  void shouldNeverSendASetpointThatASafetyCommandOvertook() {
    long seq = pending.offer(1, 200);

    assertThat(pending.cancel()).isTrue();

    assertThat(pending.isPending()).isFalse();
    assertThat(pending.outcomeOf(seq)).isEqualTo(CommandResult.REFUSED);
    assertThat(counters.get(ModbusLinkCounter.SETPOINTS_DROPPED)).isEqualTo(1);
    assertThat(pending.cancel()).as("nothing left to cancel").isFalse();
  }

  @Test
  void shouldWithdrawAnUnsentSetpointWhoseCallerStopsWaiting() {
    long seq = pending.offer(1, 200);

    assertThat(pending.withdraw(seq)).isEqualTo(CommandResult.TIMEOUT);

    assertThat(pending.isPending()).isFalse();
    assertThat(counters.get(ModbusLinkCounter.SETPOINTS_DROPPED)).isEqualTo(1);
  }

  @Test
  void shouldKeepANewerOfferPendingWhenAnOlderCallerWithdraws() {
    long older = pending.offer(1, 200);
    pending.offer(1, 210);

    assertThat(pending.withdraw(older)).isEqualTo(CommandResult.TIMEOUT);

    assertThat(pending.isPending()).isTrue();
    assertThat(pending.word()).isEqualTo(210);
  }

  @Test
  void shouldReturnTheCarriedOutcomeToACallerWaitingForIt() {
    long seq = pending.offer(1, 200);
    pending.settle(CommandResult.OK);

    assertThat(pending.awaitSettled(seq, 0)).isEqualTo(CommandResult.OK);
    assertThat(pending.withdraw(seq)).isEqualTo(CommandResult.OK);
  }
}
