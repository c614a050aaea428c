package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaitctl.hil.HilRunner;
import org.gaitctl.hil.Scenario;
import org.gaitctl.hil.ScenarioLibrary;
import org.gaitctl.hil.ScenarioResult;
import org.gaitctl.sim.pty.PseudoTerminalPair;
import org.junit.jupiter.api.Test;

/**
 * The fast subset of the HIL library (scenarios with {@code fast: true}) through the same runner
 * {@code gaitctl hil run} uses: the controller and the emulators as child JVMs on this test's class
 * path. About 25 s per scenario.
 */
class HilFastSubsetIT {

  /** The library, from the app module's folder (Failsafe's working directory). */
  private static final Path LIBRARY = Path.of("..", "hil", "scenarios");

  /** Kept after the build (not a temporary folder), so a failure can be read in its report. */
  private final Path reportDir = Path.of("target", "hil-fast-subset");

  @Test
  void shouldPassEveryFastScenarioAndWriteTheJUnitXmlAndTheHtmlReport() throws IOException {
    assumeTrue(
        PseudoTerminalPair.socatInstalled(),
        "socat is not installed (Debian/Ubuntu: apt-get install socat)");
    List<Scenario> fast =
        ScenarioLibrary.read(List.of(LIBRARY)).stream().filter(Scenario::fast).toList();
    assertThat(fast).extracting(Scenario::name).contains("F08-estop-open", "controller-sigkill");
    Path junit = reportDir.resolve("junit.xml");

    List<ScenarioResult> results =
        new HilRunner(GaitctlCommand.class.getName(), reportDir).run(fast, junit, result -> {});

    assertThat(results)
        .allSatisfy(
            result ->
                assertThat(result.passed())
                    .as("%s: %s %s", result.scenario().name(), result.error(), result.results())
                    .isTrue());
    assertThat(junit).exists();
    assertThat(Files.readString(junit))
        .contains("tests=\"" + fast.size() + "\" failures=\"0\" errors=\"0\"");
    assertThat(reportDir.resolve("index.html")).exists();
    assertThat(reportDir.resolve("F08-estop-open").resolve("timeline.png")).exists();
  }
}
