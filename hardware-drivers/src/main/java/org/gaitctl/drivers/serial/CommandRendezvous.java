package org.gaitctl.drivers.serial;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DeviceInfo;
import org.gaitctl.core.time.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command/ACK rendezvous of one framed link: one outstanding command at a time, written by a
 * caller thread that then parks until the reader thread hands over the device's ACK (and, for
 * GET_INFO, the DEVICE_INFO that follows), or until the command timeout on the injected clock.
 *
 * <p>Callers serialise on this object's lock; the reader thread never takes it: it hands replies
 * over through volatile fields and {@link LockSupport#unpark} (no lock, no allocation).
 */
final class CommandRendezvous {

  private static final Logger LOG = LoggerFactory.getLogger(CommandRendezvous.class);
  private static final int NO_COMMAND = -1;
  private static final int NO_ACK = -1;
  private static final long MAX_WAIT_SLICE_NS = TimeUnit.MILLISECONDS.toNanos(1);

  private final String name;
  private final SerialTransport transport;
  private final NanoClock clock;
  private final long commandTimeoutNs;
  private final BooleanSupplier linkOpen;
  private final SerialLinkCounters counters;
  private final FrameEncoder commandEncoder = new FrameEncoder();
  private final ByteBuffer commandFrame = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);

  private volatile int pendingCommand = NO_COMMAND;
  private volatile int ackResult = NO_ACK;
  private volatile Thread commandWaiter;
  private volatile DeviceInfo deviceInfo;
  private volatile long deviceInfoReplies;

  CommandRendezvous(
      String name,
      SerialTransport transport,
      NanoClock clock,
      long commandTimeoutNs,
      BooleanSupplier linkOpen,
      SerialLinkCounters counters) {
    this.name = name;
    this.transport = transport;
    this.clock = clock;
    this.commandTimeoutNs = commandTimeoutNs;
    this.linkOpen = linkOpen;
    this.counters = counters;
  }

  /** The latest DEVICE_INFO, or null before the first one; any thread. */
  DeviceInfo deviceInfo() {
    return deviceInfo;
  }

  /** Sends {@code cmd} and waits for its ACK; see {@link FramedSerialLink#command}. */
  synchronized CommandResult command(int cmd, int argU16) {
    return sendAndAwaitAck(cmd, argU16, clock.nanoTime() + commandTimeoutNs);
  }

  /** GET_INFO: the ACK and then the DEVICE_INFO, both within one command timeout. */
  synchronized InfoReply requestInfo() {
    long repliesBefore = deviceInfoReplies;
    long deadlineNs = clock.nanoTime() + commandTimeoutNs;
    CommandResult acked = sendAndAwaitAck(CommandPayload.GET_INFO, -1, deadlineNs);
    if (!acked.isOk()) {
      return InfoReply.failed(acked);
    }
    while (deviceInfoReplies == repliesBefore) {
      if (!waitUntil(deadlineNs)) {
        counters.count(SerialLinkCounter.COMMAND_TIMEOUTS);
        return InfoReply.failed(CommandResult.TIMEOUT);
      }
    }
    return new InfoReply(CommandResult.OK, Optional.of(deviceInfo));
  }

  private CommandResult sendAndAwaitAck(int cmd, int argU16, long deadlineNs) {
    if (!linkOpen.getAsBoolean()) {
      return CommandResult.NOT_CONNECTED;
    }
    counters.count(SerialLinkCounter.COMMANDS);
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
      counters.count(SerialLinkCounter.COMMAND_WRITE_ERRORS);
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
    if (result == NO_ACK && !linkOpen.getAsBoolean()) {
      LOG.warn("{}: port lost while waiting for the ACK to {}", name, CommandPayload.name(cmd));
      return CommandResult.NOT_CONNECTED;
    }
    if (result == NO_ACK) {
      counters.count(SerialLinkCounter.COMMAND_TIMEOUTS);
      LOG.warn("{}: no ACK to {} in time", name, CommandPayload.name(cmd));
      return CommandResult.TIMEOUT;
    }
    if (result != AckPayload.RESULT_OK) {
      counters.count(SerialLinkCounter.COMMAND_REJECTIONS);
      LOG.warn("{}: {} rejected with result {}", name, CommandPayload.name(cmd), result);
      return CommandResult.REJECTED;
    }
    return CommandResult.OK;
  }

  /** Parks briefly; false once the deadline has passed or the link is no longer open. */
  private boolean waitUntil(long deadlineNs) {
    long remainingNs = deadlineNs - clock.nanoTime();
    if (remainingNs <= 0 || !linkOpen.getAsBoolean()) {
      return false;
    }
    LockSupport.parkNanos(this, Math.min(remainingNs, MAX_WAIT_SLICE_NS));
    return true;
  }

  /**
   * An ACK arrived; reader thread. Returns whether it answered the command in flight (and hands the
   * result to its caller); an ACK for no pending command is counted and ignored.
   */
  boolean onAck(int cmd, int result) {
    if (cmd != pendingCommand || ackResult != NO_ACK) {
      counters.countOnReader(SerialLinkCounter.UNMATCHED_ACKS);
      return false;
    }
    ackResult = result;
    LockSupport.unpark(commandWaiter);
    return true;
  }

  /** A DEVICE_INFO arrived; reader thread. */
  void onDeviceInfo(DeviceInfo info) {
    deviceInfo = info;
    deviceInfoReplies++;
    wakeWaiter();
  }

  /** The port is gone: a waiting caller stops waiting at once. Any thread. */
  void onPortLost() {
    wakeWaiter();
  }

  private void wakeWaiter() {
    Thread waiter = commandWaiter;
    if (waiter != null) {
      LockSupport.unpark(waiter);
    }
  }
}
