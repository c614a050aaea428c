package org.gaitctl.core.loop;

import org.gaitctl.core.counters.CounterId;

/** Counters of a {@link PeriodicAgent}. */
public enum LoopCounter implements CounterId {
  CYCLES("cycles"),
  /** Deadlines passed without a cycle because a cycle (or the machine) ran long: no burst. */
  SKIPPED_DEADLINES("skipped_deadlines"),
  /** Cycles that threw; each one was handed to {@link PeriodicCycle#onCycleError}. */
  CYCLE_ERRORS("cycle_errors");

  private final String label;

  LoopCounter(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
