package org.gaitctl.core.pipeline;

import org.gaitctl.core.gait.Side;

/** Gait events a ring slot's event raised; written by the gait-events stage. */
public final class GaitEvents {
  private final boolean[] heelStrike = new boolean[2];
  private final boolean[] toeOff = new boolean[2];
  private final long[] heelStrikeNs = new long[2];
  private final long[] toeOffNs = new long[2];

  void clear() {
    heelStrike[0] = false;
    heelStrike[1] = false;
    toeOff[0] = false;
    toeOff[1] = false;
    heelStrikeNs[0] = 0;
    heelStrikeNs[1] = 0;
    toeOffNs[0] = 0;
    toeOffNs[1] = 0;
  }

  /** Records a heel strike of {@code side} at {@code timeNs} (may precede the event's arrival). */
  void heelStrike(Side side, long timeNs) {
    heelStrike[side.ordinal()] = true;
    heelStrikeNs[side.ordinal()] = timeNs;
  }

  /** Records a toe off of {@code side} at {@code timeNs}. */
  void toeOff(Side side, long timeNs) {
    toeOff[side.ordinal()] = true;
    toeOffNs[side.ordinal()] = timeNs;
  }

  public boolean hasHeelStrike(Side side) {
    return heelStrike[side.ordinal()];
  }

  public boolean hasToeOff(Side side) {
    return toeOff[side.ordinal()];
  }

  public long heelStrikeNs(Side side) {
    return heelStrikeNs[side.ordinal()];
  }

  public long toeOffNs(Side side) {
    return toeOffNs[side.ordinal()];
  }

  public boolean any() {
    return heelStrike[0] | heelStrike[1] | toeOff[0] | toeOff[1];
  }
}
