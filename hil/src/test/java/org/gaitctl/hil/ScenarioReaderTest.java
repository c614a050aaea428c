package org.gaitctl.hil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaitctl.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {

  @TempDir Path folder;

  private Path write(String text) throws IOException {
    return Files.writeString(folder.resolve("case.yaml"), text);
  }

  @Test
  void shouldReadEveryFieldOfAScenario() throws IOException {
    Path file =
        write(
            """
            description: e-stop opened mid-stage
            fast: true
            patient:
              bodyMassKg: 80
              stanceAsymmetryPercent: 10
            protocol: demo
            stopAfterS: 8
            timeoutS: 40
            inject:
              - atS: 3
                sim: estop open
              - atS: 5
                process: kill-controller
            expect:
              exitCode: 3
              fault: {codes: [F08], stopWithinMs: 300}
              beltStopped: {belowMps: 0.05, withinMs: 3000}
              harnessHeld: {withinMs: 1000}
              journalComplete: true
            """);

    Scenario scenario = ScenarioReader.read(file);

    assertThat(scenario.name()).isEqualTo("case");
    assertThat(scenario.fast()).isTrue();
    assertThat(scenario.profile()).isEqualTo("emulated");
    assertThat(scenario.patient())
        .containsEntry("bodyMassKg", 80L)
        .containsEntry("stanceAsymmetryPercent", 10L);
    assertThat(scenario.protocol()).isEqualTo("demo");
    assertThat(scenario.stopAfterS()).isEqualTo(8.0);
    assertThat(scenario.timeoutS()).isEqualTo(40.0);
    assertThat(scenario.injections())
        .containsExactly(
            new Injection(3, "estop open", null),
            new Injection(5, null, Injection.ProcessFault.KILL_CONTROLLER));
    assertThat(scenario.expectations())
        .extracting(Expectation::describe)
        .containsExactly(
            "exit code 3",
            "fault F08, stop on the wire within 300 ms",
            "belt < 0.05 m/s within 3000 ms",
            "harness held within 1000 ms, never released",
            "journal complete");
  }

  @Test
  void shouldNameFileLineAndFieldOfAnUnknownKey() throws IOException {
    Path file = write("protocol: demo\nexpect:\n  exitCode: 0\n  exitcod: 3\n");

    assertThatThrownBy(() -> ScenarioReader.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file + ":4: expect.exitcod is not a known key");
  }

  @Test
  void shouldReportEveryProblemOfABrokenFileAtOnceSortedByLine() throws IOException {
    Path file =
        write(
            """
            protocol: demo
            stopAfterS: soon
            inject:
              - atS: 2
                sim: estop open
                process: kill-emulator
              - atS: 4
                process: kill-everything
            expect:
              fault: {codes: [E8]}
              watchdogTrip: {device: motor, withinMs: 550}
            """);

    assertThatThrownBy(() -> ScenarioReader.read(file))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).errors())
                    .extracting(error -> error.line() + " " + error.path())
                    .containsExactly(
                        "2 stopAfterS",
                        "4 inject[1]",
                        "8 inject[2].process",
                        "10 expect.fault.codes[1]",
                        "11 expect.watchdogTrip.device"));
  }

  @Test
  void shouldNameTheLineOfAYamlSyntaxError() throws IOException {
    Path file = write("protocol: demo\nexpect:\n  fault: {codes: [F08]\n");

    assertThatThrownBy(() -> ScenarioReader.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ":3: YAML syntax error");
  }

  @Test
  void shouldRefuseATimingExpectationWhenNothingIsInjected() throws IOException {
    Path file = write("protocol: demo\nexpect:\n  beltStopped: {withinMs: 3000}\n");

    assertThatThrownBy(() -> ScenarioReader.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is measured from an injection, and nothing is injected");
  }

  @Test
  void shouldReadASecondAcceptableOutcome() throws IOException {
    Path file =
        write(
            """
            protocol: demo
            stopAfterS: 8
            inject:
              - {atS: 2, process: reset-tcp, target: drive}
            expect:
              exitCode: 3
            orExpect:
              exitCode: 130
              noDeviceFault: true
            """);

    Scenario scenario = ScenarioReader.read(file);

    assertThat(scenario.expectations()).containsExactly(new Expectations.ExitCode(3));
    assertThat(scenario.alternative())
        .containsExactly(new Expectations.ExitCode(130), new Expectations.NoDeviceFault());
  }

  @Test
  void shouldNameTheSecondOutcomesKeyInItsErrors() throws IOException {
    Path file =
        write("protocol: demo\nexpect:\n  exitCode: 3\norExpect:\n  beltStopped: {withinMs: 1}\n");

    assertThatThrownBy(() -> ScenarioReader.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("orExpect")
        .hasMessageContaining("is measured from an injection, and nothing is injected");
  }

  @Test
  void shouldRequireAProtocolAndExpectations() throws IOException {
    Path file = write("description: nothing\n");

    assertThatThrownBy(() -> ScenarioReader.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("protocol is required")
        .hasMessageContaining("expect is required");
  }

  @Test
  void shouldRejectAProtocolFileThatDoesNotExist() throws IOException {
    Path file = write("protocol: missing.yaml\nexpect:\n  exitCode: 0\n");

    assertThatThrownBy(() -> ScenarioReader.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file + ":1: protocol file not found");
  }

  @Test
  void shouldReadProcessFaultsWithTheirTargetAndPause() throws IOException {
    Path file =
        write(
            "protocol: demo\ninject:\n"
                + "  - {atS: 1, process: pause-controller, ms: 200}\n"
                + "  - {atS: 2, process: close-pty, target: lca}\n"
                + "  - {atS: 3, process: reset-tcp, target: drive}\n"
                + "expect:\n  exitCode: 3\n");

    assertThat(ScenarioReader.read(file).injections())
        .containsExactly(
            new Injection(1, Injection.ProcessFault.PAUSE_CONTROLLER, null, 200),
            new Injection(2, Injection.ProcessFault.CLOSE_PTY, "lca", 0),
            new Injection(3, Injection.ProcessFault.RESET_TCP, "drive", 0));
  }

  @Test
  void shouldRefuseAProcessFaultWithoutItsTargetOrPauseOrWithOneItDoesNotTake() throws IOException {
    Path file =
        write(
            "protocol: demo\ninject:\n"
                + "  - {atS: 1, process: pause-controller}\n"
                + "  - {atS: 2, process: close-pty, target: drive}\n"
                + "  - {atS: 3, process: kill-controller, ms: 5}\n"
                + "expect:\n  exitCode: 3\n");

    assertThatThrownBy(() -> ScenarioReader.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("inject[1].ms is required for pause-controller")
        .hasMessageContaining("inject[2].target must be one of [pbu, lca]; not 'drive'")
        .hasMessageContaining("inject[3].ms only for pause-controller");
  }
}
