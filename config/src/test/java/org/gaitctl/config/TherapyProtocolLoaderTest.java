package org.gaitctl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaitctl.config.protocol.BeltMode;
import org.gaitctl.config.protocol.ProtocolDocument;
import org.gaitctl.config.protocol.ProtocolStage;
import org.gaitctl.config.protocol.StageLength;
import org.gaitctl.config.protocol.TherapyProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TherapyProtocolLoaderTest {

  /** A valid protocol; line numbers of the tests below count from this text. */
  static final String GOOD =
      """
      name: good
      description: a valid protocol
      cadenceTargetStepsPerMin: 95
      symmetryTarget:
        maxStanceTimeSiPercent: 8
        maxStepLengthSiPercent: 12
      limits:
        minBodyMassKg: 40
        maxSpeedMps: 1.5
      stages:
        - name: walk-in
          durationS: 60
          speedMps: 0.5
          unloadingPercentBw: 30
          rampS: 10
        - name: distance
          distanceM: 200
          speedMps: 1.0
          inclinePercent: 2
          unloadingPercentBw: 20
          rampS: 10
        - name: free
          durationS: 120
          selfPaced:
            deadZoneM: 0.1
            gain: 0.5
            minSpeedMps: 0.3
            maxSpeedMps: 1.2
            maxAccelMps2: 0.3
          unloadingPercentBw: 20
          rampS: 0
      """;

  @TempDir Path dir;

  @Test
  void shouldLoadEveryFieldOfAValidProtocol() throws IOException {
    ProtocolDocument document = TherapyProtocolLoader.load(write("good.yaml", GOOD));
    TherapyProtocol protocol = document.protocol();

    assertThat(protocol.name()).isEqualTo("good");
    assertThat(protocol.cadenceTargetStepsPerMin()).hasValue(95);
    assertThat(protocol.symmetryTarget())
        .get()
        .extracting("maxStepLengthSiPercent")
        .isEqualTo(12.0);
    assertThat(protocol.requirements().minBodyMassKg()).isEqualTo(40);
    assertThat(protocol.requirements().maxSpeedMps()).isEqualTo(1.5);
    assertThat(protocol.requirements().maxUnloadingPercentBw()).isEqualTo(100);
    List<ProtocolStage> stages = protocol.stages();
    assertThat(stages)
        .containsExactly(
            new ProtocolStage(
                "walk-in", new StageLength.Timed(60), new BeltMode.FixedSpeed(0.5), 0, 30, 10),
            new ProtocolStage(
                "distance", new StageLength.Distance(200), new BeltMode.FixedSpeed(1.0), 2, 20, 10),
            new ProtocolStage(
                "free",
                new StageLength.Timed(120),
                new BeltMode.SelfPaced(0.1, 0.5, 0.3, 1.2, 0.3),
                0,
                20,
                0));
    assertThat(document.lines().lineOf("stages[2].speedMps")).isEqualTo(18);
    assertThat(document.lines().lineOf("stages[3].selfPaced.maxAccelMps2")).isEqualTo(29);
  }

  @Test
  void shouldNameFileLineAndFieldOfAnUnknownKey() throws IOException {
    Path file = write("typo.yaml", GOOD.replace("    speedMps: 0.5\n", "    speedMsp: 0.5\n"));

    assertThat(errorsOf(file))
        .containsExactly(
            "typo.yaml:11: stages[1] needs speedMps (m/s) or selfPaced settings",
            "typo.yaml:13: stages[1].speedMsp is not a known key; expected one of: name,"
                + " durationS, distanceM, speedMps, selfPaced, inclinePercent,"
                + " unloadingPercentBw, rampS");
  }

  @Test
  void shouldRefuseAStageWithBothDurationAndDistance() throws IOException {
    Path file =
        write(
            "both.yaml",
            GOOD.replace("    durationS: 60\n", "    durationS: 60\n    distanceM: 30\n"));

    assertThat(errorsOf(file))
        .containsExactly(
            "both.yaml:13: stages[1].distanceM cannot be given with durationS; a stage lasts a"
                + " time or a distance, not both");
  }

  @Test
  void shouldReportEveryProblemOfAFileAtOnce() throws IOException {
    String text =
        GOOD.replace("    rampS: 10\n  - name: distance", "    rampS: 90\n  - name: distance")
            .replace("  - name: free", "  - name: walk-in")
            .replace("      minSpeedMps: 0.3", "      minSpeedMps: 1.3")
            .replace("cadenceTargetStepsPerMin: 95", "cadenceTargetStepsPerMin: fast");

    assertThat(errorsOf(write("many.yaml", text)))
        .containsExactly(
            "many.yaml:3: cadenceTargetStepsPerMin must be a number, not 'fast'",
            "many.yaml:15: stages[1].rampS = 90 is longer than the stage (durationS 60); the"
                + " ramp is part of the stage",
            "many.yaml:22: stages[3].name 'walk-in' is also the name of stages[1]",
            "many.yaml:27: stages[3].selfPaced.minSpeedMps must be < maxSpeedMps 1.2");
  }

  @Test
  void shouldRefuseARampLongerThanADistanceStageTakesAtItsSpeed() throws IOException {
    Path file = write("ramp.yaml", GOOD.replace("    distanceM: 200\n", "    distanceM: 5\n"));

    assertThat(errorsOf(file))
        .containsExactly(
            "ramp.yaml:21: stages[2].rampS = 10 is longer than the stage (the 5 s the distance"
                + " takes at top speed); the ramp is part of the stage");
  }

  @Test
  void shouldRefuseAProtocolWithoutStages() throws IOException {
    String text = GOOD.substring(0, GOOD.indexOf("stages:")) + "stages: []\n";

    assertThat(errorsOf(write("empty.yaml", text)))
        .containsExactly("empty.yaml:10: stages is empty; a protocol needs at least one stage");
  }

  @Test
  void shouldRefuseAStageWithoutLengthOrBelt() throws IOException {
    String text =
        GOOD.substring(0, GOOD.indexOf("stages:"))
            + "stages:\n  - name: nothing\n    unloadingPercentBw: 0\n    rampS: 0\n";

    assertThat(errorsOf(write("bare.yaml", text)))
        .containsExactly(
            "bare.yaml:11: stages[1] needs durationS (s) or distanceM (m)",
            "bare.yaml:11: stages[1] needs speedMps (m/s) or selfPaced settings");
  }

  @Test
  void shouldNameAMissingFile() {
    assertThatThrownBy(() -> TherapyProtocolLoader.load(dir.resolve("none.yaml")))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith("none.yaml: file not found");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  /** The errors of loading {@code file}, each as printed, the folder left out. */
  private List<String> errorsOf(Path file) {
    try {
      TherapyProtocolLoader.load(file);
    } catch (ConfigException e) {
      return e.errors().stream()
          .map(error -> error.toString().replace(dir.toString() + "/", ""))
          .toList();
    }
    throw new AssertionError("expected " + file + " to be refused");
  }
}
