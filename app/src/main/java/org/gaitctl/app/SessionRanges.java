package org.gaitctl.app;

import java.util.Locale;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.config.SafetyLimits;

/**
 * The ranges of the command line's session options, all taken from the profile's limits (the same
 * rules the session control applies to a start), so that a value is refused before anything starts,
 * with the range and the profile named.
 */
final class SessionRanges {

  private final SafetyLimits limits;
  private final String profile;

  SessionRanges(DevicesConfig devices) {
    this.limits = devices.limits();
    this.profile = String.valueOf(devices.source());
  }

  /** Belt speed within (0, maxBeltSpeedMps]. */
  void requireSpeed(double speedMps) {
    if (!(speedMps > 0 && speedMps <= limits.maxBeltSpeedMps())) {
      throw new UserError(
          String.format(
              Locale.ROOT,
              "--speed %s m/s is outside (0, %s] m/s (maxBeltSpeedMps of %s)",
              speedMps,
              limits.maxBeltSpeedMps(),
              profile));
    }
  }

  /** Incline within [minInclinePercent, maxInclinePercent]. */
  void requireIncline(double inclinePercent) {
    if (!(inclinePercent >= limits.minInclinePercent()
        && inclinePercent <= limits.maxInclinePercent())) {
      throw new UserError(
          String.format(
              Locale.ROOT,
              "--incline %s %% grade is outside [%s, %s] %% grade"
                  + " (minInclinePercent, maxInclinePercent of %s)",
              inclinePercent,
              limits.minInclinePercent(),
              limits.maxInclinePercent(),
              profile));
    }
  }

  /** Unloading 0 (force control off) or within [minUnloadingN, maxUnloadingN]. */
  void requireUnloading(double unloadingN) {
    boolean engaged = unloadingN >= limits.minUnloadingN() && unloadingN <= limits.maxUnloadingN();
    if (!(unloadingN == 0 || engaged)) {
      throw new UserError(
          String.format(
              Locale.ROOT,
              "--unloading %s N must be 0 (force control off) or within [%s, %s] N"
                  + " (minUnloadingN, maxUnloadingN of %s)",
              unloadingN,
              limits.minUnloadingN(),
              limits.maxUnloadingN(),
              profile));
    }
  }
}
