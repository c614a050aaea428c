package org.gaitctl.core.time;

/**
 * The one source of time for the controller and the simulator. Injected everywhere a time is read,
 * so tests and replays can run on virtual time.
 *
 * <p>Read once per cycle and carry the value on the event; compare deadlines as {@code (deadlineNs
 * - nowNs) < 0} so wrap-around is harmless.
 */
@FunctionalInterface
public interface NanoClock {

  /** Monotonic time in nanoseconds from an arbitrary origin. Any thread; never blocks. */
  long nanoTime();

  /** The host's monotonic clock. */
  NanoClock SYSTEM = System::nanoTime;
}
