package org.gaitctl.core.pipeline;

/**
 * The latest centre of pressure along the belt with its frame time, from the ring to any reader
 * (the session's self-paced control reads it each cycle and filters it itself). One writer, the
 * patient-position stage; a sequence lock keeps value and time together without locks or
 * allocation: the writer makes the version odd while it writes, a reader retries until it saw one
 * even version on both sides of its read.
 */
public final class PatientPositionExchange {

  private volatile long version;
  private volatile long frameNs;
  private volatile double copAheadM = Double.NaN;

  /** Ring thread only. */
  void publish(long frameNs, double copAheadM) {
    long next = version + 1;
    version = next;
    this.frameNs = frameNs;
    this.copAheadM = copAheadM;
    version = next + 1;
  }

  /**
   * Copies the latest value and its frame time into {@code into}; any thread.
   *
   * @return false when no frame has been seen yet ({@code into} then holds time 0 and NaN)
   */
  public boolean read(CopReading into) {
    while (true) {
      long before = version;
      if ((before & 1) == 0) {
        long timeNs = frameNs;
        double valueM = copAheadM;
        if (version == before) {
          into.set(timeNs, valueM);
          return before != 0;
        }
      }
      Thread.onSpinWait();
    }
  }
}
