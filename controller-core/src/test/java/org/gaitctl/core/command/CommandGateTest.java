package org.gaitctl.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.gaitctl.config.SafetyLimits;
import org.gaitctl.core.port.CommandResult;
import org.junit.jupiter.api.Test;

class CommandGateTest {

  private static final SafetyLimits LIMITS =
      new SafetyLimits(2.0, -5.0, 15.0, 600.0, 0.0, 1.0, 0.5, 500.0, 500);

  private final RecordingPorts ports = new RecordingPorts();
  private final AtomicBoolean supervisorRunning = new AtomicBoolean(true);
  private final CommandGate gate =
      new CommandGate(CommandLimits.of(LIMITS), supervisorRunning::get, ports.drive, ports.bws);

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

  @Test
  void shouldKeepEveryCommandThatCanMoveThePatientOffTheWireOutsideRunning() {
    gate.seedSetpoints(0.5, 0, 200);
    supervisorRunning.set(false);

    assertThat(gate.drive().setSpeed(0.6)).isEqualTo(CommandResult.REFUSED);
    assertThat(gate.drive().setSplitSpeeds(0.5, 0.6)).isEqualTo(CommandResult.REFUSED);
    assertThat(gate.drive().setRunning(true)).isEqualTo(CommandResult.REFUSED);
    assertThat(gate.drive().setAcceleration(0.3)).isEqualTo(CommandResult.REFUSED);
    assertThat(gate.drive().setIncline(1)).isEqualTo(CommandResult.REFUSED);
    assertThat(gate.bws().setForce(190)).isEqualTo(CommandResult.REFUSED);
    assertThat(gate.bws().setEnabled(true)).isEqualTo(CommandResult.REFUSED);
    assertThat(gate.bws().setHold(false)).isEqualTo(CommandResult.REFUSED);

    assertThat(ports.wire).isEmpty();
    assertThat(gate.counters().refused(Refusal.NOT_PERMITTED)).isEqualTo(8);
    assertThat(gate.counters().lastRefusal())
        .isEqualTo("bws.setHold 0.0: motion not permitted: the safety supervisor is not RUNNING");
  }

  @Test
  void shouldPassEveryStoppingCommandOutsideRunning() {
    supervisorRunning.set(false);

    assertThat(gate.drive().setSpeed(0)).isEqualTo(CommandResult.OK);
    assertThat(gate.drive().setSplitSpeeds(0, 0)).isEqualTo(CommandResult.OK);
    assertThat(gate.drive().setRunning(false)).isEqualTo(CommandResult.OK);
    assertThat(gate.drive().quickStop()).isEqualTo(CommandResult.OK);
    assertThat(gate.bws().setHold(true)).isEqualTo(CommandResult.OK);

    assertThat(ports.wire).hasSize(5);
    assertThat(gate.counters().refusedTotal()).isZero();
  }

  @Test
  void shouldGiveTheStopTheLastWordWhenTheSupervisorStopsWhileAMotionCommandIsOnTheWire() {
    gate.seedSetpoints(0.5, 0, 200);
    // The supervisor withdraws the permit and commands its stop while the session's command is
    // on its way: the session's command may reach the device after the stop's.
    ports.whileOnTheWire = () -> supervisorRunning.set(false);

    assertThat(gate.drive().setSpeed(0.6)).isEqualTo(CommandResult.OK);
    supervisorRunning.set(true);
    assertThat(gate.drive().setRunning(true)).isEqualTo(CommandResult.OK);
    supervisorRunning.set(true);
    assertThat(gate.drive().setAcceleration(0.3)).isEqualTo(CommandResult.OK);
    supervisorRunning.set(true);
    assertThat(gate.bws().setForce(190)).isEqualTo(CommandResult.OK);
    supervisorRunning.set(true);
    assertThat(gate.bws().setHold(false)).isEqualTo(CommandResult.OK);

    assertThat(ports.wire)
        .containsExactly(
            "drive.setSpeed(0.6)",
            "drive.setSpeed(0.0)",
            "drive.setRunning(true)",
            "drive.setRunning(false)",
            "drive.setAcceleration(0.3)",
            "drive.setAcceleration(" + LIMITS.stopDecelMps2() + ")",
            "bws.setForce(190.0)",
            "bws.setHold(true)",
            "bws.setHold(false)",
            "bws.setHold(true)");
    assertThat(gate.counters().safeAgain()).isEqualTo(5);
  }
}
