package org.gaitctl.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.time.ArrivalTime;
import org.junit.jupiter.api.Test;

class SnapshotExchangeTest {

  @Test
  void shouldReadNothingButTheInitialSnapshotBeforeTheFirstPublication() {
    DisplaySnapshot target = new DisplaySnapshot();
    assertThat(new SnapshotExchange().readInto(target)).isTrue();
    assertThat(target.version()).isZero();
    assertThat(target.stepsCompleted()).isZero();
    assertThat(target.feetUpdatedNs()).isEqualTo(ArrivalTime.NONE);
    assertThat(target.driveUpdatedNs()).isEqualTo(ArrivalTime.NONE);
  }

  @Test
  void shouldNeverHandAReaderATornSnapshotWhileTheWriterPublishes() throws Exception {
    SnapshotExchange exchange = new SnapshotExchange();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread writer =
        new Thread(
            () -> {
              DisplaySnapshot working = new DisplaySnapshot();
              RingEvent event = new RingEvent(1);
              long n = 0;
              while (running.get()) {
                n++;
                // Every value of publication n is derived from n, so a mix of two is visible.
                RingTranslators.loadSample(event, n, n, n, (int) n, 0);
                event.unloading().set(UnloadingStatus.VALID, n, n);
                working.update(event, Double.NaN);
                working.nextVersion();
                exchange.publish(working);
              }
            },
            "snapshot-writer");
    writer.start();
    DisplaySnapshot read = new DisplaySnapshot();
    long consistentReads = 0;
    try {
      for (int i = 0; i < 200_000; i++) {
        if (exchange.readInto(read)) {
          consistentReads++;
          long version = read.version();
          if (version > 0) {
            assertThat(read.latestArrivalNs()).isEqualTo(version);
            assertThat(read.measuredUnloadingN()).isEqualTo((double) version);
          }
        }
      }
    } finally {
      running.set(false);
      writer.join();
    }
    assertThat(consistentReads).isPositive();
    assertThat(read.footInContact(Side.LEFT)).isFalse();
  }
}
