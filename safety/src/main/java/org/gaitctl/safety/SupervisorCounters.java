package org.gaitctl.safety;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import org.gaitctl.core.counters.CounterGroup;
import org.gaitctl.core.counters.CounterSet;

/**
 * The supervisor's fixed counters ({@link SupervisorCounter}) and its fault appearances per {@link
 * FaultCode}, written by its thread and readable from any thread without touching the loop (for a
 * {@code status} command, the console and the counter registry: groups {@code safety-supervisor}
 * and {@code safety-supervisor.faults}).
 */
public final class SupervisorCounters {

  private static final String NAME = "safety-supervisor";

  private final CounterSet<SupervisorCounter> counters =
      new CounterSet<>(NAME, SupervisorCounter.class);
  private final AtomicLongArray faultsByCode = new AtomicLongArray(FaultCode.count());
  private final CounterGroup faults = new FaultGroup();

  /** The supervisor's counters and its faults by code, for a counter registry. */
  public List<CounterGroup> groups() {
    return List.of(counters, faults);
  }

  public long get(SupervisorCounter counter) {
    return counters.get(counter);
  }

  /** Supervisor cycles run. */
  public long cycles() {
    return counters.get(SupervisorCounter.CYCLES);
  }

  /** Longest time one cycle took to run, ns (excluding cycles that ran a blocking procedure). */
  public long maxCycleNs() {
    return counters.get(SupervisorCounter.MAX_CYCLE_NS);
  }

  /** Longest delay of a cycle's start beyond its period, ns. */
  public long maxLatenessNs() {
    return counters.get(SupervisorCounter.MAX_LATENESS_NS);
  }

  /** Cycles that started later than the overrun threshold. */
  public long overruns() {
    return counters.get(SupervisorCounter.OVERRUNS);
  }

  /** Safe stops commanded. */
  public long safeStops() {
    return counters.get(SupervisorCounter.SAFE_STOPS);
  }

  /** Safe stops that used the drive's quick stop (asked for, fallen back to or escalated to). */
  public long quickStops() {
    return counters.get(SupervisorCounter.QUICK_STOPS);
  }

  /** Exceptions thrown by listeners. */
  public long listenerErrors() {
    return counters.get(SupervisorCounter.LISTENER_ERRORS);
  }

  /** Exceptions that escaped a check and raised {@link FaultCode#SUPERVISOR_ERROR}. */
  public long cycleErrors() {
    return counters.get(SupervisorCounter.CYCLE_ERRORS);
  }

  /** Times the supervisor withheld the devices' heartbeat because it could no longer vouch. */
  public long heartbeatsWithheld() {
    return counters.get(SupervisorCounter.HEARTBEATS_WITHHELD);
  }

  /** Appearances of {@code code} outside IDLE. */
  public long faults(FaultCode code) {
    return faultsByCode.get(code.ordinal());
  }

  // Writers: the supervisor thread only (single writer), hence the ordered stores.

  void cycle(long cycleNs) {
    counters.incrementOrdered(SupervisorCounter.CYCLES);
    counters.maxOrdered(SupervisorCounter.MAX_CYCLE_NS, cycleNs);
  }

  void lateness(long latenessNs) {
    counters.maxOrdered(SupervisorCounter.MAX_LATENESS_NS, latenessNs);
  }

  void streamLate() {
    counters.increment(SupervisorCounter.STREAM_LATE_EPISODES);
  }

  void longestLateGap(long gapNs) {
    counters.maxOrdered(SupervisorCounter.MAX_LATE_GAP_NS, gapNs);
  }

  /** Episodes of late stream data while a session ran. */
  public long streamLateEpisodes() {
    return counters.get(SupervisorCounter.STREAM_LATE_EPISODES);
  }

  void overrun() {
    counters.incrementOrdered(SupervisorCounter.OVERRUNS);
  }

  void safeStop(boolean quickStopUsed) {
    counters.incrementOrdered(SupervisorCounter.SAFE_STOPS);
    if (quickStopUsed) {
      counters.incrementOrdered(SupervisorCounter.QUICK_STOPS);
    }
  }

  void escalatedToQuickStop() {
    counters.incrementOrdered(SupervisorCounter.QUICK_STOPS);
  }

  void heartbeatWithheld() {
    counters.incrementOrdered(SupervisorCounter.HEARTBEATS_WITHHELD);
  }

  void listenerError() {
    counters.incrementOrdered(SupervisorCounter.LISTENER_ERRORS);
  }

  void cycleError() {
    counters.incrementOrdered(SupervisorCounter.CYCLE_ERRORS);
  }

  void fault(FaultCode code) {
    faultsByCode.incrementAndGet(code.ordinal());
  }

  /** The faults by code as a counter group, labelled {@code F01_pressure_stream_stale}. */
  private final class FaultGroup implements CounterGroup {
    private final FaultCode[] codes = FaultCode.values();

    @Override
    public String name() {
      return NAME + ".faults";
    }

    @Override
    public int size() {
      return codes.length;
    }

    @Override
    public String label(int index) {
      return codes[index].id() + "_" + codes[index].name().toLowerCase(Locale.ROOT);
    }

    @Override
    public long value(int index) {
      return faultsByCode.get(index);
    }
  }
}
