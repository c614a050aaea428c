package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.gaitctl.config.protocol.BeltMode;
import org.gaitctl.safety.PatientPositionTap;
import org.gaitctl.session.selfpaced.SelfPacedSettings;
import org.junit.jupiter.api.Test;

/** The self-paced belt of a session on the ring's stride-filtered position, on virtual time. */
class SelfPacedBeltTest {

  private static final long CYCLE_NS = 20_000_000L;
  private static final BeltMode.SelfPaced STAGE = new BeltMode.SelfPaced(0.03, 0.81, 0.4, 1.5, 0.5);

  private final StridePositionRelay position =
      new StridePositionRelay(
          new PatientPositionTap(128 * 0.00847, PatientPositionTap.DEFAULT_NEAR_END_MARGIN_M));
  private final SelfPacedBelt belt = new SelfPacedBelt(position);

  @Test
  void shouldTuneTheControllerFromTheStagesSettings() {
    SelfPacedSettings settings = SelfPacedBelt.settingsOf(STAGE);
    assertThat(settings.deadZoneM()).isEqualTo(0.03);
    assertThat(settings.gain()).isEqualTo(0.81);
    assertThat(settings.velocityGain())
        .isEqualTo(2 * 0.9 * 0.9, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(settings.minSpeedMps()).isEqualTo(0.4);
    assertThat(settings.maxSpeedMps()).isEqualTo(1.5);
    assertThat(settings.maxAccelMps2()).isEqualTo(0.5);
  }

  @Test
  void shouldSpeedTheBeltUpWhenThePatientWalksAheadOfTheCentre() {
    long nowNs = 0;
    double speedMps = belt.speedMps(nowNs, STAGE, 0.8);
    assertThat(speedMps).isEqualTo(0.8); // starts from the belt's speed
    for (int cycle = 0; cycle < 100; cycle++) {
      nowNs += CYCLE_NS;
      position.onCop(nowNs, 0.20); // the patient is 20 cm ahead of the centre
      speedMps = belt.speedMps(nowNs, STAGE, speedMps);
    }
    assertThat(speedMps).isGreaterThan(0.9).isLessThanOrEqualTo(1.5);
  }

  @Test
  void shouldStartANewStageFromTheBeltsSpeedThen() {
    belt.speedMps(0, STAGE, 0.8);
    BeltMode.SelfPaced next = new BeltMode.SelfPaced(0.03, 0.81, 0.3, 1.0, 0.5);
    assertThat(belt.speedMps(CYCLE_NS, next, 0.6)).isEqualTo(0.6);
  }
}
