package org.gaitctl.app;

import org.gaitctl.config.protocol.BeltMode;
import org.gaitctl.session.protocol.SelfPacedSpeed;
import org.gaitctl.session.selfpaced.SelfPacedController;
import org.gaitctl.session.selfpaced.SelfPacedSettings;

/**
 * The self-paced belt in a session: each cycle of a self-paced stage, the patient's stride-filtered
 * position and its rate (from the ring, {@link StridePositionRelay}, the same position F25 judges)
 * go into a {@link SelfPacedController} tuned by the stage's settings (docs/CONTROL.md, self-paced
 * belt). A new stage starts a new controller from the belt's present speed. Session thread only.
 */
final class SelfPacedBelt implements SelfPacedSpeed {

  /** Damping of the position loop: velocity gain = 2 × this × √gain (docs/CONTROL.md). */
  static final double DAMPING = 0.9;

  private final StridePositionRelay position;
  private BeltMode.SelfPaced stage;
  private SelfPacedController controller;

  SelfPacedBelt(StridePositionRelay position) {
    this.position = position;
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public double speedMps(long nowNs, BeltMode.SelfPaced mode, double beltSpeedMps) {
    if (mode != stage) {
      stage = mode;
      controller = new SelfPacedController(settingsOf(mode));
      controller.start(nowNs, beltSpeedMps);
    }
    return controller.update(nowNs, position.positionM(), position.rateMps());
  }

  /** A stage's settings: centred reference, its dead zone, gain, speed range and acceleration. */
  static SelfPacedSettings settingsOf(BeltMode.SelfPaced mode) {
    return new SelfPacedSettings(
        0.0,
        mode.deadZoneM(),
        mode.gain(),
        2 * DAMPING * Math.sqrt(mode.gain()),
        mode.minSpeedMps(),
        mode.maxSpeedMps(),
        mode.maxAccelMps2());
  }
}
