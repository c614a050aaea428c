package org.gaitctl.safety;

/**
 * The envelope a stopping belt must stay under: from its speed at the fault, down at the commanded
 * deceleration, after a lag for the command to act and the status read to show it, plus a speed
 * tolerance. A belt above the envelope is not stopping as commanded, so the supervisor can no
 * longer vouch for the stop and hands it to the devices' own watchdogs and the quick stop.
 *
 * <p>Supervisor thread only; allocation-free.
 */
final class StopRamp {

  private final long lagNs;
  private final double toleranceMps;
  private long startNs;
  private double fromMps;
  private double decelMps2;

  /**
   * @param lagNs time for a stop command to take effect and show in a status read, ns
   * @param toleranceMps speed allowed above the ideal ramp, m/s
   */
  StopRamp(long lagNs, double toleranceMps) {
    this.lagNs = lagNs;
    this.toleranceMps = toleranceMps;
  }

  /** A stop (or its escalation) commanded at {@code startNs} from {@code fromMps}. */
  void begin(long startNs, double fromMps, double decelMps2) {
    this.startNs = startNs;
    this.fromMps = fromMps;
    this.decelMps2 = decelMps2;
  }

  /** Whether a belt read at {@code speedMps} at {@code readNs} is on or below the ramp. */
  boolean onTrack(long readNs, double speedMps) {
    return speedMps <= allowedMps(readNs);
  }

  /** The envelope's speed at {@code readNs}, for the record of a stop that left it. */
  double allowedMps(long readNs) {
    double elapsedS = Math.max(0, (readNs - startNs - lagNs) / 1e9);
    return Math.max(0, fromMps - decelMps2 * elapsedS) + toleranceMps;
  }
}
