package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GaitctlCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliRun.execute(dir.resolve("logs"), out, err, args);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sim",
        "monitor",
        "ack",
        "analyze",
        "replay",
        "ports",
        "protocol",
        "session",
        "console"
      })
  void shouldExplainEveryCommandWithHelp(String command) {
    assertThat(run(command, "--help")).isZero();
    assertThat(out.toString()).contains("Usage: gaitctl " + command);
  }

  @Test
  void shouldWriteStepsAndSummaryOfACsvRecording() throws IOException {
    Path recording = writeWalk(dir.resolve("walk.csv"));
    Path steps = dir.resolve("steps.csv");
    Path summary = dir.resolve("summary.json");

    int exit =
        run(
            "analyze",
            recording.toString(),
            "--steps-csv",
            steps.toString(),
            "--summary-json",
            summary.toString());

    assertThat(exit).as(err.toString()).isZero();
    List<String> rows = Files.readAllLines(steps, StandardCharsets.UTF_8);
    assertThat(rows.get(0))
        .isEqualTo(
            "side,heel_strike_s,toe_off_s,next_heel_strike_s,stride_s,stance_s,swing_s,"
                + "step_time_s,single_support_s,double_support_s,peak_fz_n,loading_rate_n_per_s,"
                + "impulse_n_s,step_length_m,cadence_steps_per_min");
    assertThat(rows).hasSizeGreaterThan(10);
    assertThat(rows.get(1)).matches("[LR],.*");
    assertThat(Files.readString(summary)).contains("stride");
    assertThat(out.toString()).contains("heel strikes").contains("stride_time [s]");
  }

  @Test
  void shouldNameAMissingRecording() {
    assertThat(run("analyze", dir.resolve("none.csv").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no such file").contains("none.csv");
  }

  @Test
  void shouldRefuseASpeedAboveTheProfileLimitBeforeStartingAnything() {
    assertThat(run("monitor", "--speed", "9")).isEqualTo(2);
    assertThat(err.toString()).contains("--speed 9.0 m/s is outside");
  }

  @Test
  void shouldRefuseABodyMassOutsideThePatientSettingsRange() {
    assertThat(run("monitor", "--body-mass", "301")).isEqualTo(2);
    assertThat(err.toString()).contains("--body-mass 301.0 kg is outside 20..300 kg");
  }

  @Test
  void shouldRefuseAnAsymmetryThePatientModelIsNotBuiltFor() {
    assertThat(run("monitor", "--asymmetry", "45")).isEqualTo(2);
    assertThat(err.toString()).contains("stanceAsymmetryPercent = 45 must be -40..40");
  }

  @Test
  void shouldNameFileLineAndFieldOfABrokenProfile() throws IOException {
    Path profile = dir.resolve("devices.yaml");
    Files.writeString(profile, "treadmill:\n  transport: tcp://127.0.0.1:1502\n  unitId: 999\n");

    assertThat(run("monitor", "--devices", profile.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("devices.yaml:").contains("treadmill");
  }

  @Test
  void shouldRefuseAnUnloadingBelowTheHarnessMinimumNamingBothAllowedChoices() {
    assertThat(run("monitor", "--unloading", "10")).isEqualTo(2);
    assertThat(err.toString())
        .contains("--unloading 10.0 N must be 0 (force control off) or within [20.0, 600.0] N")
        .contains("minUnloadingN, maxUnloadingN of");
  }

  @Test
  void shouldRefuseAnInclineOutsideTheProfileLimits() {
    assertThat(run("monitor", "--incline", "16")).isEqualTo(2);
    assertThat(err.toString())
        .contains("--incline 16.0 % grade is outside [0.0, 15.0] % grade")
        .contains("minInclinePercent, maxInclinePercent of");
  }

  @Test
  void shouldWriteLogLinesToTheLogFileAndOnlyTheProgramsOwnLineToTheTerminal() throws IOException {
    Path logFile = dir.resolve("here.log");

    assertThat(run("--log-file", logFile.toString(), "monitor", "--speed", "9")).isEqualTo(2);

    assertThat(err.toString().lines()).singleElement().asString().startsWith("gaitctl: --speed");
    assertThat(Files.readString(logFile)).contains("WARN").contains("--speed 9.0 m/s");
  }

  @Test
  void shouldAcceptTheLoggingOptionsAfterTheSubcommandToo() throws IOException {
    Path logFile = dir.resolve("after.log");

    assertThat(run("monitor", "--speed", "9", "--log-file", logFile.toString())).isEqualTo(2);

    assertThat(Files.readString(logFile)).contains("--speed 9.0 m/s");
  }

  @Test
  void shouldWriteTheLogFileIntoTheDefaultFolderNamedByDate() {
    assertThat(run("monitor", "--speed", "9")).isEqualTo(2);

    assertThat(dir.resolve("logs").resolve("gaitctl-" + LocalDate.now() + ".log")).exists();
  }

  @Test
  void shouldRefuseAnUnknownLogLevelAsAUsageError() {
    assertThat(run("--log-level", "LOUD", "ports")).isEqualTo(2);
    assertThat(err.toString()).contains("--log-level LOUD is not one of");
  }

  @Test
  void shouldExitWithRefusedToStartWhenTheDriveDoesNotAnswer() throws IOException {
    Path profile = profileWithDevicesAt(closedPort());

    assertThat(run("monitor", "--devices", profile.toString())).isEqualTo(4);
    assertThat(err.toString()).contains("start refused: treadmill drive does not answer");
  }

  @Test
  void shouldExitWithRefusedToStartWhenAckFindsNoDevice() throws IOException {
    Path profile = profileWithDevicesAt(closedPort());

    assertThat(run("ack", "--devices", profile.toString())).isEqualTo(4);
    assertThat(err.toString()).contains("start refused: treadmill drive does not answer");
  }

  /** The built-in profile with the drive and the BWS unit at a port nobody listens on. */
  private Path profileWithDevicesAt(int port) throws IOException {
    String emulated = Files.readString(Path.of("..", "config", "devices", "emulated.yaml"));
    Path profile = dir.resolve("closed.yaml");
    Files.writeString(
        profile,
        emulated
            .replace("tcp://127.0.0.1:1502", "tcp://127.0.0.1:" + port)
            .replace("tcp://127.0.0.1:1503", "tcp://127.0.0.1:" + port));
    return profile;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Two feet with half-sine stance forces: 1.1 s strides, 62 % stance, 100 Hz. */
  private static Path writeWalk(Path file) throws IOException {
    StringBuilder csv = new StringBuilder("time_s,left_fz_n,right_fz_n\n");
    double strideS = 1.1;
    double stanceS = 0.62 * strideS;
    for (int i = 0; i < 2000; i++) {
      double t = i / 100.0;
      csv.append(
          String.format(
              Locale.ROOT,
              "%.3f,%.2f,%.2f%n",
              t,
              force(t, stanceS, strideS),
              force(t - strideS / 2, stanceS, strideS)));
    }
    Files.writeString(file, csv);
    return file;
  }

  private static double force(double t, double stanceS, double strideS) {
    double phase = ((t % strideS) + strideS) % strideS;
    return phase < stanceS ? 750 * Math.sin(Math.PI * phase / stanceS) : 0;
  }
}
