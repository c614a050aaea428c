package org.gaitctl.drivers.modbus;

import org.gaitctl.core.port.CommandResult;

/**
 * The one setpoint of a device waiting for its line: a newer value for the same register replaces
 * it before it is sent (latest wins, counted as coalesced), a heartbeat may carry it, a safety
 * command cancels it (so it never reaches the wire after the stop), and a caller whose wait expired
 * withdraws it. Each offer gets a sequence number; one settlement answers every offer up to the one
 * whose value was sent.
 *
 * <p>Thread-safe (its own monitor, held only to read or change these fields, which also serialises
 * the link's count of dropped setpoints); no allocation.
 */
final class PendingSetpoint {

  private final LinkCounters counters;

  private boolean pending;
  private int address;
  private int word;
  private long offeredSeq;
  private long settledSeq;
  private CommandResult settledResult = CommandResult.OK;

  PendingSetpoint(LinkCounters counters) {
    this.counters = counters;
  }

  /**
   * Offers a value for {@code registerAddress}.
   *
   * @return its sequence number, or -1 when another register's setpoint is pending (the caller then
   *     sends its own request)
   */
  synchronized long offer(int registerAddress, int registerWord) {
    if (pending && address != registerAddress) {
      return -1;
    }
    if (pending) {
      counters.countCoalesced();
    }
    pending = true;
    address = registerAddress;
    word = registerWord;
    return ++offeredSeq;
  }

  synchronized boolean isPending() {
    return pending;
  }

  synchronized int address() {
    return address;
  }

  synchronized int word() {
    return word;
  }

  /** The pending value went on the wire (alone or carried) with {@code result}. */
  synchronized void settle(CommandResult result) {
    pending = false;
    settledSeq = offeredSeq;
    settledResult = result;
    notifyAll();
  }

  /**
   * A safety command is going on the wire first: the pending value is never sent.
   *
   * @return whether a value was pending
   */
  synchronized boolean cancel() {
    if (!pending) {
      return false;
    }
    settle(CommandResult.REFUSED);
    counters.countSetpointDropped();
    return true;
  }

  /**
   * Waits at most {@code maxWaitNs} for offer {@code seq} to be settled (carried by a heartbeat,
   * superseded and sent, or cancelled).
   *
   * @return its outcome, or null when still pending (an interrupt is kept for the caller)
   */
  synchronized CommandResult awaitSettled(long seq, long maxWaitNs) {
    long deadlineNs = System.nanoTime() + maxWaitNs;
    boolean interrupted = false;
    try {
      for (long leftNs = maxWaitNs; seq > settledSeq && leftNs > 0; ) {
        try {
          wait(Math.max(1, leftNs / 1_000_000L));
        } catch (InterruptedException e) {
          interrupted = true;
        }
        leftNs = deadlineNs - System.nanoTime();
      }
      return outcomeOf(seq);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The outcome of offer {@code seq}, or null while it is still pending. */
  synchronized CommandResult outcomeOf(long seq) {
    return seq <= settledSeq ? settledResult : null;
  }

  /**
   * The caller of offer {@code seq} stops waiting: its value is withdrawn unless it was settled
   * meanwhile (a newer offer keeps the slot pending for its own caller).
   *
   * @return the settled outcome, or {@code TIMEOUT} when withdrawn unsent
   */
  synchronized CommandResult withdraw(long seq) {
    if (seq <= settledSeq) {
      return settledResult;
    }
    if (seq == offeredSeq) {
      pending = false;
      settledSeq = offeredSeq;
      settledResult = CommandResult.TIMEOUT;
      counters.countSetpointDropped();
    }
    return CommandResult.TIMEOUT;
  }
}
