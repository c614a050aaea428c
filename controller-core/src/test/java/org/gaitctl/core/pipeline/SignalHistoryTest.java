package org.gaitctl.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SignalHistoryTest {

  private final SignalHistory history = new SignalHistory(16);
  private final SignalWindow window = new SignalWindow(16);

  @Test
  void shouldCopyThePairsOfTheLastWindowOldestFirst() {
    for (int i = 0; i < 10; i++) {
      history.append(i * 100L, i * 2.0);
    }

    int count = history.readLast(300, window);

    assertThat(count).isEqualTo(4);
    assertThat(window.timeNs(0)).isEqualTo(600);
    assertThat(window.value(0)).isEqualTo(12.0);
    assertThat(window.timeNs(3)).isEqualTo(900);
    assertThat(window.lapped()).isFalse();
  }

  @Test
  void shouldGiveAnEmptyWindowBeforeTheFirstPair() {
    assertThat(history.readLast(1_000, window)).isZero();
    assertThat(window.lapped()).isFalse();
  }

  @Test
  void shouldKeepOnlyTheNewestPairsOnceTheWriterWrapsAround() {
    for (int i = 0; i < 40; i++) {
      history.append(i, i);
    }

    int count = history.readLast(Long.MAX_VALUE, window);

    assertThat(count).isEqualTo(history.readableCapacity()).isEqualTo(15);
    assertThat(window.timeNs(0)).isEqualTo(25);
    assertThat(window.timeNs(14)).isEqualTo(39);
    assertThat(history.written()).isEqualTo(40);
  }

  @Test
  void shouldDropThePairsOverwrittenWhileTheReaderCopiedAndSayItWasLapped() {
    for (int i = 0; i < 16; i++) {
      history.append(i, i);
    }

    history.readLast(
        Long.MAX_VALUE,
        window,
        () -> {
          // The writer laps the reader by five pairs in the middle of its copy.
          for (int i = 16; i < 21; i++) {
            history.append(i, -1);
          }
        });

    assertThat(window.lapped()).isTrue();
    assertThat(window.count()).isEqualTo(10);
    assertThat(window.timeNs(0)).as("of pairs 1..15 copied, 1..5 were overwritten").isEqualTo(6);
    for (int i = 0; i < window.count(); i++) {
      assertThat(window.value(i)).isEqualTo(window.timeNs(i));
    }
  }

  @Test
  void shouldHandReadersOnlyIntactPairsWhileTheWriterRuns() throws InterruptedException {
    SignalHistory shared = new SignalHistory(64);
    AtomicBoolean running = new AtomicBoolean(true);
    Thread writer =
        new Thread(
            () -> {
              long t = 0;
              while (running.get()) {
                t++;
                // Each value is derived from its time, so a torn pair is visible.
                shared.append(t, t * 0.5);
              }
            },
            "history-writer");
    writer.start();
    SignalWindow read = new SignalWindow(64);
    long windows = 0;
    try {
      for (int r = 0; r < 200_000; r++) {
        shared.readLast(40, read);
        for (int i = 0; i < read.count(); i++) {
          assertThat(read.value(i)).isEqualTo(read.timeNs(i) * 0.5);
          if (i > 0) {
            assertThat(read.timeNs(i)).isEqualTo(read.timeNs(i - 1) + 1);
          }
        }
        windows += read.count() > 0 ? 1 : 0;
      }
    } finally {
      running.set(false);
      writer.join();
    }
    assertThat(windows).isPositive();
  }
}
