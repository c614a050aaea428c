package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.gaitctl.hil.HilRunner;
import org.gaitctl.hil.Scenario;
import org.gaitctl.hil.ScenarioLibrary;
import org.gaitctl.hil.ScenarioResult;
import org.gaitctl.sim.pty.PseudoTerminalPair;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The 30-minute soak (hil/soak: a normal session, nothing injected) through the runner {@code
 * gaitctl hil run} uses; only with {@code -Psoak}:
 *
 * <pre>mvn -B -o -Psoak -pl app -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=HilSoakIT</pre>
 *
 * <p>{@code -Dgaitctl.hil.soak=../hil/soak-check} runs the 2-minute check of the machinery instead.
 * The report stays in {@code app/target/hil-soak}.
 */
@Tag("soak")
class HilSoakIT {

  /** The soak, from the app module's folder (Failsafe's working directory). */
  private static final Path SOAK = Path.of(System.getProperty("gaitctl.hil.soak", "../hil/soak"));

  private final Path reportDir = Path.of("target", "hil-soak");

  @Test
  void shouldRunTheSoakWithoutFalseTripsLostFramesOrGrowingMemory() throws IOException {
    assumeTrue(
        PseudoTerminalPair.socatInstalled(),
        "socat is not installed (Debian/Ubuntu: apt-get install socat)");
    List<Scenario> soak = ScenarioLibrary.read(List.of(SOAK));
    assertThat(soak).isNotEmpty();

    List<ScenarioResult> results =
        new HilRunner(GaitctlCommand.class.getName(), reportDir).run(soak, null, result -> {});

    assertThat(results)
        .allSatisfy(
            result ->
                assertThat(result.passed())
                    .as("%s: %s %s", result.scenario().name(), result.error(), result.results())
                    .isTrue());
    assertThat(reportDir.resolve("index.html")).exists();
  }
}
