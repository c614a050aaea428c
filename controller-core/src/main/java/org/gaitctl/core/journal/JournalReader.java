package org.gaitctl.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.zip.CRC32C;

/**
 * Reads a session journal record by record, checking each CRC. Stops at the first record whose
 * length is implausible, that is cut short, or whose CRC does not match, and says where and why;
 * every record before it is handed over. Replay, export and the report read journals through this.
 */
public final class JournalReader {

  private JournalReader() {}

  /**
   * Hands every good record of {@code file} to {@code consumer}, in file order, on this thread. The
   * payloads are views of the mapped file, valid until the consumer returns; copy to keep.
   *
   * @throws IOException when the file cannot be opened or mapped
   */
  public static JournalReadResult read(Path file, Consumer<JournalRecord> consumer)
      throws IOException {
    return read(map(file), consumer);
  }

  /**
   * Hands the good records of {@code file} to {@code goOn}, in file order, on this thread, until it
   * returns false or the good records end: for what a journal's first records say (its metadata and
   * grid) without reading the rest.
   *
   * @return where and why reading ended when the good records ended first, as {@link #read} says
   * @throws IOException when the file cannot be opened or mapped
   */
  public static JournalReadResult readHead(Path file, Predicate<JournalRecord> goOn)
      throws IOException {
    return read(map(file), goOn);
  }

  private static MappedByteBuffer map(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size > Integer.MAX_VALUE) {
        throw new IOException(file + " is " + size + " bytes; the reader maps at most 2 GiB");
      }
      MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
      bytes.order(JournalFormat.ORDER);
      return bytes; // The mapping outlives the channel.
    }
  }

  /** Every good record of {@code file}, copied, with how reading ended. */
  public static Contents readAll(Path file) throws IOException {
    List<JournalRecord> records = new ArrayList<>();
    JournalReadResult result =
        read(
            file,
            record -> {
              ByteBuffer copy = ByteBuffer.allocate(record.payload().remaining());
              copy.put(record.payload().duplicate()).flip();
              records.add(
                  new JournalRecord(
                      record.index(),
                      record.offset(),
                      record.typeCode(),
                      record.type(),
                      copy.order(JournalFormat.ORDER)
                          .asReadOnlyBuffer()
                          .order(JournalFormat.ORDER)));
            });
    return new Contents(List.copyOf(records), result);
  }

  /** The records of a journal and how reading it ended. */
  public record Contents(List<JournalRecord> records, JournalReadResult result) {

    /** The records of {@code type}, in file order. */
    public List<JournalRecord> ofType(JournalRecordType type) {
      return records.stream().filter(r -> r.type() == type).toList();
    }

    /** The value of metadata {@code key}, or {@code null}. */
    public String metadata(String key) {
      for (JournalRecord record : ofType(JournalRecordType.METADATA)) {
        String[] keyValue = record.texts();
        if (keyValue[0].equals(key)) {
          return keyValue[1];
        }
      }
      return null;
    }
  }

  static JournalReadResult read(ByteBuffer bytes, Consumer<JournalRecord> consumer) {
    return read(
        bytes,
        record -> {
          consumer.accept(record);
          return true;
        });
  }

  /** Reads until {@code goOn} returns false; the result then ends after that record. */
  private static JournalReadResult read(ByteBuffer bytes, Predicate<JournalRecord> goOn) {
    long size = bytes.limit();
    if (size < JournalFormat.FILE_HEADER_BYTES) {
      return new JournalReadResult(0, 0, size, "truncated file header (" + size + " bytes)");
    }
    int magic = bytes.getInt(0);
    if (magic != JournalFormat.MAGIC) {
      return new JournalReadResult(
          0, 0, size, String.format("not a gaitctl journal (magic 0x%08x)", magic));
    }
    int version = Short.toUnsignedInt(bytes.getShort(4));
    if (version != JournalFormat.VERSION) {
      return new JournalReadResult(0, 4, size, "unsupported format version " + version);
    }
    CRC32C crc = new CRC32C();
    // One view for the CRCs; a record's payload is a slice of the file, read-only like the file.
    ByteBuffer checked = bytes.duplicate();
    ByteBuffer file = bytes.isReadOnly() ? bytes : bytes.asReadOnlyBuffer();
    int offset = JournalFormat.FILE_HEADER_BYTES;
    long index = 0;
    while (offset < size) {
      long left = size - offset;
      if (left < JournalFormat.RECORD_HEADER_BYTES) {
        return new JournalReadResult(
            index, offset, size, "truncated record header (" + left + " bytes left)");
      }
      int length = bytes.getInt(offset);
      if (length < 0 || length > JournalFormat.MAX_PAYLOAD_BYTES) {
        return new JournalReadResult(
            index, offset, size, "implausible record length " + Integer.toUnsignedString(length));
      }
      long recordBytes = (long) length + JournalFormat.RECORD_OVERHEAD_BYTES;
      if (recordBytes > left) {
        return new JournalReadResult(
            index,
            offset,
            size,
            "truncated record (" + recordBytes + " bytes, " + left + " left in the file)");
      }
      int crcAt = offset + JournalFormat.RECORD_HEADER_BYTES + length;
      crc.reset();
      crc.update(checked.limit(crcAt).position(offset));
      if ((int) crc.getValue() != bytes.getInt(crcAt)) {
        return new JournalReadResult(index, offset, size, "CRC mismatch");
      }
      int typeCode = Short.toUnsignedInt(bytes.getShort(offset + 4));
      ByteBuffer payload =
          file.slice(offset + JournalFormat.RECORD_HEADER_BYTES, length).order(JournalFormat.ORDER);
      boolean more =
          goOn.test(
              new JournalRecord(
                  index, offset, typeCode, JournalRecordType.ofCode(typeCode), payload));
      index++;
      offset = crcAt + JournalFormat.RECORD_TRAILER_BYTES;
      if (!more) {
        break;
      }
    }
    return new JournalReadResult(index, offset, size, null);
  }
}
