package org.gaitctl.core.journal;

import java.nio.ByteOrder;

/**
 * The on-disk layout of a session journal (docs/JOURNAL.md): an 8-byte file header, then records
 * framed as {@code [u32 payload length][u16 type][payload][u32 CRC32C]}, all little-endian. The CRC
 * covers the length, the type and the payload, so a torn length is caught as surely as a torn
 * payload.
 */
public final class JournalFormat {

  /** "GJNL" in ASCII: the first four bytes of every journal. */
  public static final int MAGIC = 0x4C4E4A47;

  /** Format version, u16 after the magic; a reader refuses a version it does not know. */
  public static final int VERSION = 1;

  /** Magic (4), version (2), reserved zero (2). */
  public static final int FILE_HEADER_BYTES = 8;

  /** Payload length (4) and type (2) before the payload. */
  public static final int RECORD_HEADER_BYTES = 6;

  /** The CRC32C after the payload. */
  public static final int RECORD_TRAILER_BYTES = 4;

  /** Framing bytes per record. */
  public static final int RECORD_OVERHEAD_BYTES = RECORD_HEADER_BYTES + RECORD_TRAILER_BYTES;

  /**
   * Largest payload a writer produces (a 2 × 256 × 256-cell frame stored raw is 256 KiB, a device
   * profile at most 1 MiB of text, 2 MiB as UTF-16); a larger length field is corruption.
   */
  public static final int MAX_PAYLOAD_BYTES = 4 << 20;

  /** Byte order of every field. */
  public static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

  /** Pressure-frame cell encodings (the frame record's encoding byte; {@link FrameCellCodec}). */
  public static final int CELLS_RAW = 0;

  public static final int CELLS_DEFLATE = 1;

  public static final int CELLS_RUNS = 2;

  /** Bytes of a pressure-frame record before its cell data. */
  public static final int FRAME_HEADER_BYTES = 8 + 8 + 8 + 1 + 1 + 2 + 2 + 4;

  /** Offset of the encoding byte in a pressure-frame payload. */
  public static final int FRAME_ENCODING_OFFSET = 25;

  /** Offsets of the u16 row and column counts in a pressure-frame payload. */
  public static final int FRAME_ROWS_OFFSET = 26;

  public static final int FRAME_COLS_OFFSET = 28;

  /** Offset of the u32 cell-data length in a pressure-frame payload. */
  public static final int FRAME_DATA_LENGTH_OFFSET = 30;

  private JournalFormat() {}
}
