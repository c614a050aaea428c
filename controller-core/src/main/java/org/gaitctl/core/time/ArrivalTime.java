package org.gaitctl.core.time;

/**
 * The one meaning of "nothing has arrived yet" for host arrival stamps ({@link NanoClock} time).
 * Every table of last arrivals starts at {@link #NONE}, and every reader of one tests for it before
 * computing an age, so a stream that never starts is told apart from one that stopped.
 */
public final class ArrivalTime {

  /** The arrival stamp of an input that has delivered nothing yet. */
  public static final long NONE = Long.MIN_VALUE;

  private ArrivalTime() {}

  /** Whether {@code arrivalNs} is a real arrival, not {@link #NONE}. */
  public static boolean hasArrived(long arrivalNs) {
    return arrivalNs != NONE;
  }
}
