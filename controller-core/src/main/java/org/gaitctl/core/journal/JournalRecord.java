package org.gaitctl.core.journal;

import java.nio.ByteBuffer;

/**
 * One record as read back, its CRC checked.
 *
 * @param index the record's number in the file, from 0
 * @param offset byte offset of its length field in the file
 * @param typeCode its type number on disk
 * @param type the type, or {@code null} for a number this version does not know
 * @param payload the payload, little-endian, position 0 (a read-only view; duplicate to share)
 */
public record JournalRecord(
    long index, long offset, int typeCode, JournalRecordType type, ByteBuffer payload) {

  /**
   * The record's time, ns on the session clock: the first field of every record but metadata
   * (arrival time of ring inputs, time of the call for the others).
   *
   * @throws IllegalStateException for a metadata record
   */
  public long timeNs() {
    if (type == JournalRecordType.METADATA) {
      throw new IllegalStateException("a metadata record has no time");
    }
    return payload.getLong(0);
  }

  /** The texts of a record made of texts after its time (or, for metadata, key and value). */
  public String[] texts() {
    ByteBuffer view = payload.duplicate().order(JournalFormat.ORDER);
    if (type != JournalRecordType.METADATA) {
      view.position(8);
    }
    int count =
        switch (type) {
          case METADATA, FAULT, SAFETY_STATE -> 2;
          case OPERATOR_ACTION -> 1;
          default -> throw new IllegalStateException(type + " is not a text record");
        };
    String[] texts = new String[count];
    for (int i = 0; i < count; i++) {
      texts[i] = JournalText.get(view);
    }
    return texts;
  }

  /**
   * A {@link JournalRecordType#COMMAND} record decoded.
   *
   * @throws IllegalStateException for another type
   */
  public JournalCommand command() {
    if (type != JournalRecordType.COMMAND) {
      throw new IllegalStateException(type + " is not a command");
    }
    ByteBuffer view = payload.duplicate().order(JournalFormat.ORDER).position(8);
    String name = JournalText.get(view);
    double argument = view.getDouble();
    return new JournalCommand(timeNs(), name, argument, JournalText.get(view));
  }

  /**
   * The cells of a {@link JournalRecordType#PRESSURE_FRAME}, decoded ({@link FrameCellCodec}): rows
   * × cols values in 0.01 N/cm², row-major, as they were published to the ring. Allocates; a reader
   * of every frame reuses one codec instead.
   *
   * @throws IllegalStateException for another type, or cells that do not decode to rows × cols
   */
  public char[] frameCells() {
    if (type != JournalRecordType.PRESSURE_FRAME) {
      throw new IllegalStateException(type + " is not a pressure frame");
    }
    int rows = Short.toUnsignedInt(payload.getShort(JournalFormat.FRAME_ROWS_OFFSET));
    int cols = Short.toUnsignedInt(payload.getShort(JournalFormat.FRAME_COLS_OFFSET));
    char[] cells = new char[rows * cols];
    try (FrameCellCodec codec = new FrameCellCodec()) {
      codec.decode(this, cells);
    }
    return cells;
  }
}
