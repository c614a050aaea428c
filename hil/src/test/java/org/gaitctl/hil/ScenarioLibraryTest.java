package org.gaitctl.hil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaitctl.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLibraryTest {

  @TempDir Path library;

  @Test
  void shouldFindTheScenariosOfSubfoldersButNotTheProtocolsAndProfilesTheyReferTo()
      throws IOException {
    for (String file :
        List.of(
            "top.yaml",
            "sessions/demo.yaml",
            "transport/deep/rtu.yaml",
            "protocols/hil-walk.yaml",
            "profiles/emulated-split.yaml",
            "sessions/notes.txt")) {
      Files.createDirectories(library.resolve(file).getParent());
      Files.writeString(library.resolve(file), "");
    }

    assertThat(ScenarioLibrary.files(List.of(library)))
        .map(p -> library.relativize(p).toString())
        .containsExactly("sessions/demo.yaml", "top.yaml", "transport/deep/rtu.yaml");
  }

  @Test
  void shouldReadEveryScenarioOfTheShippedLibrary() throws IOException {
    List<Scenario> scenarios = ScenarioLibrary.read(List.of(Path.of("scenarios")));

    assertThat(scenarios).extracting(Scenario::name).contains("demo", "stroke-bwstt", "modbus-rtu");
  }

  @Test
  void shouldReadTheSoakWithItsFalseTripMemoryAndLostFrameExpectations() throws IOException {
    Scenario soak = ScenarioReader.read(Path.of("soak", "soak-30min.yaml"));

    assertThat(soak.stopAfterS()).isEqualTo(1800.0);
    assertThat(soak.expectations())
        .hasAtLeastOneElementOfType(SoakExpectations.NoFalseTrip.class)
        .contains(new SoakExpectations.RssFlat(10), new SoakExpectations.HeapFlat(32))
        .hasAtLeastOneElementOfType(SoakExpectations.NoLostFrames.class);
  }

  @Test
  void shouldRefuseASoakFlagSetToFalse() throws IOException {
    Path file = library.resolve("case.yaml");
    Files.writeString(file, "protocol: demo\nexpect:\n  noLostFrames: false\n");

    assertThatThrownBy(() -> ScenarioReader.read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("expect.noLostFrames")
        .hasMessageContaining("can only be true");
  }
}
