package org.gaitctl.core.time;

/** A clock that only moves when told to: virtual time for deterministic tests and simulation. */
public final class ManualNanoClock implements NanoClock {

  private volatile long nowNs;

  public ManualNanoClock(long startNs) {
    this.nowNs = startNs;
  }

  @Override
  public long nanoTime() {
    return nowNs;
  }

  /** Moves time forward; a single writer thread is assumed. */
  public void advanceNs(long deltaNs) {
    if (deltaNs < 0) {
      throw new IllegalArgumentException("time cannot go backwards: deltaNs=" + deltaNs);
    }
    nowNs += deltaNs;
  }

  public void setNs(long newNowNs) {
    if (newNowNs - nowNs < 0) {
      throw new IllegalArgumentException("time cannot go backwards: " + newNowNs + " < " + nowNs);
    }
    nowNs = newNowNs;
  }
}
