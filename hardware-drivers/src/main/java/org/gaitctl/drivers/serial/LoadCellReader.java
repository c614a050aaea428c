package org.gaitctl.drivers.serial;

import java.nio.ByteBuffer;
import org.gaitctl.config.StreamDeviceProfile;
import org.gaitctl.config.TransportUri;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.LoadSampleSink;
import org.gaitctl.core.time.NanoClock;

/**
 * Reader of the harness load-cell amplifier: LOAD_SAMPLEs into a {@link LoadSampleSink}, with
 * sequence gaps counted. Common operations are on {@link #link()}. The sink is called on the link's
 * reader thread; nothing is allocated per sample.
 */
public final class LoadCellReader implements AutoCloseable {

  /** Largest payload an LCA sends (DEVICE_INFO). */
  public static final int MAX_PAYLOAD_LENGTH = DeviceInfoPayload.LENGTH;

  private final FramedSerialLink link;
  private final LoadSampleSink sink;
  private final SequenceTracker sequence = new SequenceTracker();

  public LoadCellReader(
      String name,
      SerialTransport transport,
      NanoClock clock,
      int commandTimeoutMs,
      LoadSampleSink sink) {
    this.sink = sink;
    this.link =
        new FramedSerialLink(
            name,
            transport,
            clock,
            commandTimeoutMs,
            MAX_PAYLOAD_LENGTH,
            new FramedSerialLink.DataHandler() {
              @Override
              public FramedSerialLink.DataOutcome onData(
                  int type, long arrivalNs, ByteBuffer buffer, int offset, int length) {
                return onSample(type, arrivalNs, buffer, offset, length);
              }

              @Override
              public void onStreamRestart() {
                sequence.reset();
              }
            });
  }

  /** A reader for the LCA of a device profile, on jSerialComm. */
  public static LoadCellReader fromProfile(
      StreamDeviceProfile profile, NanoClock clock, LoadSampleSink sink) {
    if (!(profile.transport() instanceof TransportUri.SerialStream serial)) {
      throw new IllegalArgumentException(
          "load cell needs a serial: transport, got " + profile.transport().text());
    }
    return new LoadCellReader(
        "lca", JSerialCommTransport.forReader(serial), clock, profile.commandTimeoutMs(), sink);
  }

  public FramedSerialLink link() {
    return link;
  }

  /** TARE: the LCA zeroes the load cell (flag bit 2 and STATUS bit 4 while in progress). */
  public CommandResult tare() {
    return link.command(CommandPayload.TARE, -1);
  }

  private FramedSerialLink.DataOutcome onSample(
      int type, long arrivalNs, ByteBuffer buffer, int offset, int length) {
    if (type != MessageType.LOAD_SAMPLE) {
      return FramedSerialLink.DataOutcome.UNEXPECTED_TYPE;
    }
    if (!LoadSamplePayload.isWellFormed(length)) {
      return FramedSerialLink.DataOutcome.MALFORMED;
    }
    long seq = LoadSamplePayload.seq(buffer, offset);
    link.trackSequence(sequence, seq);
    sink.onLoadSample(
        arrivalNs,
        seq,
        LoadSamplePayload.deviceTimeUs(buffer, offset),
        LoadSamplePayload.forceCn(buffer, offset),
        LoadSamplePayload.flags(buffer, offset));
    return FramedSerialLink.DataOutcome.SAMPLE;
  }

  @Override
  public void close() {
    link.close();
  }
}
