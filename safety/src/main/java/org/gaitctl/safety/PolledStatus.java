package org.gaitctl.safety;

import org.gaitctl.core.port.CommandResult;

/**
 * What the supervisor knows of a device's status: the latest good read and how the reads have gone
 * since. Immutable; published by a {@link StatusPoller} through one volatile reference.
 *
 * @param <S> {@link org.gaitctl.core.port.DriveStatus} or {@link org.gaitctl.core.port.BwsStatus}
 * @param lastGood the latest status read that succeeded; null until the first one
 * @param lastGoodNs host time that read completed
 * @param consecutiveFailures failed reads since the last good one
 * @param lastResult result of the latest read
 */
public record PolledStatus<S>(
    S lastGood, long lastGoodNs, int consecutiveFailures, CommandResult lastResult) {

  /** No read yet. */
  public static <S> PolledStatus<S> none() {
    return new PolledStatus<>(null, 0, 0, CommandResult.NOT_CONNECTED);
  }

  /** After a good read at {@code readNs}. */
  public static <S> PolledStatus<S> good(S status, long readNs) {
    return new PolledStatus<>(status, readNs, 0, CommandResult.OK);
  }

  /** This status after one more failed read. */
  public PolledStatus<S> failed(CommandResult result) {
    return new PolledStatus<>(lastGood, lastGoodNs, consecutiveFailures + 1, result);
  }

  /** Milliseconds since the last good read; {@code Double.POSITIVE_INFINITY} if there was none. */
  public double goodReadAgeMs(long nowNs) {
    return lastGood == null ? Double.POSITIVE_INFINITY : (nowNs - lastGoodNs) / 1e6;
  }

  /**
   * Whichever of the two holds the more recent good read; {@code b} on a tie, so the caller passes
   * as {@code b} the status it knows to be at least as recent (e.g. one read right after a reset).
   */
  public static <S> PolledStatus<S> newerOf(PolledStatus<S> a, PolledStatus<S> b) {
    if (b.lastGood == null) {
      return a;
    }
    if (a.lastGood == null) {
      return b;
    }
    return b.lastGoodNs - a.lastGoodNs >= 0 ? b : a;
  }
}
