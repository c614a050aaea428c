package org.gaitctl.core.recording;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The number encoding of a C3D file, named by byte 4 of its parameter section header: Intel (84,
 * little-endian IEEE), DEC (85, little-endian integers, VAX F-floating reals) or MIPS/SGI (86,
 * big-endian IEEE).
 */
enum C3dProcessor {
  INTEL(84, ByteOrder.LITTLE_ENDIAN),
  DEC(85, ByteOrder.LITTLE_ENDIAN),
  MIPS(86, ByteOrder.BIG_ENDIAN);

  final int code;
  private final ByteOrder order;

  C3dProcessor(int code, ByteOrder order) {
    this.code = code;
    this.order = order;
  }

  /** The processor with {@code code}, or {@code null} when no C3D processor has it. */
  static C3dProcessor ofCode(int code) {
    for (C3dProcessor p : values()) {
      if (p.code == code) {
        return p;
      }
    }
    return null;
  }

  /** A view of {@code bytes} in this processor's byte order. */
  ByteBuffer wrap(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(order);
  }

  short int16(ByteBuffer buffer, int offset) {
    return buffer.getShort(offset);
  }

  float float32(ByteBuffer buffer, int offset) {
    if (this != DEC) {
      return buffer.getFloat(offset);
    }
    // VAX F-floating: the two 16-bit words are swapped against IEEE, and with its 0.1f mantissa and
    // exponent bias 128 the same bits read as IEEE are 4 times the value.
    int high = buffer.getShort(offset) & 0xFFFF;
    int low = buffer.getShort(offset + 2) & 0xFFFF;
    return Float.intBitsToFloat((high << 16) | low) / 4f;
  }
}
