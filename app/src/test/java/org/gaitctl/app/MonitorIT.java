package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's main job end to end: the controller against the built-in emulators on real
 * transports (Modbus TCP, socat pseudo-terminals), the belt run under the safety supervisor.
 */
@Tag("soak")
class MonitorIT {

  @TempDir Path logs;

  @Test
  void shouldPrintStepsAndCountersFromTheEmulatedPatientAndStopCleanly() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = GaitctlCommand.commandLine(logs);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int exit =
        cli.execute(
            "monitor",
            "--duration",
            "15",
            "--report-every",
            "5",
            "--unloading",
            "150",
            "--asymmetry",
            "10",
            "--incline",
            "2");

    String printed = out.toString();
    assertThat(exit).as(printed + err).isZero();
    assertThat(printed).contains("Session running: belt at 1.00 m/s, unloading 150 N");
    assertThat(printed.lines().filter(line -> line.matches("[LR] +\\d+ .*"))).hasSizeGreaterThan(8);
    assertThat(printed).contains("CRC errors 0").contains("frame arrival -> step record    p50");
    assertThat(printed).contains("Incline going to 2.0 % grade.").doesNotContain("Command refused");
    assertThat(printed.lines().filter(line -> line.matches("[LR] .* settling .*"))).isNotEmpty();
    assertThat(printed).contains("Stopping the belt (controlled stop).");
  }
}
