package org.gaitctl.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    faults.corruptCrcAtRate(1);

    faults.clear();

    assertThat(faults.samplesStopped()).isFalse();
    assertThat(faults.commandsIgnored()).isFalse();
    assertThat(faults.sensorFault()).isFalse();
    assertThat(faults.overload()).isFalse();
    assertThat(faults.takeCrcCorruption()).isFalse();
    assertThat(faults.takeFrameDrop()).isFalse();
  }

  @Test
  void shouldCorruptOneMessageInAThousandAtRateOnePerMille() {
    StreamFaults faults = new StreamFaults();
    faults.corruptCrcAtRate(0.001);

    int corrupted = 0;
    int lastCorruptedAt = -1;
    for (int message = 1; message <= 10_000; message++) {
      if (faults.takeCrcCorruption()) {
        corrupted++;
        assertThat(lastCorruptedAt < 0 || message - lastCorruptedAt == 1000).isTrue();
        lastCorruptedAt = message;
      }
    }

    assertThat(corrupted).isEqualTo(10);
  }

  @Test
  void shouldStopCorruptingAtRateZero() {
    StreamFaults faults = new StreamFaults();
    faults.corruptCrcAtRate(0.5);
    faults.corruptCrcAtRate(0);

    for (int message = 0; message < 100; message++) {
      assertThat(faults.takeCrcCorruption()).isFalse();
    }
  }

  @Test
  void shouldRefuseARateAboveOne() {
    StreamFaults faults = new StreamFaults();

    assertThatThrownBy(() -> faults.corruptCrcAtRate(1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
