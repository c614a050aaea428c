package org.gaitctl.app;

import java.util.Locale;
import org.gaitctl.config.SafetyLimits;
import org.gaitctl.session.unloading.UnloadingSettings;

/** How a session controls the unloading: the outer loop, or the BWS unit's own loop alone. */
enum UnloadingControl {
  /** Outer PI on the harness load cell plus the gait-phase feed-forward (docs/CONTROL.md). */
  CLOSED_LOOP,
  /** FORCE_SET is the target: what the BWS unit achieves alone, to measure the loop's gain. */
  SETPOINT_ONLY;

  UnloadingSettings settings(SafetyLimits limits) {
    UnloadingSettings tuned = UnloadingSettings.tuned(limits);
    return this == CLOSED_LOOP ? tuned : tuned.setpointOnly();
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
