package org.gaitctl.report;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the texts of journal records that {@code JournalRecord.texts()} does not cover (a protocol
 * stage's name after its index, a command's name and result around its argument): u32 count of
 * UTF-16 code units, then the units, little-endian (docs/JOURNAL.md).
 */
final class RecordTexts {

  private RecordTexts() {}

  /** The text at {@code view}'s position, advancing it past the text. */
  static String next(ByteBuffer view) {
    view.order(ByteOrder.LITTLE_ENDIAN);
    int length = view.getInt();
    if (length < 0 || length > view.remaining() / 2) {
      throw new IllegalArgumentException(
          "text of " + length + " code units does not fit the record's " + view.remaining());
    }
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = view.getChar();
    }
    return new String(chars);
  }
}
