package org.gaitctl.sim.stream;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.gaitctl.core.port.DeviceInfo;
import org.gaitctl.core.port.StreamFlags;
import org.gaitctl.drivers.serial.AckPayload;
import org.gaitctl.drivers.serial.CommandPayload;
import org.gaitctl.drivers.serial.DeviceInfoPayload;
import org.gaitctl.drivers.serial.FrameDecoder;
import org.gaitctl.drivers.serial.FrameEncoder;
import org.gaitctl.drivers.serial.MessageType;
import org.gaitctl.drivers.serial.StatusPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Behaviour shared by the emulated PBU and LCA (spec §1), with no port: commands in as bytes,
 * messages out through a {@link DeviceOutput}, time given by the caller. A test steps it with
 * {@link #onCommandBytes} and {@link #poll}; {@link SerialDeviceEmulator} runs it on a port.
 *
 * <ul>
 *   <li>Every command is answered with ACK before anything it produces: START (ACK, DEVICE_INFO,
 *       then samples on a schedule starting at the START, also when already streaming), STOP,
 *       GET_INFO (ACK, DEVICE_INFO), SET_RATE (bad argument outside the device's range or without
 *       its u16), the device's calibration command (TARE for the LCA, ZERO for the PBU; busy while
 *       one runs); anything else is an unknown command.
 *   <li>Samples are paced on absolute deadlines {@code start + k·10⁹/rate}, so the rate never
 *       drifts; {@code t_us} is the deadline on the device clock. A device that fell behind (a busy
 *       machine) sends its late samples with their own deadlines, one per {@link #poll}, answering
 *       commands in between, like a device with a deep buffer; more than {@value #MAX_LAG_MS} ms
 *       behind it drops samples, counts them in STATUS {@code dropped} and sets bit 2.
 *   <li>STATUS goes out at once when a flag changes and at least once a second while streaming.
 * </ul>
 *
 * <p>Single thread (the emulator's); fault injection through {@link #faults()} from any thread.
 */
public abstract class StreamDevice {

  static final long MAX_LAG_MS = 5000;
  static final long STATUS_PERIOD_NS = TimeUnit.SECONDS.toNanos(1);

  private static final Logger LOG = LoggerFactory.getLogger(StreamDevice.class);
  private static final long MAX_LAG_NS = TimeUnit.MILLISECONDS.toNanos(MAX_LAG_MS);
  private static final long NEVER = Long.MAX_VALUE;

  private final String name;
  private final DeviceOutput output;
  private final long clockOriginNs;
  private final int minRateHz;
  private final int maxRateHz;
  private final long calibrationDurationNs;
  private final StreamFaults faults = new StreamFaults();
  private final FrameEncoder encoder = new FrameEncoder();
  private final FrameDecoder commandDecoder;
  private final ByteBuffer out;

  private boolean streaming;
  private int rateHz;
  private long scheduleStartNs;
  private long nextSampleIndex;
  private long calibrationEndNs = NEVER;
  private long droppedTotal;
  private boolean droppedSinceStatus;
  private int lastStatusFlags = -1;
  private long lastStatusNs;
  private long nowNs;
  private long writeFailures;
  private long ignoredMessages;

  /**
   * @param name for logs
   * @param output where messages go
   * @param clockOriginNs the device clock's zero ({@code t_us} counts from it)
   * @param rateHz initial sample rate (per belt for a PBU)
   * @param minRateHz lowest SET_RATE accepted
   * @param maxRateHz highest SET_RATE accepted
   * @param calibrationDurationMs how long TARE / ZERO keeps bit 4 set
   * @param largestPayload the largest payload the device sends
   */
  protected StreamDevice(
      String name,
      DeviceOutput output,
      long clockOriginNs,
      int rateHz,
      int minRateHz,
      int maxRateHz,
      int calibrationDurationMs,
      int largestPayload) {
    if (minRateHz < 1 || maxRateHz > 0xFFFF || rateHz < minRateHz || rateHz > maxRateHz) {
      throw new IllegalArgumentException(
          name + ": rate " + rateHz + " Hz must lie in " + minRateHz + ".." + maxRateHz + " Hz");
    }
    this.name = name;
    this.output = output;
    this.clockOriginNs = clockOriginNs;
    this.rateHz = rateHz;
    this.minRateHz = minRateHz;
    this.maxRateHz = maxRateHz;
    this.calibrationDurationNs = TimeUnit.MILLISECONDS.toNanos(calibrationDurationMs);
    int largest = Math.max(largestPayload, DeviceInfoPayload.LENGTH);
    this.out = ByteBuffer.allocate(largest + 64).order(ByteOrder.LITTLE_ENDIAN);
    this.commandDecoder = new FrameDecoder(64, this::onMessage);
  }

  public StreamFaults faults() {
    return faults;
  }

  public boolean streaming() {
    return streaming;
  }

  public int rateHz() {
    return rateHz;
  }

  /** Samples the device could not send in time (reported in STATUS). */
  public long droppedTotal() {
    return droppedTotal;
  }

  /** Writes the output refused (port gone). */
  public long writeFailures() {
    return writeFailures;
  }

  /** Host messages that were not commands, or commands too short to answer. */
  public long ignoredMessages() {
    return ignoredMessages;
  }

  /** What the device says in DEVICE_INFO at its current rate. */
  protected abstract DeviceInfo deviceInfo();

  /** TARE for the LCA, ZERO for the PBU. */
  protected abstract int calibrationCommand();

  /** Called when a calibration finishes. */
  protected abstract void onCalibrationDone(long nowNs);

  /** Emits the sample of the deadline {@code sampleTimeNs}. */
  protected abstract void emitSample(long sampleTimeNs);

  /** Skips the sample of one deadline (its sequence numbers are used, nothing is sent). */
  protected abstract void skipSample();

  protected final boolean calibrating() {
    return calibrationEndNs != NEVER;
  }

  /** Device clock in µs for a host time. */
  protected final long deviceTimeUs(long timeNs) {
    return (timeNs - clockOriginNs) / 1000;
  }

  /** The buffer to write a payload into, at {@link FrameEncoder#payloadOffset}(0). */
  protected final ByteBuffer out() {
    return out;
  }

  /** Frames and sends the payload already written in {@link #out()}. */
  protected final void send(int type, int payloadLength) {
    int length = encoder.finish(out, 0, type, payloadLength);
    if (faults.takeCrcCorruption()) {
      int crcIndex = length - 1;
      out.put(crcIndex, (byte) ~out.get(crcIndex));
    }
    if (!output.write(out.array(), 0, length)) {
      writeFailures++;
    }
  }

  /** Feeds bytes from the host; commands are answered at once, at time {@code nowNs}. */
  public final void onCommandBytes(byte[] bytes, int offset, int length, long nowNs) {
    this.nowNs = nowNs;
    commandDecoder.onBytes(bytes, offset, length);
  }

  /** Sends what is due at {@code nowNs}: samples, calibration end, STATUS. */
  public final void poll(long nowNs) {
    this.nowNs = nowNs;
    if (calibrating() && nowNs - calibrationEndNs >= 0) {
      calibrationEndNs = NEVER;
      onCalibrationDone(nowNs);
    }
    if (streaming) {
      emitDueSamples(nowNs);
    }
    sendStatusIfDue(nowNs);
  }

  /**
   * The next time {@link #poll} has something to do. Idle (not streaming), only a calibration's end
   * is due: the periodic STATUS is a streaming device's, so its deadline must not stay in the past
   * (the runner would never park); the last poll plus a status period stands in.
   */
  public final long nextDeadlineNs() {
    long next;
    if (streaming) {
      next = earlier(lastStatusNs + STATUS_PERIOD_NS, sampleDeadlineNs(nextSampleIndex));
    } else {
      next = nowNs + STATUS_PERIOD_NS;
    }
    if (calibrating()) {
      next = earlier(next, calibrationEndNs);
    }
    return next;
  }

  private static long earlier(long a, long b) {
    return a - b < 0 ? a : b;
  }

  private long sampleDeadlineNs(long index) {
    return scheduleStartNs + index * 1_000_000_000L / rateHz;
  }

  /**
   * Sends at most one due sample per call, so a device that fell behind still reads and answers
   * commands between samples (its runner does not sleep while a deadline has passed).
   */
  private void emitDueSamples(long nowNs) {
    while (true) {
      long deadlineNs = sampleDeadlineNs(nextSampleIndex);
      if (deadlineNs - nowNs > 0) {
        return;
      }
      nextSampleIndex++;
      if (nowNs - deadlineNs > MAX_LAG_NS) {
        droppedTotal++;
        droppedSinceStatus = true;
        skipSample();
        continue;
      }
      if (faults.samplesStopped()) {
        return; // a stalled device: nothing sent and its sequence does not advance
      }
      if (faults.takeFrameDrop()) {
        skipSample();
      } else {
        emitSample(deadlineNs);
      }
      return;
    }
  }

  private int statusFlags() {
    int flags = 0;
    if (faults.sensorFault()) {
      flags |= StreamFlags.STATUS_SENSOR_FAULT;
    }
    if (faults.overload()) {
      flags |= StreamFlags.STATUS_OVER_RANGE;
    }
    if (streaming) {
      flags |= StreamFlags.STATUS_STREAMING;
    }
    if (calibrating()) {
      flags |= StreamFlags.STATUS_TARE_IN_PROGRESS;
    }
    return flags;
  }

  private void sendStatusIfDue(long nowNs) {
    int flags = statusFlags();
    boolean changed = flags != lastStatusFlags;
    boolean periodic = streaming && nowNs - (lastStatusNs + STATUS_PERIOD_NS) >= 0;
    if (!changed && !periodic) {
      return;
    }
    int wireFlags = droppedSinceStatus ? flags | StreamFlags.STATUS_FRAMES_DROPPED : flags;
    int length =
        StatusPayload.write(out, FrameEncoder.payloadOffset(0), wireFlags, droppedTotal, 350);
    send(MessageType.STATUS, length);
    lastStatusFlags = flags;
    lastStatusNs = nowNs;
    droppedSinceStatus = false;
  }

  private void onMessage(int type, ByteBuffer buffer, int offset, int length) {
    if (type != MessageType.COMMAND || length < 1) {
      ignoredMessages++;
      return;
    }
    if (faults.commandsIgnored()) {
      return;
    }
    int cmd = CommandPayload.cmd(buffer, offset);
    int argU16 =
        length >= CommandPayload.SET_RATE_LENGTH ? CommandPayload.argU16(buffer, offset) : -1;
    onCommand(cmd, argU16);
  }

  private void onCommand(int cmd, int argU16) {
    switch (cmd) {
      case CommandPayload.START -> {
        ack(cmd, AckPayload.RESULT_OK);
        sendDeviceInfo();
        // Always a fresh schedule: a START comes from a new session, which must not receive the
        // samples a dead one left unsent (the sequence numbers go on).
        streaming = true;
        scheduleStartNs = nowNs;
        nextSampleIndex = 0;
      }
      case CommandPayload.STOP -> {
        ack(cmd, AckPayload.RESULT_OK);
        streaming = false;
      }
      case CommandPayload.GET_INFO -> {
        ack(cmd, AckPayload.RESULT_OK);
        sendDeviceInfo();
      }
      case CommandPayload.SET_RATE -> onSetRate(argU16);
      default -> {
        if (cmd == calibrationCommand()) {
          onCalibrate(cmd);
        } else {
          ack(cmd, AckPayload.RESULT_UNKNOWN_COMMAND);
        }
      }
    }
    sendStatusIfDue(nowNs);
  }

  private void onSetRate(int argU16) {
    if (argU16 < minRateHz || argU16 > maxRateHz) {
      ack(CommandPayload.SET_RATE, AckPayload.RESULT_BAD_ARGUMENT);
      return;
    }
    ack(CommandPayload.SET_RATE, AckPayload.RESULT_OK);
    rateHz = argU16;
    // A new schedule from now on, so the change takes effect without a burst or a pause.
    scheduleStartNs = nowNs;
    nextSampleIndex = 0;
    LOG.info("{}: rate set to {} Hz", name, rateHz);
  }

  private void onCalibrate(int cmd) {
    if (calibrating()) {
      ack(cmd, AckPayload.RESULT_BUSY);
      return;
    }
    ack(cmd, AckPayload.RESULT_OK);
    calibrationEndNs = nowNs + calibrationDurationNs;
  }

  private void ack(int cmd, int result) {
    send(MessageType.ACK, AckPayload.write(out, FrameEncoder.payloadOffset(0), cmd, result));
  }

  private void sendDeviceInfo() {
    send(
        MessageType.DEVICE_INFO,
        DeviceInfoPayload.write(out, FrameEncoder.payloadOffset(0), deviceInfo()));
  }
}
