package org.gaitctl.core.journal;

import static org.gaitctl.core.journal.JournalFormat.ORDER;

import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.gaitctl.core.contact.PressureGrid;

/**
 * Records from threads other than the ring (session control, supervisor, command gate, CLI): each
 * call writes one record into the writer's many-to-one hand-off buffer. Any thread; never blocks
 * and allocates nothing (text is copied character by character). A record that does not fit is
 * counted lost ({@link JournalCounters#sinkRecordsLost()}), which raises the journal fault.
 *
 * <p>Times are on the session's {@link org.gaitctl.core.time.NanoClock}, the clock of the ring's
 * arrival times, so one timeline orders both.
 */
public final class JournalSink {

  /** A sink that records nothing, for sessions without a journal. */
  public static final JournalSink NONE = new JournalSink(null, new JournalCounters());

  /** {@link #stepsTable}'s row count when the table is opened, not yet closed. */
  public static final long STEPS_TABLE_OPEN = -1;

  static final int PRESSURE_GRID_BYTES = 8 + 1 + 2 + 2 + 8 + 8;
  static final int STEPS_TABLE_BYTES = 8 + 8 + 8;

  private final RingBuffer buffer;
  private final JournalCounters counters;

  JournalSink(RingBuffer buffer, JournalCounters counters) {
    this.buffer = buffer;
    this.counters = counters;
  }

  /** A command sent to a device (or refused before it), e.g. "SET_SPEED", 1.2, "OK". */
  public void command(long timeNs, CharSequence command, double argument, CharSequence result) {
    int index =
        claim(
            JournalRecordType.COMMAND,
            8 + JournalText.bytes(command) + 8 + JournalText.bytes(result));
    if (index < 0) {
      return;
    }
    AtomicBuffer bytes = buffer.buffer();
    bytes.putLong(index, timeNs, ORDER);
    int at = JournalText.put(bytes, index + 8, command);
    bytes.putDouble(at, argument, ORDER);
    JournalText.put(bytes, at + 8, result);
    buffer.commit(index);
  }

  /** The protocol entered stage {@code stageIndex} (from 0), named {@code name}. */
  public void protocolStage(long timeNs, int stageIndex, CharSequence name) {
    int index = claim(JournalRecordType.PROTOCOL_STAGE, 8 + 4 + JournalText.bytes(name));
    if (index < 0) {
      return;
    }
    AtomicBuffer bytes = buffer.buffer();
    bytes.putLong(index, timeNs, ORDER);
    bytes.putInt(index + 8, stageIndex, ORDER);
    JournalText.put(bytes, index + 12, name);
    buffer.commit(index);
  }

  /** Something the operator did, in words ("start", "pause", "acknowledge"). */
  public void operatorAction(long timeNs, CharSequence action) {
    textRecord(JournalRecordType.OPERATOR_ACTION, timeNs, action, null);
  }

  /** A fault the supervisor raised: its code ("F27") and detail. */
  public void fault(long timeNs, CharSequence code, CharSequence detail) {
    textRecord(JournalRecordType.FAULT, timeNs, code, detail);
  }

  /** The safety state went from {@code from} to {@code to}. */
  public void safetyState(long timeNs, CharSequence from, CharSequence to) {
    textRecord(JournalRecordType.SAFETY_STATE, timeNs, from, to);
  }

  /** The belt geometry the pipeline was assembled with; once, before the ring starts. */
  public void pressureGrid(long timeNs, PressureGrid grid) {
    int index = claim(JournalRecordType.PRESSURE_GRID, PRESSURE_GRID_BYTES);
    if (index < 0) {
      return;
    }
    AtomicBuffer bytes = buffer.buffer();
    bytes.putLong(index, timeNs, ORDER);
    bytes.putByte(index + 8, (byte) grid.belts());
    bytes.putShort(index + 9, (short) grid.rows(), ORDER);
    bytes.putShort(index + 11, (short) grid.cols(), ORDER);
    bytes.putDouble(index + 13, grid.pitchXM(), ORDER);
    bytes.putDouble(index + 21, grid.pitchYM(), ORDER);
    buffer.commit(index);
  }

  /**
   * The live steps table: its step times are s from {@code originNs}; {@code rows} is {@link
   * #STEPS_TABLE_OPEN} when the table starts and the rows written when it is closed.
   */
  public void stepsTable(long timeNs, long originNs, long rows) {
    int index = claim(JournalRecordType.STEPS_TABLE, STEPS_TABLE_BYTES);
    if (index < 0) {
      return;
    }
    AtomicBuffer bytes = buffer.buffer();
    bytes.putLong(index, timeNs, ORDER);
    bytes.putLong(index + 8, originNs, ORDER);
    bytes.putLong(index + 16, rows, ORDER);
    buffer.commit(index);
  }

  private void textRecord(
      JournalRecordType type, long timeNs, CharSequence first, CharSequence second) {
    int length = 8 + JournalText.bytes(first) + (second == null ? 0 : JournalText.bytes(second));
    int index = claim(type, length);
    if (index < 0) {
      return;
    }
    AtomicBuffer bytes = buffer.buffer();
    bytes.putLong(index, timeNs, ORDER);
    int at = JournalText.put(bytes, index + 8, first);
    if (second != null) {
      JournalText.put(bytes, at, second);
    }
    buffer.commit(index);
  }

  private int claim(JournalRecordType type, int length) {
    if (buffer == null) {
      return -1;
    }
    if (length > buffer.maxMsgLength()) {
      counters.sinkRecordsLost.incrementAndGet();
      return -1;
    }
    int index = buffer.tryClaim(type.code(), length);
    if (index < 0) {
      counters.sinkRecordsLost.incrementAndGet();
    }
    return index;
  }
}
