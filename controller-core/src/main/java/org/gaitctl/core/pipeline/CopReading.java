package org.gaitctl.core.pipeline;

/**
 * A reader's own copy of the latest centre of pressure along the belt, filled by {@link
 * PatientPositionExchange#read}; reused from cycle to cycle so that reading allocates nothing.
 */
public final class CopReading {
  private long frameNs;
  private double copAheadM = Double.NaN;

  void set(long frameNs, double copAheadM) {
    this.frameNs = frameNs;
    this.copAheadM = copAheadM;
  }

  /** The host arrival time of the frame the value comes from; 0 before the first frame. */
  public long frameNs() {
    return frameNs;
  }

  /** m ahead of the sensing area's centre (towards the front); NaN when no foot is on the belt. */
  public double copAheadM() {
    return copAheadM;
  }
}
