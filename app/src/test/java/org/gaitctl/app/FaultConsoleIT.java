package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.gaitctl.config.DevicesConfigLoader;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.sim.hil.EmulatedHardware;
import org.gaitctl.sim.modbus.BwsModel;
import org.gaitctl.sim.modbus.DriveModel;
import org.gaitctl.sim.modbus.RegisterDevice;
import org.gaitctl.sim.patient.PatientAsymmetry;
import org.gaitctl.sim.pty.PseudoTerminalPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault console of {@code gaitctl sim} driven by typed lines, against the real emulators of the
 * default profile (Modbus TCP, socat pseudo-terminals) on real time: the bench never goes down, and
 * every fault it injects can be taken back.
 */
class FaultConsoleIT {

  /** CONTROL bit 1 on both devices: a rising edge resets a latched fault whose cause is gone. */
  private static final int FAULT_RESET = 1 << 1;

  /** Drive STATUS bit 2: e-stop chain open. */
  private static final int ESTOP_OPEN = 1 << 2;

  @TempDir Path workDir;

  private EmulatedHardware hardware;
  private final StringWriter printed = new StringWriter();
  private FaultConsole console;

  @BeforeEach
  void startEmulators() throws IOException {
    assumeTrue(
        PseudoTerminalPair.socatInstalled(),
        "socat is not installed (Debian/Ubuntu: apt-get install socat)");
    hardware =
        EmulatedHardware.startIsolated(
            DevicesConfigLoader.loadDefault(), NanoClock.SYSTEM, workDir, null);
    console = new FaultConsole(hardware, new PrintWriter(printed));
  }

  @AfterEach
  void closeEmulators() {
    if (hardware != null) {
      hardware.close();
    }
  }

  @Test
  void shouldAnswerEveryLineThatIsNotACommandWithOneLineAndGoOn() throws IOException {
    List<String> badLines =
        List.of(
            "pbu crc -1",
            "drive delay -5",
            "drive delay x",
            "drive delay 99999999999",
            "frobnicate",
            "drive",
            "lca drop",
            "estop ajar",
            "pbu bridge open",
            "lca crc 5 6",
            "pbu crc-rate 2",
            "lca crc-rate often",
            "bws sensor maybe",
            "drive overspeed -1",
            "drive creep fast",
            "bws gain 0",
            "pbu grid 64",
            "pbu grid 999x999",
            "lca grid 8x8",
            "patient speed 0.1",
            "patient asymmetry",
            "patient asymmetry 41",
            "patient asymmetry 10 -51",
            "patient asymmetry lots",
            "patient asymmetry 10 10 10",
            "patient jump");

    boolean quit = type(String.join("\n", badLines) + "\n\nestop open\n");

    assertThat(quit).as("the input ended, nobody typed quit").isFalse();
    List<String> answers = printed.toString().lines().toList();
    assertThat(answers).hasSize(badLines.size() + 1);
    assertThat(answers.subList(0, badLines.size()))
        .allSatisfy(answer -> assertThat(answer).startsWith("? ").endsWith("for the commands)"));
    assertThat(answers.get(badLines.size())).isEqualTo("e-stop: open");
    assertThat(driveStatus() & ESTOP_OPEN).as("the good line after the bad ones").isNotZero();
  }

  @Test
  void shouldCarryOutTheRunawayGainGridPatientSpeedAndAsymmetryLinesAndClearThemAtReset()
      throws IOException {
    type("drive overspeed 0.3\ndrive creep 0.05\nbws gain 1.5\npbu grid 64x56\n");
    type("patient speed 0.3\nbws disconnect\npatient asymmetry 25\n");
    assertThat(hardware.patient().asymmetry()).isEqualTo(new PatientAsymmetry(25, 25));
    type("patient asymmetry -10 5\n");
    assertThat(hardware.patient().asymmetry()).isEqualTo(new PatientAsymmetry(-10, 5));

    assertThat(printed.toString()).doesNotContain("? ");
    assertThat(printed.toString())
        .contains("drive: belt runs 0.3 m/s faster than commanded")
        .contains("bws: force sensor reads 1.5 x the cable tension")
        .contains("pbu: frames of 64 x 56 cells")
        .contains("patient: means to walk at 0.3 m/s")
        .contains("bws: 0 TCP connection(s) reset")
        .contains(
            "patient: walks with -10.0 % stance-time and 5.0 % step-length asymmetry from its"
                + " next stride");
    type("reset\n");
    assertThat(hardware.patient().asymmetry())
        .as("the profile's")
        .isEqualTo(new PatientAsymmetry(0, 0));
    await(() -> hardware.patient().intendedSpeedMps() != 0.3, "the patient follows the belt");
  }

  @Test
  void shouldStopReadingAtQuit() throws IOException {
    assertThat(type("help\nquit\nestop open\n")).isTrue();
    assertThat(driveStatus() & ESTOP_OPEN).as("nothing after quit").isZero();
  }

  @Test
  void shouldTakeBackEveryFaultACauseKeepsPresentWithItsOffCommand() throws IOException {
    type("estop open\nkey out\ndrive overtemp on\nbws sensor on\nlca bridge open\n");
    await(
        () -> hardware.world().drive().faulted() && hardware.world().bws().faulted(),
        "both devices faulted");

    type("estop close\nkey in\ndrive overtemp off\nbws sensor off\nlca bridge closed\n");
    write(hardware.world().drive(), FAULT_RESET);
    write(hardware.world().bws(), BwsModel.HOLD | FAULT_RESET);

    assertThat(hardware.world().drive().faulted()).as("no cause left on the drive").isFalse();
    assertThat(hardware.world().bws().faulted()).as("no cause left on the BWS unit").isFalse();
    assertThat(printed.toString()).doesNotContain("? ");
  }

  @Test
  void shouldLetADeviceAcknowledgeWatchdogWritesButKeepTheOldValueUntilObeyOrReset()
      throws IOException {
    type("drive watchdog ignore\nbws watchdog ignore\n");
    assertThat(writeWatchdog(hardware.world().drive(), DriveModel.WATCHDOG_MS, 500)).isZero();
    assertThat(writeWatchdog(hardware.world().bws(), BwsModel.WATCHDOG_MS, 500)).isZero();

    type("drive watchdog obey\nreset\n");
    assertThat(writeWatchdog(hardware.world().drive(), DriveModel.WATCHDOG_MS, 500)).isEqualTo(500);
    assertThat(writeWatchdog(hardware.world().bws(), BwsModel.WATCHDOG_MS, 500)).isEqualTo(500);
    assertThat(printed.toString()).doesNotContain("? ");
  }

  @Test
  void shouldGiveTheWeightBackToTheLegsWhenTheFallenPatientRecovers() throws IOException {
    write(hardware.world().bws(), BwsModel.HOLD);
    type("fall\n");
    await(() -> hardware.world().bws().cableTensionN() > 600, "the harness carries the fall");

    type("recover\n");
    await(() -> hardware.world().bws().cableTensionN() < 100, "the patient stands again");
    write(hardware.world().bws(), BwsModel.HOLD | FAULT_RESET);
    assertThat(hardware.world().bws().faulted()).as("overload gone, reset accepted").isFalse();
  }

  @Test
  void shouldLeaveNoInjectedFaultAndAStandingPatientAfterReset() throws IOException {
    write(hardware.world().bws(), BwsModel.HOLD);
    type("fall\nestop open\ndrive overtemp on\nbws sensor on\nlca bridge open\npbu stop\n");
    await(() -> hardware.world().bws().cableTensionN() > 600, "the harness carries the fall");

    type("reset\n");

    await(() -> hardware.world().bws().cableTensionN() < 100, "the patient stands again");
    assertThat(driveStatus() & ESTOP_OPEN).isZero();
    write(hardware.world().drive(), FAULT_RESET);
    write(hardware.world().bws(), BwsModel.HOLD | FAULT_RESET);
    assertThat(hardware.world().drive().faulted()).isFalse();
    assertThat(hardware.world().bws().faulted()).isFalse();
    assertThat(hardware.world().loadCell().flags(System.nanoTime())).isZero();
  }

  private boolean type(String lines) throws IOException {
    return console.run(new BufferedReader(new StringReader(lines)));
  }

  private int driveStatus() {
    int[] status = new int[1];
    assertThat(hardware.world().drive().readInput(DriveModel.STATUS, 1, status))
        .isEqualTo(RegisterDevice.OK);
    return status[0];
  }

  /** Writes WATCHDOG_MS (acknowledged either way) and returns what the register then holds. */
  private static int writeWatchdog(RegisterDevice device, int address, int timeoutMs) {
    assertThat(device.writeHolding(address, new int[] {timeoutMs})).isEqualTo(RegisterDevice.OK);
    int[] held = new int[1];
    assertThat(device.readHolding(address, 1, held)).isEqualTo(RegisterDevice.OK);
    return held[0];
  }

  /** Writes CONTROL after a zero, so that a FAULT_RESET bit in {@code control} is an edge. */
  private static void write(RegisterDevice device, int control) {
    assertThat(device.writeHolding(0, new int[] {control & ~FAULT_RESET}))
        .isEqualTo(RegisterDevice.OK);
    assertThat(device.writeHolding(0, new int[] {control})).isEqualTo(RegisterDevice.OK);
  }

  /** Waits on real time; generous, as a shared 2-core machine delays the world's thread. */
  private static void await(BooleanSupplier condition, String what) {
    long deadlineNs = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadlineNs).as("waiting for: " + what).isNegative();
      LockSupport.parkNanos(10_000_000L);
    }
  }
}
