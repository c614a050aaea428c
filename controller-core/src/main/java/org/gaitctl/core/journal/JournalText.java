package org.gaitctl.core.journal;

import java.nio.ByteBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Text in a journal record: u32 count of UTF-16 code units, then the code units little-endian.
 * UTF-16 because a {@link CharSequence} is written unit by unit without encoding into a temporary
 * array, so a record from the supervisor's cycle allocates nothing.
 */
final class JournalText {

  private JournalText() {}

  /** Bytes {@code text} takes in a record. */
  static int bytes(CharSequence text) {
    return 4 + 2 * text.length();
  }

  /** Writes {@code text} at {@code index}; returns the index after it. */
  static int put(MutableDirectBuffer buffer, int index, CharSequence text) {
    int length = text.length();
    buffer.putInt(index, length, JournalFormat.ORDER);
    int at = index + 4;
    for (int i = 0; i < length; i++) {
      buffer.putChar(at, text.charAt(i), JournalFormat.ORDER);
      at += 2;
    }
    return at;
  }

  /** Reads a text at the buffer's position (little-endian), advancing it. */
  static String get(ByteBuffer payload) {
    int length = payload.getInt();
    if (length < 0 || length > payload.remaining() / 2) {
      throw new IllegalArgumentException(
          "text of " + length + " code units does not fit the record's " + payload.remaining());
    }
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = payload.getChar();
    }
    return new String(chars);
  }
}
