package org.gaitctl.safety;

import org.gaitctl.core.counters.CounterId;

/** What the safety supervisor counts ({@link SupervisorCounters}). */
public enum SupervisorCounter implements CounterId {
  CYCLES("cycles"),
  /** Longest time one cycle took, ns (cycles that ran a blocking procedure excluded). */
  MAX_CYCLE_NS("max_cycle_ns"),
  /** Longest delay of a cycle's start beyond its period, ns. */
  MAX_LATENESS_NS("max_lateness_ns"),
  /** Cycles that started later than the overrun threshold. */
  OVERRUNS("overruns"),
  /** Episodes of a stream past the late threshold while a session ran (data delayed, no fault). */
  STREAM_LATE_EPISODES("stream_late_episodes"),
  /** Longest time a stream went without data during a late episode, ns. */
  MAX_LATE_GAP_NS("max_late_gap_ns"),
  SAFE_STOPS("safe_stops"),
  /** Safe stops that used the drive's quick stop (asked for, fallen back to or escalated to). */
  QUICK_STOPS("quick_stops"),
  LISTENER_ERRORS("listener_errors"),
  /** Exceptions that escaped a check and raised SUPERVISOR_ERROR. */
  CYCLE_ERRORS("cycle_errors"),
  /** Times the supervisor withheld the devices' heartbeat because it could no longer vouch. */
  HEARTBEATS_WITHHELD("heartbeats_withheld");

  private final String label;

  SupervisorCounter(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
