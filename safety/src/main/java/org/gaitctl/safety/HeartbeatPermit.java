package org.gaitctl.safety;

/**
 * Lets the device pollers feed the devices' communication watchdogs only while the supervisor says
 * the system is healthy. The supervisor grants it every healthy cycle for a short validity, so a
 * supervisor that stops, stalls or dies stops the heartbeats and the devices' own watchdogs stop
 * the belt and hold the harness. This is the second line of defence (WPILib's MotorSafety idea: an
 * actuator is fed only by a healthy controller).
 *
 * <p>Written by the supervisor's thread, read by the pollers' threads; never blocks or allocates.
 */
public final class HeartbeatPermit {

  private volatile long validUntilNs;
  private volatile boolean granted;

  /** Allows heartbeats until {@code nowNs + validityNs}. Supervisor thread only. */
  public void grant(long nowNs, long validityNs) {
    validUntilNs = nowNs + validityNs;
    granted = true;
  }

  /** Stops heartbeats at once. Supervisor thread only. */
  public void revoke() {
    granted = false;
  }

  /** Whether a heartbeat may be sent at {@code nowNs}. Any thread. */
  public boolean isGranted(long nowNs) {
    return granted && validUntilNs - nowNs > 0;
  }
}
