package org.gaitctl.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class FrameCellCodecTest {

  private static final int ROWS = 128;
  private static final int COLS = 56;

  @Test
  void shouldGiveBackAnUnloadedBeltWithFootprintsCellForCellAsFewRuns() {
    char[] cells = new char[ROWS * COLS];
    Arrays.fill(cells, (char) 1);
    Random random = new Random(7);
    for (int i = 2000; i < 2300; i++) {
      cells[i] = (char) random.nextInt(65536);
    }
    cells[5000] = 2; // a loaded cell alone between runs
    cells[6000] = 0;
    cells[6001] = 0; // a pair: too short to pay as a run

    ByteBuffer data = encode(cells, 2 * cells.length);

    assertThat(data.remaining()).as("bytes").isLessThan(2 * 300 + 64);
    assertThat(decode(record(JournalFormat.CELLS_RUNS, data))).isEqualTo(cells);
  }

  @Test
  void shouldSplitRunsAndLiteralsLongerThanOneTokenHolds() {
    char[] cells = new char[256 * 256];
    Arrays.fill(cells, 0, 40_000, (char) 9);
    for (int i = 40_000; i < cells.length; i++) {
      cells[i] = (char) (i % 2);
    }

    ByteBuffer data = encode(cells, 4 * cells.length);

    assertThat(decode(record(256, 256, JournalFormat.CELLS_RUNS, data))).isEqualTo(cells);
  }

  @Test
  void shouldRefuseRunsOverTheBudgetAndLeaveTheBufferWhereItWas() {
    char[] noisy = new char[ROWS * COLS];
    Random random = new Random(3);
    for (int i = 0; i < noisy.length; i++) {
      noisy[i] = (char) (100 + random.nextInt(8));
    }
    ByteBuffer out = ByteBuffer.allocate(4 * noisy.length).order(JournalFormat.ORDER);
    out.position(10);

    boolean encoded = FrameCellCodec.encodeRuns(bytes(noisy), noisy.length, out, noisy.length / 2);

    assertThat(encoded).isFalse();
    assertThat(out.position()).isEqualTo(10);
  }

  @Test
  void shouldNameTheRecordAndWhatIsWrongWithBrokenRuns() {
    ByteBuffer tokenTooLong = ByteBuffer.allocate(4).order(JournalFormat.ORDER);
    tokenTooLong.putShort((short) (0x8000 | 0x7FFF)).putShort((short) 1).flip();
    assertThatThrownBy(() -> decode(record(JournalFormat.CELLS_RUNS, tokenTooLong)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("frame record 42: a token of 32767 cells after 0 of 7168");

    ByteBuffer cutShort = ByteBuffer.allocate(4).order(JournalFormat.ORDER);
    cutShort.putShort((short) (0x8000 | 100)).putShort((short) 1).flip();
    assertThatThrownBy(() -> decode(record(JournalFormat.CELLS_RUNS, cutShort)))
        .hasMessage("frame record 42: runs end after 100 of 7168 cells");

    ByteBuffer zero = ByteBuffer.allocate(2).order(JournalFormat.ORDER);
    zero.putShort((short) 0).flip();
    assertThatThrownBy(() -> decode(record(JournalFormat.CELLS_RUNS, zero)))
        .hasMessage("frame record 42: a token of 0 cells after 0 of 7168");

    assertThatThrownBy(() -> decode(record(7, ByteBuffer.allocate(0))))
        .hasMessage("frame record 42: encoding 7 is not known");
  }

  @Test
  void shouldReadDeflatedAndRawCellsAsBefore() {
    char[] cells = new char[ROWS * COLS];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = (char) (i * 31);
    }
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    deflater.setInput(bytes(cells));
    deflater.finish();
    ByteBuffer deflated = ByteBuffer.allocate(4 * cells.length);
    while (!deflater.finished()) {
      deflater.deflate(deflated);
    }
    deflater.end();

    assertThat(decode(record(JournalFormat.CELLS_DEFLATE, deflated.flip()))).isEqualTo(cells);
    assertThat(decode(record(JournalFormat.CELLS_RAW, ByteBuffer.wrap(bytes(cells)))))
        .isEqualTo(cells);
  }

  private static ByteBuffer encode(char[] cells, int budget) {
    ByteBuffer out = ByteBuffer.allocate(4 * cells.length + 16).order(JournalFormat.ORDER);
    assertThat(FrameCellCodec.encodeRuns(bytes(cells), cells.length, out, budget)).isTrue();
    return out.flip();
  }

  private static byte[] bytes(char[] cells) {
    ByteBuffer bytes = ByteBuffer.allocate(2 * cells.length).order(JournalFormat.ORDER);
    for (char cell : cells) {
      bytes.putChar(cell);
    }
    return bytes.array();
  }

  private static char[] decode(JournalRecord record) {
    int rows = Short.toUnsignedInt(record.payload().getShort(JournalFormat.FRAME_ROWS_OFFSET));
    int cols = Short.toUnsignedInt(record.payload().getShort(JournalFormat.FRAME_COLS_OFFSET));
    char[] target = new char[rows * cols];
    try (FrameCellCodec codec = new FrameCellCodec()) {
      codec.decode(record, target);
    }
    return target;
  }

  private static JournalRecord record(int encoding, ByteBuffer data) {
    return record(ROWS, COLS, encoding, data);
  }

  private static JournalRecord record(int rows, int cols, int encoding, ByteBuffer data) {
    ByteBuffer payload =
        ByteBuffer.allocate(JournalFormat.FRAME_HEADER_BYTES + data.remaining())
            .order(JournalFormat.ORDER);
    payload.put(JournalFormat.FRAME_ENCODING_OFFSET, (byte) encoding);
    payload.putShort(JournalFormat.FRAME_ROWS_OFFSET, (short) rows);
    payload.putShort(JournalFormat.FRAME_COLS_OFFSET, (short) cols);
    payload.putInt(JournalFormat.FRAME_DATA_LENGTH_OFFSET, data.remaining());
    payload.position(JournalFormat.FRAME_HEADER_BYTES).put(data).position(0);
    return new JournalRecord(
        42, 0, JournalRecordType.PRESSURE_FRAME.code(), JournalRecordType.PRESSURE_FRAME, payload);
  }
}
