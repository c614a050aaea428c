package org.gaitctl.session.protocol;

import org.gaitctl.config.protocol.BeltMode;

/**
 * The seam to the self-paced controller: the executor asks it, each cycle of a self-paced stage,
 * for the belt speed to command. Until a controller is wired in, {@link #NOT_WIRED} makes a
 * protocol with a self-paced stage refuse to start (never a faked speed).
 */
public interface SelfPacedSpeed {

  /** No self-paced controller: a self-paced stage refuses to start. */
  SelfPacedSpeed NOT_WIRED =
      new SelfPacedSpeed() {
        @Override
        public boolean available() {
          return false;
        }

        @Override
        public double speedMps(long nowNs, BeltMode.SelfPaced mode, double beltSpeedMps) {
          throw new IllegalStateException("no self-paced controller is wired in");
        }
      };

  /** Whether a self-paced controller is wired in. */
  boolean available();

  /**
   * The belt speed for this cycle of a self-paced stage, m/s, within the stage's bounds.
   *
   * @param nowNs the cycle's time
   * @param mode the stage's self-paced settings
   * @param beltSpeedMps the measured belt speed, m/s
   */
  double speedMps(long nowNs, BeltMode.SelfPaced mode, double beltSpeedMps);
}
