package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gaitctl session} end to end: the demo protocol against the built-in emulators on real
 * transports (Modbus TCP, socat pseudo-terminals) to its end; and the protocol errors that stop it
 * before any device is touched.
 */
class TherapySessionIT {

  private static final Pattern STAGE =
      Pattern.compile(
          "\\{\"stage\": (\\d+), \"name\": \"([^\"]+)\", \"completed\": (\\w+), .*"
              + "\"setSpeedMps\": ([\\d.]+), \"measuredSpeedMps\": ([\\d.]+), "
              + "\"targetUnloadingPercentBw\": ([\\d.]+), \"measuredUnloadingPercentBw\": ([\\d.]+),"
              + ".*\"steps\": (\\d+),.*");

  @TempDir Path logs;
  @TempDir Path out;

  @Test
  void shouldRunTheDemoProtocolToItsEndWithMeasuredSpeedAndUnloadingNearTheirTargets()
      throws IOException {
    StringWriter printed = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        CliRun.execute(
            logs,
            printed,
            err,
            "session",
            "--body-mass",
            "75",
            "--patient",
            "it",
            "--out",
            out.toString());

    assertThat(exit).as(printed + "\n" + err).isZero();
    assertThat(printed.toString())
        .contains("Watchdogs armed and read back: drive 250 ms, BWS 250 ms")
        .contains("Protocol demo: completed")
        .contains("== stage 4: walk-out")
        .contains("Session files: ");
    List<String> stages =
        Files.readAllLines(out.resolve("summary.json"), StandardCharsets.UTF_8).stream()
            .filter(line -> line.contains("\"stage\":"))
            .toList();
    assertThat(stages).hasSize(4);
    for (String line : stages) {
      Matcher stage = STAGE.matcher(line.strip());
      assertThat(stage.matches()).as(line).isTrue();
      assertThat(stage.group(3)).as(line).isEqualTo("true");
      assertThat(Double.parseDouble(stage.group(5)))
          .as("measured speed of " + line)
          .isBetween(
              Double.parseDouble(stage.group(4)) - 0.05, Double.parseDouble(stage.group(4)) + 0.05);
      assertThat(Double.parseDouble(stage.group(7)))
          .as("measured unloading of " + line)
          .isBetween(
              Double.parseDouble(stage.group(6)) - 3, Double.parseDouble(stage.group(6)) + 3);
      assertThat(Long.parseLong(stage.group(8))).as(line).isPositive();
    }
    assertThat(Files.readAllLines(out.resolve("steps.csv")).size()).isGreaterThan(100);
    assertThat(Files.readString(out.resolve("overrides.csv")))
        .startsWith("protocol_time_s,stage,stage_name,what,from,to");
  }

  @Test
  void shouldRefuseABadProtocolWithItsFileLineAndFieldBeforeTouchingAnyDevice() throws IOException {
    Path bad = out.resolve("too-fast.yaml");
    Files.writeString(
        bad,
        String.join(
            "\n",
            "name: too-fast",
            "description: faster than the profile allows",
            "stages:",
            "  - name: run",
            "    durationS: 60",
            "    speedMps: 9",
            "    unloadingPercentBw: 20",
            "    rampS: 30",
            ""));
    StringWriter printed = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = CliRun.execute(logs, printed, err, "session", "--protocol", bad.toString());

    assertThat(exit).as(printed + "\n" + err).isEqualTo(ExitCodes.USAGE_OR_CONFIGURATION);
    assertThat(err.toString()).contains("too-fast.yaml:6: stages[1].speedMps");
    assertThat(printed.toString()).doesNotContain("Emulated hardware").doesNotContain("Connected");
  }

  @Test
  void shouldRefuseAnUnknownProtocolName() {
    StringWriter printed = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = CliRun.execute(logs, printed, err, "session", "--protocol", "no-such-protocol");

    assertThat(exit).as(printed + "\n" + err).isEqualTo(ExitCodes.USAGE_OR_CONFIGURATION);
    assertThat(err.toString()).contains("no-such-protocol");
    assertThat(printed.toString()).doesNotContain("Emulated hardware");
  }

  @Test
  void shouldRefuseABodyMassOutsideTwentyTo250Kg() {
    StringWriter printed = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = CliRun.execute(logs, printed, err, "session", "--body-mass", "300");

    assertThat(exit).isEqualTo(ExitCodes.USAGE_OR_CONFIGURATION);
    assertThat(err.toString()).contains("--body-mass 300.0 kg is outside");
  }
}
