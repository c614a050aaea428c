package org.gaitctl.drivers.modbus;

import com.digitalpetri.modbus.client.ModbusClient;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One Modbus client's wire, one request at a time: a request enters when the line is free and no
 * request of a more urgent {@link RequestClass} waits, so when a slow device makes requests queue,
 * safety commands go first, then heartbeats, then status reads, then setpoints. Within a class the
 * order is the monitor's (at most a few threads per class).
 *
 * <p>Drivers sharing a client (drive and BWS on one RTU line) share its line ({@link #of}). No
 * allocation per request; waits are uninterruptible as a {@code synchronized} block is (an
 * interrupt is kept for the caller), and a setpoint's wait is bounded by the caller.
 */
final class RequestLine {

  private static final Map<ModbusClient, RequestLine> LINES =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final int[] waiting = new int[RequestClass.values().length];
  private boolean busy;

  /** The line of {@code client}, the same for every driver on it. */
  static RequestLine of(ModbusClient client) {
    return LINES.computeIfAbsent(client, c -> new RequestLine());
  }

  /** Enters at once if the line is free and nobody more urgent waits; else enters nothing. */
  synchronized boolean tryEnter(RequestClass requestClass) {
    if (busy || moreUrgentWaiting(requestClass.ordinal() + 1)) {
      return false;
    }
    busy = true;
    return true;
  }

  /**
   * Waits for the line at most {@code maxWaitNs} ({@code Long.MAX_VALUE}: until it is this
   * request's turn).
   *
   * @return whether the line was entered; the caller must {@link #leave()} it then
   */
  synchronized boolean enter(RequestClass requestClass, long maxWaitNs) {
    int rank = requestClass.ordinal();
    long deadlineNs = System.nanoTime() + maxWaitNs;
    boolean interrupted = false;
    waiting[rank]++;
    try {
      while (busy || moreUrgentWaiting(rank)) {
        long leftNs = maxWaitNs == Long.MAX_VALUE ? 0 : deadlineNs - System.nanoTime();
        if (maxWaitNs != Long.MAX_VALUE && leftNs <= 0) {
          return false;
        }
        try {
          if (maxWaitNs == Long.MAX_VALUE) {
            wait();
          } else {
            wait(Math.max(1, leftNs / 1_000_000L));
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      busy = true;
      return true;
    } finally {
      waiting[rank]--;
      // A waiter that gives up may have held back a less urgent one.
      notifyAll();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  synchronized void leave() {
    busy = false;
    notifyAll();
  }

  private boolean moreUrgentWaiting(int rank) {
    for (int i = 0; i < rank; i++) {
      if (waiting[i] > 0) {
        return true;
      }
    }
    return false;
  }
}
