package org.gaitctl.drivers.serial;

import java.nio.ByteBuffer;
import org.gaitctl.config.StreamDeviceProfile;
import org.gaitctl.config.TransportUri;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.PressureFrameSink;
import org.gaitctl.core.time.NanoClock;

/**
 * Reader of a pressure-belt acquisition unit: PRESSURE_FRAMEs of one or two belts into a {@link
 * PressureFrameSink}, with sequence gaps counted per belt. Common operations (open, START, STOP,
 * GET_INFO, SET_RATE, counters, status, freshness, the reader thread) are on {@link #link()}.
 *
 * <p>The sink is called on the link's reader thread with a view on the decoder's buffer; nothing is
 * allocated per frame.
 */
public final class PressureBeltReader implements AutoCloseable {

  /** Belts a PBU may carry (spec §1: 0 left or only, 1 right). */
  public static final int MAX_BELTS = 2;

  /** Default largest frame payload: 32,000 cells, more than a 128 × 56 belt's 7,168. */
  public static final int DEFAULT_MAX_PAYLOAD_LENGTH = PressureFramePayload.length(250, 128);

  private final FramedSerialLink link;
  private final PressureFrameSink sink;
  private final SequenceTracker[] sequences = new SequenceTracker[MAX_BELTS];
  private final long[] lastFrameArrivalNs = new long[MAX_BELTS];
  private final long[] framesPerBelt = new long[MAX_BELTS];

  /** Written after the arrays above, so a reader that reads it first sees them. */
  private volatile long freshnessVersion;

  public PressureBeltReader(
      String name,
      SerialTransport transport,
      NanoClock clock,
      int commandTimeoutMs,
      int maxPayloadLength,
      PressureFrameSink sink) {
    this.sink = sink;
    for (int belt = 0; belt < MAX_BELTS; belt++) {
      sequences[belt] = new SequenceTracker();
    }
    this.link =
        new FramedSerialLink(
            name,
            transport,
            clock,
            commandTimeoutMs,
            maxPayloadLength,
            new FramedSerialLink.DataHandler() {
              @Override
              public FramedSerialLink.DataOutcome onData(
                  int type, long arrivalNs, ByteBuffer buffer, int offset, int length) {
                return onFrame(type, arrivalNs, buffer, offset, length);
              }

              @Override
              public void onStreamRestart() {
                for (SequenceTracker sequence : sequences) {
                  sequence.reset();
                }
              }
            });
  }

  /** A reader for the PBU of a device profile, on jSerialComm. */
  public static PressureBeltReader fromProfile(
      StreamDeviceProfile profile, NanoClock clock, PressureFrameSink sink) {
    if (!(profile.transport() instanceof TransportUri.SerialStream serial)) {
      throw new IllegalArgumentException(
          "pressure belt needs a serial: transport, got " + profile.transport().text());
    }
    return new PressureBeltReader(
        "pbu",
        JSerialCommTransport.forReader(serial),
        clock,
        profile.commandTimeoutMs(),
        DEFAULT_MAX_PAYLOAD_LENGTH,
        sink);
  }

  public FramedSerialLink link() {
    return link;
  }

  /** ZERO: the PBU captures its unloaded baseline (STATUS bit 4 while in progress). */
  public CommandResult zero() {
    return link.command(CommandPayload.ZERO, -1);
  }

  /**
   * Age at {@code nowNs} of the newest frame of {@code belt}, or {@link Long#MAX_VALUE} before its
   * first frame: per-belt freshness for a supervisor. Any thread; never blocks.
   */
  public long frameAgeNs(int belt, long nowNs) {
    if (freshnessVersion == 0 || framesPerBelt[belt] == 0) {
      return Long.MAX_VALUE;
    }
    return nowNs - lastFrameArrivalNs[belt];
  }

  private FramedSerialLink.DataOutcome onFrame(
      int type, long arrivalNs, ByteBuffer buffer, int offset, int length) {
    if (type != MessageType.PRESSURE_FRAME) {
      return FramedSerialLink.DataOutcome.UNEXPECTED_TYPE;
    }
    if (!PressureFramePayload.isWellFormed(buffer, offset, length)) {
      return FramedSerialLink.DataOutcome.MALFORMED;
    }
    int belt = PressureFramePayload.belt(buffer, offset);
    if (belt >= MAX_BELTS) {
      return FramedSerialLink.DataOutcome.MALFORMED;
    }
    long seq = PressureFramePayload.seq(buffer, offset);
    link.trackSequence(sequences[belt], seq);
    int rows = PressureFramePayload.rows(buffer, offset);
    int cols = PressureFramePayload.cols(buffer, offset);
    int cells = PressureFramePayload.cellsOffset(offset);
    buffer.limit(buffer.capacity());
    buffer.position(cells);
    buffer.limit(cells + 2 * rows * cols);
    sink.onPressureFrame(
        arrivalNs,
        seq,
        PressureFramePayload.deviceTimeUs(buffer, offset),
        belt,
        rows,
        cols,
        buffer);
    lastFrameArrivalNs[belt] = arrivalNs;
    framesPerBelt[belt]++;
    freshnessVersion++;
    return FramedSerialLink.DataOutcome.SAMPLE;
  }

  @Override
  public void close() {
    link.close();
  }
}
