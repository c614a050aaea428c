package org.gaitctl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gaitctl.config.protocol.PatientLimits;
import org.gaitctl.config.protocol.ProtocolDocument;
import org.gaitctl.config.protocol.ProtocolTotals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProtocolLibraryTest {

  private static final Path FOLDER = Path.of("protocols");
  private static final SafetyLimits EMULATED =
      DevicesConfigLoader.load(Path.of("devices", "emulated.yaml")).limits();

  static Stream<Arguments> everyProtocolForEveryBodyMass() {
    return ProtocolLibrary.NAMES.stream()
        .flatMap(name -> Stream.of(50, 75, 100).map(massKg -> Arguments.of(name, massKg)));
  }

  @ParameterizedTest(name = "{0} for {1} kg")
  @MethodSource("everyProtocolForEveryBodyMass")
  void shouldValidateEveryLibraryProtocolOnTheEmulatedDevice(String name, int bodyMassKg) {
    ProtocolDocument document = ProtocolLibrary.load(name);

    assertThatCode(
            () ->
                ProtocolCheck.requireRunnable(
                    document, PatientLimits.forBodyMass(bodyMassKg, EMULATED), EMULATED))
        .doesNotThrowAnyException();
  }

  @Test
  void shouldListExactlyTheFilesOfTheLibraryFolder() throws IOException {
    List<String> files;
    try (Stream<Path> list = Files.list(FOLDER)) {
      files =
          list.map(file -> file.getFileName().toString())
              .filter(file -> file.endsWith(".yaml"))
              .map(file -> file.substring(0, file.length() - ".yaml".length()))
              .sorted()
              .toList();
    }
    assertThat(ProtocolLibrary.NAMES).containsExactlyElementsOf(files);
  }

  @ParameterizedTest
  @MethodSource("names")
  void shouldNameEachProtocolAfterItsFileAndExplainItInAHeaderComment(String name)
      throws IOException {
    Path file = FOLDER.resolve(name + ".yaml");
    ProtocolDocument fromFile = TherapyProtocolLoader.load(file);

    assertThat(fromFile.protocol().name()).isEqualTo(name);
    assertThat(fromFile.protocol()).isEqualTo(ProtocolLibrary.load(name).protocol());
    assertThat(Files.readString(file)).startsWith("# gaitctl therapy protocol: ");
  }

  @Test
  void shouldKeepTheDemoBetweenTwoAndThreeMinutes() {
    ProtocolTotals totals = ProtocolTotals.of(ProtocolLibrary.load("demo").protocol());

    assertThat(totals.durationExact()).isTrue();
    assertThat(totals.minDurationS()).isBetween(120.0, 180.0);
  }

  @Test
  void shouldListTheLibraryWhenANameIsUnknown() {
    assertThatThrownBy(() -> ProtocolLibrary.load("strok-bwstt"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("strok-bwstt")
        .hasMessageContaining("demo, endurance, hip-arthroplasty-early");
  }

  static Stream<String> names() {
    return ProtocolLibrary.NAMES.stream();
  }
}
