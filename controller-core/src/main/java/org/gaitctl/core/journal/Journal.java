package org.gaitctl.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.gaitctl.core.loop.AgentThread;
import org.gaitctl.core.time.NanoClock;

/**
 * One session's journal: the ring stage ({@link #stage()}) and the sink for other threads ({@link
 * #sink()}) hand records to a writer thread through Agrona ring buffers, and the writer appends
 * them to the file (format, flush policy and size in docs/JOURNAL.md).
 *
 * <p>Lifecycle on the composition root's thread: {@link #create}, give the stage to {@link
 * org.gaitctl.core.pipeline.PipelineAssembly}, {@link #start()}, and {@link #close()} after the
 * ring has stopped (the writer then drains, writes and forces everything). {@link #counters()} and
 * {@link #failure()} from any thread.
 */
public final class Journal implements AutoCloseable {

  /** The file name of a session's journal inside its session folder. */
  public static final String FILE_NAME = "journal.gjl";

  /** The writer wakes at least this often when idle, ms: well inside the 50 ms write interval. */
  private static final long IDLE_SLEEP_MS = 5;

  private final JournalCounters counters;
  private final JournalStage stage;
  private final JournalSink sink;
  private final JournalWriter writer;
  private AgentThread thread;
  private boolean closed;

  private Journal(
      JournalCounters counters, JournalStage stage, JournalSink sink, JournalWriter writer) {
    this.counters = counters;
    this.stage = stage;
    this.sink = sink;
    this.writer = writer;
  }

  /**
   * Creates {@code file} (never overwriting one) and writes its header and metadata, forced.
   *
   * @throws IOException when the file cannot be created or written
   */
  public static Journal create(
      Path file, JournalOptions options, JournalMetadata metadata, NanoClock clock)
      throws IOException {
    return create(FileJournalOutput.create(file), options, metadata, clock);
  }

  /** As {@link #create(Path, JournalOptions, JournalMetadata, NanoClock)} onto {@code output}. */
  public static Journal create(
      JournalOutput output, JournalOptions options, JournalMetadata metadata, NanoClock clock)
      throws IOException {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(clock, "clock");
    JournalCounters counters = new JournalCounters();
    OneToOneRingBuffer ring = new OneToOneRingBuffer(buffer(options.ringBufferBytes()));
    ManyToOneRingBuffer others = new ManyToOneRingBuffer(buffer(options.sinkBufferBytes()));
    int largestFrame = JournalFormat.FRAME_HEADER_BYTES + 2 * options.maxFrameCells();
    if (largestFrame > ring.maxMsgLength()) {
      output.close();
      throw new IllegalArgumentException(
          "journal ring buffer of "
              + options.ringBufferBytes()
              + " bytes cannot hold a frame of "
              + options.maxFrameCells()
              + " cells");
    }
    JournalWriter writer =
        new JournalWriter(
            output,
            ring,
            others,
            clock,
            counters,
            options.rawFrames(),
            Math.max(largestFrame, others.maxMsgLength()));
    try {
      writer.writeHeader(metadata, options.rawFrames());
    } catch (IOException e) {
      output.close();
      throw e;
    }
    return new Journal(
        counters,
        new JournalStage(ring, options.rawFrames(), counters),
        new JournalSink(others, counters),
        writer);
  }

  private static UnsafeBuffer buffer(int capacity) {
    return new UnsafeBuffer(
        ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH));
  }

  /** Starts the writer thread; call once, before the ring starts. */
  public void start() {
    if (thread != null || closed) {
      throw new IllegalStateException("journal already started or closed");
    }
    thread = AgentThread.start(writer, new SleepingMillisIdleStrategy(IDLE_SLEEP_MS));
  }

  /** The ring's journal stage. */
  public JournalStage stage() {
    return stage;
  }

  /** Records from any other thread. */
  public JournalSink sink() {
    return sink;
  }

  public JournalCounters counters() {
    return counters;
  }

  /** The I/O error that stopped writing, or {@code null} while healthy. Any thread. */
  public String failure() {
    return writer.failure();
  }

  /**
   * Stops the writer after it has written and forced everything handed over, and closes the file.
   * Stop the ring and the other producers first. Idempotent; without {@link #start()} the file is
   * closed with what was written at creation.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (thread != null) {
      thread.close();
    } else {
      writer.onClose();
    }
  }
}
