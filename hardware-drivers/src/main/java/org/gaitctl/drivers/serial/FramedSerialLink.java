package org.gaitctl.drivers.serial;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.gaitctl.core.loop.AgentThread;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DeviceInfo;
import org.gaitctl.core.time.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One framed serial stream (spec §1) to a PBU or an LCA, as its readers use it: open, commands,
 * latest STATUS and DEVICE_INFO, freshness, counters and the reader thread. The work is done by two
 * parts: the {@link SerialReaderAgent} (bytes → decoder → handlers, on the reader thread) and the
 * {@link CommandRendezvous} (one outstanding command, its timeout, its reply, on caller threads).
 * The device-specific part (what a data message means) is a {@link DataHandler}; {@link
 * PressureBeltReader} and {@link LoadCellReader} supply theirs.
 *
 * <p>Threads: the reader agent runs on its own {@link AgentThread} ({@link #startReaderThread()})
 * or a test steps {@link #readerAgent()} by hand; callers (session, supervisor) send commands one
 * at a time and read state, counters, status and freshness at any time without touching the reader.
 *
 * <p>Faults never throw: a lost port makes the state {@link LinkState#LOST} and counts; {@link
 * #open()} reopens it. A command with no ACK in time is {@link CommandResult#TIMEOUT}.
 */
public final class FramedSerialLink implements AutoCloseable {

  /** What a data message (a type other than ACK, STATUS, DEVICE_INFO) means to a reader. */
  public interface DataHandler {
    /**
     * Called on the reader thread for every data message with a good CRC that followed this
     * session's START; must not block or allocate. The payload is valid only during the call.
     */
    DataOutcome onData(int type, long arrivalNs, ByteBuffer buffer, int offset, int length);

    /**
     * Called on the reader thread when the device acknowledged a START: sequence counting starts
     * over with the next data message.
     */
    void onStreamRestart();
  }

  /** How a {@link DataHandler} took a message. */
  public enum DataOutcome {
    /** A sample, delivered to the sink. */
    SAMPLE,
    /** Its payload did not fit its type (length, fields). */
    MALFORMED,
    /** A type this reader does not take. */
    UNEXPECTED_TYPE
  }

  private static final Logger LOG = LoggerFactory.getLogger(FramedSerialLink.class);

  /**
   * How long the reader thread sleeps when a step did nothing: while the port is closed, and after
   * a read that already waited its timeout (so at most this late for the first byte after a
   * silence; bytes wait in the OS buffer and are stamped when read).
   */
  private static final long IDLE_SLEEP_NS = TimeUnit.MILLISECONDS.toNanos(1);

  private final String name;
  private final SerialTransport transport;
  private final SerialLinkCounters counters;
  private final CommandRendezvous commands;
  private final SerialReaderAgent reader;
  private AgentThread readerThread;

  /**
   * @param name for thread names, counters and messages ({@code "pbu"}, {@code "lca"})
   * @param transport the port; opened by {@link #open()}
   * @param clock stamps arrival times and measures command timeouts
   * @param commandTimeoutMs how long a command waits for its ACK (and GET_INFO for its reply)
   * @param maxPayloadLength largest payload this device sends, 0 .. 1 MiB
   * @param dataHandler the device-specific meaning of data messages
   */
  public FramedSerialLink(
      String name,
      SerialTransport transport,
      NanoClock clock,
      int commandTimeoutMs,
      int maxPayloadLength,
      DataHandler dataHandler) {
    if (commandTimeoutMs <= 0) {
      throw new IllegalArgumentException(
          name + ": command timeout must be > 0 ms, was " + commandTimeoutMs);
    }
    this.name = name;
    this.transport = transport;
    this.counters = new SerialLinkCounters(name);
    this.commands =
        new CommandRendezvous(
            name,
            transport,
            clock,
            TimeUnit.MILLISECONDS.toNanos(commandTimeoutMs),
            () -> state() == LinkState.OPEN,
            counters);
    this.reader =
        new SerialReaderAgent(
            name, transport, clock, maxPayloadLength, counters, commands, dataHandler);
  }

  public String name() {
    return name;
  }

  public LinkState state() {
    return reader.state();
  }

  public SerialLinkCounters counters() {
    return counters;
  }

  /** Flags of the device's latest STATUS (0 before the first); any thread, allocation-free. */
  public int statusFlags() {
    return reader.statusFlags();
  }

  /** The latest STATUS; any thread (allocates the returned record). */
  public DeviceStatusReport status() {
    return reader.status();
  }

  /** The latest DEVICE_INFO (after START or GET_INFO); empty before the first one. */
  public Optional<DeviceInfo> deviceInfo() {
    return Optional.ofNullable(commands.deviceInfo());
  }

  /**
   * Age of the newest sample at {@code nowNs}, or {@link Long#MAX_VALUE} before the first one: the
   * freshness a supervisor checks. Any thread; never blocks.
   */
  public long sampleAgeNs(long nowNs) {
    return counters.samples() == 0 ? Long.MAX_VALUE : nowNs - reader.lastSampleArrivalNs();
  }

  /** Age of the newest message of any type, or {@link Long#MAX_VALUE} before the first one. */
  public long messageAgeNs(long nowNs) {
    return counters.messages() == 0 ? Long.MAX_VALUE : nowNs - reader.lastMessageArrivalNs();
  }

  /**
   * Opens (or reopens after {@link LinkState#LOST}) the port, discarding what it had received
   * before. Caller thread.
   *
   * @return OK, or NOT_CONNECTED with the reason logged and counted
   */
  public synchronized CommandResult open() {
    if (state() == LinkState.OPEN) {
      return CommandResult.OK;
    }
    String failure = transport.open();
    if (failure != null) {
      counters.count(SerialLinkCounter.OPEN_FAILURES);
      LOG.warn("{}: {}", name, failure);
      return CommandResult.NOT_CONNECTED;
    }
    reader.onOpened();
    LOG.info("{}: opened {}", name, transport.portName());
    return CommandResult.OK;
  }

  /**
   * START streaming; the device answers ACK, then DEVICE_INFO, then samples. Samples are delivered
   * only from this ACK on.
   */
  public CommandResult start() {
    return command(CommandPayload.START, -1);
  }

  public CommandResult stop() {
    return command(CommandPayload.STOP, -1);
  }

  /** SET_RATE, per belt for a PBU; a device answers REJECTED (bad argument) outside its range. */
  public CommandResult setRate(int rateHz) {
    if (rateHz < 1 || rateHz > 0xFFFF) {
      return CommandResult.OUT_OF_RANGE;
    }
    return command(CommandPayload.SET_RATE, rateHz);
  }

  /** GET_INFO: waits for the ACK and then the DEVICE_INFO, both within the command timeout. */
  public InfoReply requestInfo() {
    return commands.requestInfo();
  }

  /**
   * Sends a command and waits for its ACK. Caller thread; blocks up to the command timeout.
   *
   * @param argU16 the u16 argument, or -1 for none
   * @return OK (ACK result 0), REJECTED (1 unknown, 2 bad argument, 3 busy), TIMEOUT (no ACK),
   *     NOT_CONNECTED (port not open) or IO_ERROR (the write failed)
   */
  public CommandResult command(int cmd, int argU16) {
    return commands.command(cmd, argU16);
  }

  /**
   * Counts a data sample's sequence number against the last one of its stream (belt). Reader
   * thread, from a {@link DataHandler}.
   */
  public void trackSequence(SequenceTracker tracker, long seq) {
    long missing = tracker.missingBefore(seq);
    if (missing == SequenceTracker.REBASED) {
      counters.countOnReader(SerialLinkCounter.SEQUENCE_REBASES);
    } else if (missing > 0) {
      counters.addOnReader(SerialLinkCounter.SEQUENCE_GAPS, missing);
    }
  }

  /** The reader, for a test to step by hand ({@code doWork()}) instead of its thread. */
  public SerialReaderAgent readerAgent() {
    return reader;
  }

  /** Starts the reader thread ({@code <name>-reader}), which runs until {@link #close()}. */
  public synchronized void startReaderThread() {
    if (readerThread != null) {
      throw new IllegalStateException(name + ": reader thread already started");
    }
    readerThread = AgentThread.start(reader, new SleepingIdleStrategy(IDLE_SLEEP_NS));
  }

  /** Stops the reader thread and closes the port. Caller thread; never throws. */
  @Override
  public void close() {
    AgentThread thread;
    synchronized (this) {
      thread = readerThread;
      readerThread = null;
    }
    reader.onClosed();
    if (thread != null) {
      thread.close();
    }
    transport.close();
  }
}
