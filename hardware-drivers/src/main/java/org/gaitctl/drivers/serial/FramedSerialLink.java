package org.gaitctl.drivers.serial;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DeviceInfo;
import org.gaitctl.core.time.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One framed serial stream (spec §1) to a PBU or an LCA: reading, decoding, commands with ACK
 * matching, latest STATUS and DEVICE_INFO, freshness and counters. The device-specific part (what a
 * data message means) is a {@link DataHandler}; {@link PressureBeltReader} and {@link
 * LoadCellReader} supply theirs.
 *
 * <p>Threads:
 *
 * <ul>
 *   <li>the <b>reader thread</b> runs {@link #doWork()} in a loop ({@link #startReaderThread()}),
 *       or a test steps it by hand. Each step blocks in one read for at most the transport's read
 *       timeout, stamps the arrival time once from the {@link NanoClock} and decodes. Nothing on
 *       this thread allocates per sample;
 *   <li><b>caller threads</b> (session, supervisor) send commands, one at a time, and block until
 *       the ACK or the command timeout; they read state, counters, status and freshness at any time
 *       without touching the reader.
 * </ul>
 *
 * <p>Faults never throw: a lost port makes the state {@link LinkState#LOST} and counts; {@link
 * #open()} reopens it. A command with no ACK in time is {@link CommandResult#TIMEOUT}.
 */
public final class FramedSerialLink implements AutoCloseable {

  /** What a data message (a type other than ACK, STATUS, DEVICE_INFO) means to a reader. */
  public interface DataHandler {
    /**
     * Called on the reader thread for every data message with a good CRC; must not block or
     * allocate. The payload is valid only during the call.
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
  private static final int NO_COMMAND = -1;
  private static final int NO_ACK = -1;
  private static final int READ_BUFFER_BYTES = 16 * 1024;
  private static final long IDLE_PARK_NS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final long MAX_WAIT_SLICE_NS = TimeUnit.MILLISECONDS.toNanos(1);

  private final String name;
  private final SerialTransport transport;
  private final NanoClock clock;
  private final long commandTimeoutNs;
  private final DataHandler dataHandler;
  private final FrameDecoder decoder;
  private final SerialLinkCounters counters;
  private final LatestStatus status = new LatestStatus();
  private final byte[] readBuffer = new byte[READ_BUFFER_BYTES];

  private final Object commandLock = new Object();
  private final FrameEncoder commandEncoder = new FrameEncoder();
  private final ByteBuffer commandFrame = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);

  private volatile LinkState state = LinkState.CLOSED;
  private volatile boolean decoderResetPending;

  /**
   * Reader thread only: false from the port's opening until the device acknowledges this session's
   * START. Data messages meanwhile are a dead session's backlog (stale), never fresh samples.
   */
  private boolean streamStarted;

  /** Arrival time of the bytes being decoded; reader thread only. */
  private long arrivalNs;

  private volatile long lastMessageArrivalNs;
  private volatile long lastSampleArrivalNs;

  private volatile int pendingCommand = NO_COMMAND;
  private volatile int ackResult = NO_ACK;
  private volatile Thread commandWaiter;
  private volatile DeviceInfo deviceInfo;
  private volatile long deviceInfoReplies;

  private volatile boolean running;
  private Thread readerThread;

  /**
   * @param name for thread names and messages ({@code "pbu"}, {@code "lca"})
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
    this.clock = clock;
    this.commandTimeoutNs = TimeUnit.MILLISECONDS.toNanos(commandTimeoutMs);
    this.dataHandler = dataHandler;
    this.decoder = new FrameDecoder(maxPayloadLength, this::onMessage);
    this.counters = new SerialLinkCounters(decoder);
  }

  public String name() {
    return name;
  }

  public LinkState state() {
    return state;
  }

  public SerialLinkCounters counters() {
    return counters;
  }

  /** The latest STATUS; any thread (allocates the returned record). */
  public DeviceStatusReport status() {
    return status.read();
  }

  /** The latest DEVICE_INFO (after START or GET_INFO); empty before the first one. */
  public Optional<DeviceInfo> deviceInfo() {
    return Optional.ofNullable(deviceInfo);
  }

  /**
   * Age of the newest sample at {@code nowNs}, or {@link Long#MAX_VALUE} before the first one: the
   * freshness a supervisor checks. Any thread; never blocks.
   */
  public long sampleAgeNs(long nowNs) {
    return counters.samples == 0 ? Long.MAX_VALUE : nowNs - lastSampleArrivalNs;
  }

  /** Age of the newest message of any type, or {@link Long#MAX_VALUE} before the first one. */
  public long messageAgeNs(long nowNs) {
    return counters.messages() == 0 ? Long.MAX_VALUE : nowNs - lastMessageArrivalNs;
  }

  /**
   * Opens (or reopens after {@link LinkState#LOST}) the port. Caller thread.
   *
   * @return OK, or NOT_CONNECTED with the reason logged and counted
   */
  public CommandResult open() {
    synchronized (commandLock) {
      if (state == LinkState.OPEN) {
        return CommandResult.OK;
      }
      String failure = transport.open();
      if (failure != null) {
        counters.openFailures++;
        LOG.warn("{}: {}", name, failure);
        return CommandResult.NOT_CONNECTED;
      }
      decoderResetPending = true;
      state = LinkState.OPEN;
      LOG.info("{}: opened {}", name, transport.portName());
      return CommandResult.OK;
    }
  }

  /** START streaming; the device answers ACK, then DEVICE_INFO, then samples. */
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
    synchronized (commandLock) {
      long repliesBefore = deviceInfoReplies;
      long deadlineNs = clock.nanoTime() + commandTimeoutNs;
      CommandResult acked = sendAndAwaitAck(CommandPayload.GET_INFO, -1, deadlineNs);
      if (!acked.isOk()) {
        return InfoReply.failed(acked);
      }
      while (deviceInfoReplies == repliesBefore) {
        if (!waitUntil(deadlineNs)) {
          counters.commandTimeouts++;
          return InfoReply.failed(CommandResult.TIMEOUT);
        }
      }
      return new InfoReply(CommandResult.OK, Optional.of(deviceInfo));
    }
  }

  /**
   * Sends a command and waits for its ACK. Caller thread; blocks up to the command timeout.
   *
   * @param argU16 the u16 argument, or -1 for none
   * @return OK (ACK result 0), REJECTED (1 unknown, 2 bad argument, 3 busy), TIMEOUT (no ACK),
   *     NOT_CONNECTED (port not open) or IO_ERROR (the write failed)
   */
  public CommandResult command(int cmd, int argU16) {
    synchronized (commandLock) {
      return sendAndAwaitAck(cmd, argU16, clock.nanoTime() + commandTimeoutNs);
    }
  }

  private CommandResult sendAndAwaitAck(int cmd, int argU16, long deadlineNs) {
    if (state != LinkState.OPEN) {
      return CommandResult.NOT_CONNECTED;
    }
    counters.commands++;
    ackResult = NO_ACK;
    commandWaiter = Thread.currentThread();
    pendingCommand = cmd;
    int payloadOffset = FrameEncoder.payloadOffset(0);
    int payloadLength =
        argU16 < 0
            ? CommandPayload.write(commandFrame, payloadOffset, cmd)
            : CommandPayload.writeWithU16(commandFrame, payloadOffset, cmd, argU16);
    int frameLength = commandEncoder.finish(commandFrame, 0, MessageType.COMMAND, payloadLength);
    int written = transport.write(commandFrame.array(), 0, frameLength);
    if (written != frameLength) {
      pendingCommand = NO_COMMAND;
      counters.commandWriteErrors++;
      LOG.warn(
          "{}: writing {} failed ({} of {} bytes)",
          name,
          CommandPayload.name(cmd),
          written,
          frameLength);
      return CommandResult.IO_ERROR;
    }
    while (ackResult == NO_ACK) {
      if (!waitUntil(deadlineNs)) {
        break;
      }
    }
    pendingCommand = NO_COMMAND;
    int result = ackResult;
    if (result == NO_ACK && state != LinkState.OPEN) {
      LOG.warn("{}: port lost while waiting for the ACK to {}", name, CommandPayload.name(cmd));
      return CommandResult.NOT_CONNECTED;
    }
    if (result == NO_ACK) {
      counters.commandTimeouts++;
      LOG.warn("{}: no ACK to {} in time", name, CommandPayload.name(cmd));
      return CommandResult.TIMEOUT;
    }
    if (result != AckPayload.RESULT_OK) {
      counters.commandRejections++;
      LOG.warn("{}: {} rejected with result {}", name, CommandPayload.name(cmd), result);
      return CommandResult.REJECTED;
    }
    return CommandResult.OK;
  }

  /** Parks briefly; false once the deadline has passed or the link is no longer open. */
  private boolean waitUntil(long deadlineNs) {
    long remainingNs = deadlineNs - clock.nanoTime();
    if (remainingNs <= 0 || state != LinkState.OPEN) {
      return false;
    }
    LockSupport.parkNanos(this, Math.min(remainingNs, MAX_WAIT_SLICE_NS));
    return true;
  }

  /**
   * One step of the reader: one read (blocking up to the read timeout), then decoding of what
   * arrived. Reader thread only.
   *
   * @return bytes processed (0 when idle)
   */
  public int doWork() {
    if (state != LinkState.OPEN) {
      return 0;
    }
    if (decoderResetPending) {
      decoderResetPending = false;
      decoder.reset();
      streamStarted = false;
    }
    int read = transport.read(readBuffer, 0, readBuffer.length);
    if (read < 0) {
      if (state == LinkState.OPEN) {
        onPortLost("read failed");
      }
      return 0;
    }
    if (read == 0) {
      return 0;
    }
    arrivalNs = clock.nanoTime();
    counters.bytesReceived += read;
    decoder.onBytes(readBuffer, 0, read);
    return read;
  }

  private void onPortLost(String why) {
    state = LinkState.LOST;
    counters.portLosses++;
    transport.close();
    LOG.warn(
        "{}: port {} lost ({}); samples stop until it is reopened",
        name,
        transport.portName(),
        why);
    Thread waiter = commandWaiter;
    if (waiter != null) {
      LockSupport.unpark(waiter);
    }
  }

  /**
   * Counts a data sample's sequence number against the last one of its stream (belt). Reader
   * thread, from a {@link DataHandler}.
   */
  public void trackSequence(SequenceTracker tracker, long seq) {
    long missing = tracker.missingBefore(seq);
    if (missing == SequenceTracker.REBASED) {
      counters.sequenceRebases++;
    } else if (missing > 0) {
      counters.sequenceGaps += missing;
    }
  }

  private void onMessage(int type, ByteBuffer buffer, int offset, int length) {
    lastMessageArrivalNs = arrivalNs;
    switch (type) {
      case MessageType.ACK -> onAck(buffer, offset, length);
      case MessageType.STATUS -> onStatus(buffer, offset, length);
      case MessageType.DEVICE_INFO -> onDeviceInfo(buffer, offset, length);
      case MessageType.COMMAND -> counters.unexpectedTypes++;
      default -> onData(type, buffer, offset, length);
    }
  }

  private void onAck(ByteBuffer buffer, int offset, int length) {
    if (!AckPayload.isWellFormed(length)) {
      counters.malformedPayloads++;
      return;
    }
    int cmd = AckPayload.cmd(buffer, offset);
    if (cmd != pendingCommand || ackResult != NO_ACK) {
      counters.unmatchedAcks++;
      return;
    }
    int result = AckPayload.result(buffer, offset);
    if (cmd == CommandPayload.START && result == AckPayload.RESULT_OK) {
      streamStarted = true;
      dataHandler.onStreamRestart();
    }
    ackResult = result;
    LockSupport.unpark(commandWaiter);
  }

  private void onStatus(ByteBuffer buffer, int offset, int length) {
    if (!StatusPayload.isWellFormed(length)) {
      counters.malformedPayloads++;
      return;
    }
    status.publish(
        StatusPayload.flags(buffer, offset),
        StatusPayload.dropped(buffer, offset),
        StatusPayload.temperatureDeciC(buffer, offset),
        arrivalNs);
  }

  private void onDeviceInfo(ByteBuffer buffer, int offset, int length) {
    if (!DeviceInfoPayload.isWellFormed(length)) {
      counters.malformedPayloads++;
      return;
    }
    deviceInfo = DeviceInfoPayload.read(buffer, offset);
    deviceInfoReplies++;
    Thread waiter = commandWaiter;
    if (waiter != null) {
      LockSupport.unpark(waiter);
    }
  }

  private void onData(int type, ByteBuffer buffer, int offset, int length) {
    if (!streamStarted) {
      counters.samplesBeforeStart++;
      return;
    }
    DataOutcome outcome;
    try {
      outcome = dataHandler.onData(type, arrivalNs, buffer, offset, length);
    } catch (RuntimeException e) {
      counters.sinkErrors++;
      if (Long.bitCount(counters.sinkErrors) == 1) {
        LOG.error(
            "{}: sample sink failed ({} times so far); sample dropped",
            name,
            counters.sinkErrors,
            e);
      }
      return;
    }
    switch (outcome) {
      case SAMPLE -> {
        lastSampleArrivalNs = arrivalNs;
        counters.samples++;
      }
      case MALFORMED -> counters.malformedPayloads++;
      case UNEXPECTED_TYPE -> counters.unexpectedTypes++;
    }
  }

  /** Starts the reader thread, which runs {@link #doWork()} until {@link #close()}. */
  public synchronized void startReaderThread() {
    if (readerThread != null) {
      throw new IllegalStateException(name + ": reader thread already started");
    }
    running = true;
    readerThread = new Thread(this::runLoop, name + "-reader");
    readerThread.setDaemon(true);
    readerThread.start();
  }

  private void runLoop() {
    while (running) {
      try {
        if (doWork() == 0 && state != LinkState.OPEN) {
          LockSupport.parkNanos(this, IDLE_PARK_NS);
        }
      } catch (RuntimeException e) {
        counters.loopErrors++;
        LOG.error("{}: reader loop failed; link dropped to LOST", name, e);
        onPortLost("reader loop error");
      }
    }
  }

  /** Stops the reader thread and closes the port. Caller thread; never throws. */
  @Override
  public void close() {
    Thread thread;
    synchronized (this) {
      running = false;
      thread = readerThread;
      readerThread = null;
    }
    state = LinkState.CLOSED;
    if (thread != null) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(2));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        LOG.warn("{}: interrupted while waiting for the reader thread to end", name);
      }
    }
    transport.close();
  }
}
