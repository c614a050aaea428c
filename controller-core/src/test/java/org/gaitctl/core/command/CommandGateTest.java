package org.gaitctl.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.gaitctl.config.SafetyLimits;
import org.gaitctl.core.port.CommandResult;
import org.junit.jupiter.api.Test;

class CommandGateTest {

  private static final SafetyLimits LIMITS =
      new SafetyLimits(2.0, -5.0, 15.0, 600.0, 0.0, 1.0, 0.5, 500.0, 500);

  private final RecordingPorts ports = new RecordingPorts();
  private final CommandGate gate =
      new CommandGate(CommandLimits.of(LIMITS), ports.drive, ports.bws);

  @Test
  void shouldRefuseANanSpeedWithItsReasonAndKeepItOffTheWire() {
    assertThat(gate.drive().setSpeed(Double.NaN)).isEqualTo(CommandResult.REFUSED);
    assertThat(ports.drive.speedsMps).isEmpty();
    assertThat(gate.counters().refused(Refusal.NOT_FINITE)).isEqualTo(1);
    assertThat(gate.counters().lastRefusal()).isEqualTo("drive.setSpeed NaN: not a finite number");
  }

  @Test
  void shouldRefuseASpeedAboveTheProfileLimit() {
    assertThat(gate.drive().setSpeed(2.5)).isEqualTo(CommandResult.REFUSED);
    assertThat(gate.counters().lastRefusal())
        .isEqualTo("drive.setSpeed 2.5: outside the limits [0.0, 2.0] m/s");
  }

  @Test
  void shouldRefuseASpeedJumpButLetTheBeltRampAndAlwaysSlowDown() {
    assertThat(gate.drive().setSpeed(1.0)).isEqualTo(CommandResult.REFUSED);
    assertThat(gate.counters().refused(Refusal.CHANGE_TOO_LARGE)).isEqualTo(1);
    for (double speed = 0.2; speed <= 1.0001; speed += 0.2) {
      assertThat(gate.drive().setSpeed(speed)).isEqualTo(CommandResult.OK);
    }
    assertThat(gate.drive().setSpeed(0))
        .as("slowing down is never refused")
        .isEqualTo(CommandResult.OK);
    assertThat(ports.drive.speedsMps).hasSize(6);
    assertThat(gate.counters().passed()).isEqualTo(6);
  }

  @Test
  void shouldJudgeTheFirstUnloadingChangeFromTheMeasuredSeed() {
    gate.seedSetpoints(0, 0, 300);
    assertThat(gate.bws().setForce(300)).isEqualTo(CommandResult.OK);
    assertThat(gate.bws().setForce(200)).isEqualTo(CommandResult.REFUSED);
    assertThat(gate.bws().setForce(260)).isEqualTo(CommandResult.OK);
  }

  @Test
  void shouldRefuseAWatchdogLongerThanTheProfileAllows() {
    assertThat(gate.drive().armWatchdog(60_000)).isEqualTo(CommandResult.REFUSED);
    assertThat(gate.bws().armWatchdog(500)).isEqualTo(CommandResult.OK);
  }
}
