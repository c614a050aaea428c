package org.gaitctl.sim.stream;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for an emulated streaming device, set from any thread (tests, the HIL runner) and
 * acted on by the device's thread at its next message.
 */
public final class StreamFaults {

  private volatile boolean samplesStopped;
  private volatile boolean commandsIgnored;
  private volatile boolean sensorFault;
  private volatile boolean overload;
  private final AtomicInteger crcCorruptionsPending = new AtomicInteger();
  private final AtomicInteger frameDropsPending = new AtomicInteger();

  /** Every this many messages one goes out with a wrong CRC; 0: none (a noisy line's rate). */
  private volatile int crcCorruptionEveryMessages;

  /** Messages counted towards the rate; only the device's thread touches it. */
  private long messagesSinceCrcCorruption;

  /** Samples stop while the device still says it streams (STATUS and ACKs go on): stale data. */
  public void stopStreaming() {
    samplesStopped = true;
  }

  public void resumeStreaming() {
    samplesStopped = false;
  }

  /** The device stops answering commands (no ACK): the host's command times out. */
  public void ignoreCommands(boolean ignore) {
    commandsIgnored = ignore;
  }

  /** The next {@code count} messages of any type go out with a wrong CRC. */
  public void corruptCrcOfNext(int count) {
    crcCorruptionsPending.addAndGet(requireNonNegative(count));
  }

  /**
   * A noisy line for as long as it is set: one message in {@code 1 / rate} (rounded) of any type
   * goes out with a wrong CRC, evenly spaced so a run is repeatable; 0 ends it. The next-N
   * corruptions of {@link #corruptCrcOfNext} come on top.
   *
   * @param rate bad messages per message, 0 to 1
   */
  public void corruptCrcAtRate(double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate must be from 0 to 1, was " + rate);
    }
    crcCorruptionEveryMessages = rate == 0 ? 0 : (int) Math.max(1, Math.round(1 / rate));
  }

  /**
   * The next {@code count} samples (frames of every belt, or load samples) are lost on the line:
   * their sequence numbers are used but nothing is sent, so the host sees a sequence gap.
   */
  public void dropNextFrames(int count) {
    frameDropsPending.addAndGet(requireNonNegative(count));
  }

  /** STATUS bit 1 (and LOAD_SAMPLE bit 1 for the load cell). */
  public void setSensorFault(boolean fault) {
    sensorFault = fault;
  }

  /** LCA: LOAD_SAMPLE bit 0; PBU: STATUS bit 3 (over-range cells). */
  public void setOverload(boolean overloaded) {
    overload = overloaded;
  }

  /** Every fault off: streaming, commands answered, flags clear, nothing pending. */
  public void clear() {
    samplesStopped = false;
    commandsIgnored = false;
    sensorFault = false;
    overload = false;
    crcCorruptionsPending.set(0);
    frameDropsPending.set(0);
    crcCorruptionEveryMessages = 0;
  }

  boolean samplesStopped() {
    return samplesStopped;
  }

  boolean commandsIgnored() {
    return commandsIgnored;
  }

  boolean sensorFault() {
    return sensorFault;
  }

  boolean overload() {
    return overload;
  }

  /** Whether the message about to go out gets a wrong CRC; called once per message. */
  boolean takeCrcCorruption() {
    if (takeOne(crcCorruptionsPending)) {
      return true;
    }
    int every = crcCorruptionEveryMessages;
    if (every == 0) {
      messagesSinceCrcCorruption = 0;
      return false;
    }
    messagesSinceCrcCorruption++;
    if (messagesSinceCrcCorruption >= every) {
      messagesSinceCrcCorruption = 0;
      return true;
    }
    return false;
  }

  boolean takeFrameDrop() {
    return takeOne(frameDropsPending);
  }

  private static boolean takeOne(AtomicInteger pending) {
    while (true) {
      int left = pending.get();
      if (left == 0) {
        return false;
      }
      if (pending.compareAndSet(left, left - 1)) {
        return true;
      }
    }
  }

  private static int requireNonNegative(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    return count;
  }
}
