package org.gaitctl.hil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaitctl.config.ConfigException;
import org.gaitctl.hil.agent.AgentFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code agent:} injection kind of a scenario file (faults inside the controller). */
class AgentInjectionReaderTest {

  @TempDir Path folder;

  private Path write(String text) throws IOException {
    return Files.writeString(folder.resolve("case.yaml"), text);
  }

  @Test
  void shouldReadAnAgentInjectionAsAFaultInsideTheController() throws IOException {
    Path file =
        write(
            """
            protocol: demo
            inject:
              - atS: 2
                agent: F18
            expect:
              fault: {codes: [F18], stopWithinMs: 100}
            """);

    Scenario scenario = ScenarioReader.read(file);

    assertThat(scenario.injections()).containsExactly(new Injection(2, AgentFault.F18));
    assertThat(scenario.injections().get(0).describe()).isEqualTo("agent: F18");
  }

  @Test
  void shouldNameTheFaultsTheAgentCanCauseWhenAnotherIsAsked() throws IOException {
    Path file =
        write(
            """
            protocol: demo
            inject:
              - atS: 2
                agent: F08
              - atS: 3
                agent: F17
                sim: estop open
            expect:
              exitCode: 3
            """);

    assertThatThrownBy(() -> ScenarioReader.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            file + ":4: inject[1].agent must be one of: F17, F18, F20, F27, F28; not 'F08'")
        .hasMessageContaining(file + ":5: inject[2] needs exactly one of sim");
  }

  @Test
  void shouldReadTheAgentScenariosOfTheLibrary() {
    for (String name :
        new String[] {
          "F17-stage-stalled",
          "F18-handler-exception",
          "F20-supervisor-error",
          "F27-journal-failed",
          "F28-session-control-stalled"
        }) {
      Path file = Path.of("scenarios", "faults", name + ".yaml");

      Scenario scenario = ScenarioReader.read(file);

      AgentFault fault = AgentFault.valueOf(name.substring(0, 3));
      assertThat(scenario.injections()).extracting(Injection::agentFault).containsExactly(fault);
    }
  }
}
