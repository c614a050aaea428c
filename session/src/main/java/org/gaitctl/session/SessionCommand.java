package org.gaitctl.session;

/**
 * What an operator (terminal, console, HIL runner) asks of a session. Submitted to {@link
 * SessionController#submit}, carried out on the session's thread in order.
 */
public sealed interface SessionCommand {

  /**
   * Arm the supervisor, put the harness into its defined state, take up {@code unloadingN} (0:
   * force control off, harness free), then run the belt up to {@code speedMps}.
   */
  record Start(double speedMps, double unloadingN) implements SessionCommand {}

  /** Stop the belt (the supervisor's controlled operator stop, harness held). */
  record Stop() implements SessionCommand {}

  /** Clear a latched stop once its cause is gone. */
  record Acknowledge() implements SessionCommand {}

  /** A new belt speed while running, reached along the belt ramp; 0 pauses the belt. */
  record SetSpeed(double speedMps) implements SessionCommand {}

  /**
   * A new incline while the belt runs, % grade within the profile's limits, reached in steps of the
   * gate's size from the incline measured at the start.
   */
  record SetIncline(double inclinePercent) implements SessionCommand {}

  /** A new unloading while running with force control on, reached along the take-up ramp. */
  record SetUnloading(double unloadingN) implements SessionCommand {}
}
