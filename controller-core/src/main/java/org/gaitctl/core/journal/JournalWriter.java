package org.gaitctl.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.gaitctl.core.time.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's writer thread: drains the ring's and the other threads' hand-off buffers, frames
 * each record ({@code [u32 length][u16 type][payload][u32 CRC32C]}), deflates raw pressure frames,
 * and appends through a {@link JournalOutput}.
 *
 * <p>Flush policy: what is framed is handed to the operating system ({@code write}) at least every
 * {@link #WRITE_INTERVAL_NS} (50 ms), so a killed process (SIGKILL) loses at most that much: the
 * kernel's page cache belongs to the file, not the process. It is forced to the disk ({@code
 * fsync}) every {@link #FORCE_INTERVAL_NS} (1 s) and at close: forcing every 50 ms would stall this
 * thread on a busy disk for no gain against a kill, and a power cut stops the treadmill too.
 *
 * <p>An I/O error (disk full, device gone) ends writing for good: the error is kept ({@link
 * #failure()}), counted, and every later record is drained and counted as discarded, so the
 * supervisor's journal fault keeps its cause. What was written before stays readable: a record cut
 * by the error is the last, truncated one a reader stops at.
 */
final class JournalWriter implements Agent, MessageHandler {

  private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);

  static final long WRITE_INTERVAL_NS = 50_000_000L;
  static final long FORCE_INTERVAL_NS = 1_000_000_000L;

  /** Records read from each buffer per cycle, so neither starves the other. */
  private static final int READ_LIMIT = 256;

  private final JournalOutput output;
  private final RingBuffer ring;
  private final RingBuffer sink;
  private final NanoClock clock;
  private final JournalCounters counters;
  private final boolean deflateFrames;
  private final ByteBuffer out;
  private final byte[] cells;
  private final CRC32C crc = new CRC32C();
  private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
  private final MessageHandler discard;
  private long lastWriteNs;
  private long lastForceNs;
  private boolean unforced;
  private long lossesNoted;
  private volatile String failure;

  JournalWriter(
      JournalOutput output,
      RingBuffer ring,
      RingBuffer sink,
      NanoClock clock,
      JournalCounters counters,
      boolean deflateFrames,
      int maxPayloadBytes) {
    this.output = output;
    this.ring = ring;
    this.sink = sink;
    this.clock = clock;
    this.counters = counters;
    this.deflateFrames = deflateFrames;
    // Room for the largest record twice over: deflate can grow incompressible data a little.
    this.out =
        ByteBuffer.allocateDirect(Math.max(1 << 20, 2 * maxPayloadBytes + 1024))
            .order(JournalFormat.ORDER);
    this.cells = new byte[maxPayloadBytes];
    this.discard =
        (type, buffer, index, length) -> counters.discardedAfterFailure.incrementAndGet();
    long nowNs = clock.nanoTime();
    this.lastWriteNs = nowNs;
    this.lastForceNs = nowNs;
  }

  @Override
  public String roleName() {
    return "journal-writer";
  }

  /** The I/O error that ended writing, or {@code null} while the journal is healthy. */
  String failure() {
    return failure;
  }

  /** Writes the file header and the metadata, forced, before the writer thread starts. */
  void writeHeader(JournalMetadata metadata, boolean rawFrames) throws IOException {
    out.putInt(JournalFormat.MAGIC);
    out.putShort((short) JournalFormat.VERSION);
    out.putShort((short) 0);
    for (var entry : metadata.entries(rawFrames).entrySet()) {
      int start = beginRecord(JournalRecordType.METADATA);
      putText(entry.getKey());
      putText(entry.getValue());
      endRecord(start);
    }
    writeOut();
    output.force();
  }

  private void putText(String text) {
    out.putInt(text.length());
    for (int i = 0; i < text.length(); i++) {
      out.putChar(text.charAt(i));
    }
  }

  @Override
  public int doWork() {
    if (failure != null) {
      return ring.read(discard, READ_LIMIT) + sink.read(discard, READ_LIMIT);
    }
    int work = ring.read(this, READ_LIMIT) + sink.read(this, READ_LIMIT);
    noteLosses();
    long nowNs = clock.nanoTime();
    try {
      if (nowNs - lastWriteNs >= WRITE_INTERVAL_NS) {
        writeOut();
        lastWriteNs = nowNs;
      }
      if (unforced && nowNs - lastForceNs >= FORCE_INTERVAL_NS) {
        force();
        lastForceNs = nowNs;
      }
    } catch (IOException e) {
      fail(e);
    }
    return work;
  }

  @Override
  public void onMessage(int typeCode, MutableDirectBuffer buffer, int index, int length) {
    if (failure != null) {
      counters.discardedAfterFailure.incrementAndGet();
      return;
    }
    try {
      if (typeCode == JournalRecordType.PRESSURE_FRAME.code() && deflateFrames) {
        frame(buffer, index, length);
      } else {
        ensureRoom(length);
        int start = beginRecord(typeCode);
        buffer.getBytes(index, out, out.position(), length);
        out.position(out.position() + length);
        endRecord(start);
      }
    } catch (IOException e) {
      fail(e);
    }
  }

  /**
   * A raw frame from the ring, stored with its cells as runs when they take at most a quarter of
   * the raw bytes, deflated otherwise ({@link FrameCellCodec}); header fields unchanged.
   */
  private void frame(DirectBuffer buffer, int index, int length) throws IOException {
    int header = JournalFormat.FRAME_HEADER_BYTES;
    int dataLength = length - header;
    ensureRoom(length + length / 100 + 64);
    int start = beginRecord(JournalRecordType.PRESSURE_FRAME.code());
    int headerAt = out.position();
    buffer.getBytes(index, out, headerAt, header);
    out.position(headerAt + header);
    buffer.getBytes(index + header, cells, 0, dataLength);
    int dataStart = out.position();
    int encoding = JournalFormat.CELLS_RUNS;
    if (!FrameCellCodec.encodeRuns(cells, dataLength / 2, out, dataLength / 4)) {
      encoding = JournalFormat.CELLS_DEFLATE;
      deflate(dataLength);
    }
    out.put(headerAt + JournalFormat.FRAME_ENCODING_OFFSET, (byte) encoding);
    out.putInt(headerAt + JournalFormat.FRAME_DATA_LENGTH_OFFSET, out.position() - dataStart);
    endRecord(start);
  }

  private void deflate(int dataLength) {
    deflater.reset();
    deflater.setInput(cells, 0, dataLength);
    deflater.finish();
    while (!deflater.finished()) {
      if (deflater.deflate(out) == 0 && !out.hasRemaining()) {
        throw new IllegalStateException("deflated frame larger than the writer's buffer");
      }
    }
  }

  private void ensureRoom(int payloadBytes) throws IOException {
    if (out.remaining() < payloadBytes + JournalFormat.RECORD_OVERHEAD_BYTES) {
      writeOut();
    }
  }

  private int beginRecord(JournalRecordType type) {
    return beginRecord(type.code());
  }

  private int beginRecord(int typeCode) {
    int start = out.position();
    out.putInt(0);
    out.putShort((short) typeCode);
    return start;
  }

  /** Fills in the length and appends the CRC32C over length, type and payload. */
  private void endRecord(int start) {
    int end = out.position();
    out.putInt(start, end - start - JournalFormat.RECORD_HEADER_BYTES);
    out.position(start).limit(end);
    crc.reset();
    crc.update(out);
    out.limit(out.capacity());
    out.putInt((int) crc.getValue());
    counters.recordsWritten.lazySet(counters.recordsWritten.get() + 1);
  }

  /** A record of the lost total whenever records were lost since the last one. */
  private void noteLosses() {
    long lost = counters.ringRecordsLost() + counters.sinkRecordsLost();
    if (lost == lossesNoted) {
      return;
    }
    lossesNoted = lost;
    try {
      ensureRoom(24);
      int start = beginRecord(JournalRecordType.RECORDS_LOST);
      out.putLong(clock.nanoTime());
      out.putLong(counters.ringRecordsLost());
      out.putLong(counters.sinkRecordsLost());
      endRecord(start);
    } catch (IOException e) {
      fail(e);
    }
  }

  private void writeOut() throws IOException {
    if (out.position() == 0) {
      return;
    }
    out.flip();
    int bytes = out.remaining();
    try {
      output.write(out);
    } finally {
      // Bytes the output took count as written even when it failed part way.
      counters.bytesWritten.lazySet(counters.bytesWritten.get() + bytes - out.remaining());
      out.clear();
    }
    unforced = true;
  }

  private void force() throws IOException {
    output.force();
    unforced = false;
    counters.forces.lazySet(counters.forces.get() + 1);
  }

  private void fail(IOException e) {
    counters.writeErrors.incrementAndGet();
    failure = e.getMessage() == null ? e.toString() : e.getMessage();
    LOG.error("session journal: writing failed, no further record is written: {}", failure);
  }

  /** Drains what is left, writes and forces it, closes the file. On the writer thread. */
  @Override
  public void onClose() {
    while (failure == null && (ring.read(this) + sink.read(this)) > 0) {
      noteLosses();
    }
    noteLosses();
    try {
      if (failure == null) {
        writeOut();
        force();
      }
    } catch (IOException e) {
      fail(e);
    } finally {
      deflater.end();
      try {
        output.close();
      } catch (IOException e) {
        fail(e);
      }
    }
  }
}
