package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtocolCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliRun.execute(dir.resolve("logs"), out, err, args);
  }

  @Test
  void shouldListEveryLibraryProtocolWithStagesTimeAndDescription() {
    assertThat(run("protocol", "list")).as(err.toString()).isZero();

    assertThat(out.toString())
        .contains("NAME", "STAGES", "TIME", "DESCRIPTION")
        .containsPattern("demo +4 +2:30 +2.5-minute demonstration")
        .contains(
            "endurance",
            "hip-arthroplasty-early",
            "incline",
            "interval",
            "stroke-bwstt",
            "symmetry-feedback");
  }

  @Test
  void shouldPrintTheStagesOfALibraryProtocolWithUnloadingInNewtonsForTheBodyMass() {
    assertThat(run("protocol", "check", "demo", "--body-mass", "80")).as(err.toString()).isZero();

    // 30 %BW of 80 kg = 80 x 9.81 x 0.30 = 235.4 N
    assertThat(out.toString())
        .contains("Protocol demo (classpath:protocols/demo.yaml)")
        .contains("Patient 80.0 kg")
        .containsPattern("1 +walk-in +30 s +0.40 +0.0 +30.0 +235.4 +10.0")
        .contains("Total: 2:30 (min:s), 100 m")
        .contains("OK: within the device profile's limits and the patient's.");
  }

  @Test
  void shouldShowSelfPacedBoundsAndTheFeedbackTargets() {
    assertThat(run("protocol", "check", "symmetry-feedback")).as(err.toString()).isZero();

    assertThat(out.toString())
        .containsPattern("2 +self-paced +480 s +self 0.30-1.20")
        .contains("Total: 10:00 (min:s), 198-630 m")
        .contains("Cadence target: 90 steps/min")
        .contains("Symmetry target: |SI| <= 10.0 % stance time, <= 10.0 % step length");
  }

  @Test
  void shouldPrintEveryErrorOfABrokenFileAndExitWith2() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("broken.yaml"),
            """
            name: broken
            description: two problems
            stages:
              - name: fast
                durationS: 60
                speedMps: 2.6
                unloadingPercentBw: 30
                rampS: 10
                speedMsp: 1
            """);

    assertThat(run("protocol", "check", file.toString())).isEqualTo(2);

    assertThat(err.toString())
        .contains(file + ":9: stages[1].speedMsp is not a known key")
        .doesNotContain("maxBeltSpeedMps");
    assertThat(out.toString()).doesNotContain("OK");
  }

  @Test
  void shouldCheckAFileAgainstTheDeviceProfileAndNameEveryBrokenLimit() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("too-fast.yaml"),
            """
            name: too-fast
            description: faster than the belt
            stages:
              - name: fast
                durationS: 60
                speedMps: 2.6
                unloadingPercentBw: 30
                rampS: 2
            """);

    assertThat(run("protocol", "check", file.toString(), "--body-mass", "250")).isEqualTo(2);

    assertThat(err.toString())
        .contains(
            file + ":6: stages[1].speedMps = 2.6 exceeds the device profile's maxBeltSpeedMps 2")
        .contains(
            file
                + ":7: stages[1].unloadingPercentBw = 30 %BW is 735.8 N for 250 kg, above the device"
                + " profile's maxUnloadingN 600")
        .contains(
            file
                + ":8: stages[1].rampS = 2 is too short for a speed change of 2.6 m/s at the device"
                + " profile's maxAccelMps2 0.5; make it at least 5.2 s");
  }

  @Test
  void shouldListTheLibraryForAnUnknownNameAndExitWith2() {
    assertThat(run("protocol", "check", "strok-bwstt")).isEqualTo(2);

    assertThat(err.toString())
        .contains("strok-bwstt")
        .contains(
            "the library has: demo, endurance, hip-arthroplasty-early, incline, interval,"
                + " stroke-bwstt, symmetry-feedback");
  }

  @Test
  void shouldRefuseABodyMassOutsideTheRange() {
    assertThat(run("protocol", "check", "demo", "--body-mass", "300")).isEqualTo(2);

    assertThat(err.toString()).contains("--body-mass 300.0 kg is outside 20..250 kg");
  }
}
