package org.gaitctl.drivers.serial;

import java.nio.ByteBuffer;
import org.agrona.concurrent.Agent;
import org.gaitctl.core.time.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader of one framed link as an Agrona {@link Agent}: bytes from the port into the decoder,
 * each message to its handler (ACK and DEVICE_INFO to the {@link CommandRendezvous}, STATUS to the
 * latest status, data to the device's {@link FramedSerialLink.DataHandler}), with the arrival time
 * stamped once per read from the injected clock.
 *
 * <p>Owns the link's state: {@link LinkState#OPEN} from {@link #onOpened()} until the port fails
 * ({@link LinkState#LOST}) or the owner closes it. From the opening until the device acknowledges
 * this session's START, data messages are a dead session's backlog: discarded and counted, never
 * delivered. Nothing on this thread allocates per sample.
 */
public final class SerialReaderAgent implements Agent {

  private static final Logger LOG = LoggerFactory.getLogger(SerialReaderAgent.class);
  private static final int READ_BUFFER_BYTES = 16 * 1024;

  private final String name;
  private final SerialTransport transport;
  private final NanoClock clock;
  private final FrameDecoder decoder;
  private final SerialLinkCounters counters;
  private final CommandRendezvous commands;
  private final FramedSerialLink.DataHandler dataHandler;
  private final LatestStatus status = new LatestStatus();
  private final byte[] readBuffer = new byte[READ_BUFFER_BYTES];

  private volatile LinkState state = LinkState.CLOSED;
  private volatile boolean openedSinceLastRead;

  /**
   * Reader thread only: false from the port's opening until the device acknowledges this session's
   * START.
   */
  private boolean streamStarted;

  /** Arrival time of the bytes being decoded; reader thread only. */
  private long arrivalNs;

  private volatile long lastMessageArrivalNs;
  private volatile long lastSampleArrivalNs;

  SerialReaderAgent(
      String name,
      SerialTransport transport,
      NanoClock clock,
      int maxPayloadLength,
      SerialLinkCounters counters,
      CommandRendezvous commands,
      FramedSerialLink.DataHandler dataHandler) {
    this.name = name;
    this.transport = transport;
    this.clock = clock;
    this.decoder = new FrameDecoder(counters.decoder(), maxPayloadLength, this::onMessage);
    this.counters = counters;
    this.commands = commands;
    this.dataHandler = dataHandler;
  }

  LinkState state() {
    return state;
  }

  int statusFlags() {
    return status.flags();
  }

  DeviceStatusReport status() {
    return status.read();
  }

  long lastMessageArrivalNs() {
    return lastMessageArrivalNs;
  }

  long lastSampleArrivalNs() {
    return lastSampleArrivalNs;
  }

  /** The port was (re)opened by the owner: the next step drops what the decoder held. */
  void onOpened() {
    openedSinceLastRead = true;
    state = LinkState.OPEN;
  }

  /** The owner closed the link. */
  void onClosed() {
    state = LinkState.CLOSED;
    commands.onPortLost();
  }

  /**
   * One step: one read (blocking up to the transport's read timeout), then decoding of what
   * arrived. An unexpected exception is counted and drops the link to LOST. Reader thread only.
   *
   * @return bytes processed (0 when idle or not open)
   */
  @Override
  public int doWork() {
    try {
      return readAndDecode();
    } catch (RuntimeException e) {
      counters.countOnReader(SerialLinkCounter.LOOP_ERRORS);
      LOG.error("{}: reader failed; link dropped to LOST", name, e);
      onPortLost("reader error");
      return 0;
    }
  }

  private int readAndDecode() {
    if (state != LinkState.OPEN) {
      return 0;
    }
    if (openedSinceLastRead) {
      openedSinceLastRead = false;
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
    counters.addOnReader(SerialLinkCounter.BYTES_RECEIVED, read);
    decoder.onBytes(readBuffer, 0, read);
    return read;
  }

  private void onPortLost(String why) {
    state = LinkState.LOST;
    counters.countOnReader(SerialLinkCounter.PORT_LOSSES);
    transport.close();
    LOG.warn(
        "{}: port {} lost ({}); samples stop until it is reopened",
        name,
        transport.portName(),
        why);
    commands.onPortLost();
  }

  private void onMessage(int type, ByteBuffer buffer, int offset, int length) {
    lastMessageArrivalNs = arrivalNs;
    switch (type) {
      case MessageType.ACK -> onAck(buffer, offset, length);
      case MessageType.STATUS -> onStatus(buffer, offset, length);
      case MessageType.DEVICE_INFO -> onDeviceInfo(buffer, offset, length);
      case MessageType.COMMAND -> counters.countOnReader(SerialLinkCounter.UNEXPECTED_TYPES);
      default -> onData(type, buffer, offset, length);
    }
  }

  private void onAck(ByteBuffer buffer, int offset, int length) {
    if (!AckPayload.isWellFormed(length)) {
      counters.countOnReader(SerialLinkCounter.MALFORMED_PAYLOADS);
      return;
    }
    int cmd = AckPayload.cmd(buffer, offset);
    int result = AckPayload.result(buffer, offset);
    boolean answered = commands.onAck(cmd, result);
    if (answered && cmd == CommandPayload.START && result == AckPayload.RESULT_OK) {
      // Everything after this ACK on the (FIFO) line was sent for this session.
      streamStarted = true;
      dataHandler.onStreamRestart();
    }
  }

  private void onStatus(ByteBuffer buffer, int offset, int length) {
    if (!StatusPayload.isWellFormed(length)) {
      counters.countOnReader(SerialLinkCounter.MALFORMED_PAYLOADS);
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
      counters.countOnReader(SerialLinkCounter.MALFORMED_PAYLOADS);
      return;
    }
    commands.onDeviceInfo(DeviceInfoPayload.read(buffer, offset));
  }

  private void onData(int type, ByteBuffer buffer, int offset, int length) {
    if (!streamStarted) {
      counters.countOnReader(SerialLinkCounter.SAMPLES_BEFORE_START);
      return;
    }
    FramedSerialLink.DataOutcome outcome;
    try {
      outcome = dataHandler.onData(type, arrivalNs, buffer, offset, length);
    } catch (RuntimeException e) {
      counters.countOnReader(SerialLinkCounter.SINK_ERRORS);
      long sinkErrors = counters.sinkErrors();
      if (Long.bitCount(sinkErrors) == 1) {
        LOG.error("{}: sample sink failed ({} times so far); sample dropped", name, sinkErrors, e);
      }
      return;
    }
    switch (outcome) {
      case SAMPLE -> {
        lastSampleArrivalNs = arrivalNs;
        counters.countOnReader(SerialLinkCounter.SAMPLES);
      }
      case MALFORMED -> counters.countOnReader(SerialLinkCounter.MALFORMED_PAYLOADS);
      case UNEXPECTED_TYPE -> counters.countOnReader(SerialLinkCounter.UNEXPECTED_TYPES);
    }
  }

  /** {@code <name>-reader}, the thread's name. */
  @Override
  public String roleName() {
    return name + "-reader";
  }
}
