package org.gaitctl.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyFaultsTest {

  @Test
  void shouldAnswerOnTimeAndDropNothingAfterClear() {
    ReplyFaults faults = new ReplyFaults();
    faults.setDelayMs(500);
    faults.setDropReplies(true);

    faults.clear();

    assertThat(faults.delayMs()).isZero();
    assertThat(faults.dropReplies()).isFalse();
  }
}
