package org.gaitctl.safety;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The supervisor's fixed counters, written by its thread and readable from any thread without
 * touching the loop (for a {@code status} command and the console).
 */
public final class SupervisorCounters {

  private final AtomicLong cycles = new AtomicLong();
  private final AtomicLong maxCycleNs = new AtomicLong();
  private final AtomicLong maxLatenessNs = new AtomicLong();
  private final AtomicLong overruns = new AtomicLong();
  private final AtomicLong safeStops = new AtomicLong();
  private final AtomicLong quickStops = new AtomicLong();
  private final AtomicLong listenerErrors = new AtomicLong();
  private final AtomicLong cycleErrors = new AtomicLong();
  private final AtomicLong heartbeatsWithheld = new AtomicLong();
  private final AtomicLongArray faultsByCode = new AtomicLongArray(FaultCode.count());

  /** Supervisor cycles run. */
  public long cycles() {
    return cycles.get();
  }

  /** Longest time one cycle took to run, ns (excluding cycles that ran a blocking procedure). */
  public long maxCycleNs() {
    return maxCycleNs.get();
  }

  /** Longest delay of a cycle's start beyond its period, ns. */
  public long maxLatenessNs() {
    return maxLatenessNs.get();
  }

  /** Cycles that started later than the overrun threshold. */
  public long overruns() {
    return overruns.get();
  }

  /** Safe stops commanded. */
  public long safeStops() {
    return safeStops.get();
  }

  /** Safe stops that used the drive's quick stop (asked for, fallen back to or escalated to). */
  public long quickStops() {
    return quickStops.get();
  }

  /** Exceptions thrown by listeners. */
  public long listenerErrors() {
    return listenerErrors.get();
  }

  /** Exceptions that escaped a check and raised {@link FaultCode#SUPERVISOR_ERROR}. */
  public long cycleErrors() {
    return cycleErrors.get();
  }

  /** Times the supervisor withheld the devices' heartbeat because it could no longer vouch. */
  public long heartbeatsWithheld() {
    return heartbeatsWithheld.get();
  }

  /** Appearances of {@code code} outside IDLE. */
  public long faults(FaultCode code) {
    return faultsByCode.get(code.ordinal());
  }

  void cycle(long cycleNs) {
    cycles.incrementAndGet();
    maxCycleNs.accumulateAndGet(cycleNs, Math::max);
  }

  void lateness(long latenessNs) {
    maxLatenessNs.accumulateAndGet(latenessNs, Math::max);
  }

  void overrun() {
    overruns.incrementAndGet();
  }

  void safeStop(boolean quickStopUsed) {
    safeStops.incrementAndGet();
    if (quickStopUsed) {
      quickStops.incrementAndGet();
    }
  }

  void escalatedToQuickStop() {
    quickStops.incrementAndGet();
  }

  void heartbeatWithheld() {
    heartbeatsWithheld.incrementAndGet();
  }

  void listenerError() {
    listenerErrors.incrementAndGet();
  }

  void cycleError() {
    cycleErrors.incrementAndGet();
  }

  void fault(FaultCode code) {
    faultsByCode.incrementAndGet(code.ordinal());
  }
}
