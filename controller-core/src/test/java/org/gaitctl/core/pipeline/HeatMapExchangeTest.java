package org.gaitctl.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gaitctl.core.time.ArrivalTime;
import org.junit.jupiter.api.Test;

class HeatMapExchangeTest {

  private static final int ROWS = 8;
  private static final int COLS = 4;

  private final HeatMapExchange exchange = new HeatMapExchange(ROWS * COLS);

  @Test
  void shouldGiveAnEmptyFrameBeforeTheFirst() {
    assertThat(exchange.latest().arrivalNs()).isEqualTo(ArrivalTime.NONE);
  }

  @Test
  void shouldGiveTheNewestCompleteFrameAndKeepItUntilTheNextRead() {
    RingEvent event = new RingEvent(ROWS * COLS);
    publish(event, 1);
    publish(event, 2);

    HeatMapFrame latest = exchange.latest();

    assertThat(latest.deviceSeq()).isEqualTo(2);
    assertThat(latest.rows()).isEqualTo(ROWS);
    assertThat(latest.cell(ROWS - 1, COLS - 1)).isEqualTo(2);
    publish(event, 3);
    assertThat(latest.cell(0, 0)).as("the reader's frame is not written under it").isEqualTo(2);
    assertThat(exchange.latest().deviceSeq()).isEqualTo(3);
    assertThat(exchange.latest().deviceSeq()).as("no newer frame: the same").isEqualTo(3);
  }

  @Test
  void shouldNeverHandTheReaderAFrameMixedFromTwoWrites() throws InterruptedException {
    AtomicBoolean running = new AtomicBoolean(true);
    Thread writer =
        new Thread(
            () -> {
              RingEvent event = new RingEvent(ROWS * COLS);
              int seq = 0;
              while (running.get()) {
                publish(event, ++seq & 0xFFFF);
              }
            },
            "heat-map-writer");
    writer.start();
    long framesSeen = 0;
    try {
      for (int r = 0; r < 200_000; r++) {
        HeatMapFrame frame = exchange.latest();
        if (frame.arrivalNs() == ArrivalTime.NONE) {
          continue;
        }
        framesSeen++;
        int expected = (int) frame.deviceSeq();
        for (int row = 0; row < ROWS; row++) {
          for (int col = 0; col < COLS; col++) {
            assertThat(frame.cell(row, col)).isEqualTo(expected);
          }
        }
      }
    } finally {
      running.set(false);
      writer.join();
    }
    assertThat(framesSeen).isPositive();
  }

  /** Publishes a frame whose every cell and sequence number is {@code seq}. */
  private void publish(RingEvent event, int seq) {
    ByteBuffer cells = ByteBuffer.allocate(ROWS * COLS * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < ROWS * COLS; i++) {
      cells.putChar(i * 2, (char) seq);
    }
    RingTranslators.pressureFrame(event, seq, seq, 0, 0, ROWS, COLS, cells);
    exchange.publish(event.frame(), event.arrivalNs(), event.deviceSeq());
  }
}
