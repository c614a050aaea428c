package org.gaitctl.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamFaultsTest {

  @Test
  void shouldLeaveNoFaultSetAndNothingPendingAfterClear() {
    StreamFaults faults = new StreamFaults();
    faults.stopStreaming();
    faults.ignoreCommands(true);
    faults.setSensorFault(true);
    faults.setOverload(true);
    faults.corruptCrcOfNext(3);
    faults.dropNextFrames(4);

    faults.clear();

    assertThat(faults.samplesStopped()).isFalse();
    assertThat(faults.commandsIgnored()).isFalse();
    assertThat(faults.sensorFault()).isFalse();
    assertThat(faults.overload()).isFalse();
    assertThat(faults.takeCrcCorruption()).isFalse();
    assertThat(faults.takeFrameDrop()).isFalse();
  }
}
