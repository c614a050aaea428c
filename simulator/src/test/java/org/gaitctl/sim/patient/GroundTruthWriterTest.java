package org.gaitctl.sim.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaitctl.config.BeltGeometry;
import org.gaitctl.core.gait.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthWriterTest {

  @Test
  void shouldWriteTheHeaderAndExactTimesWithEmptyCellsForUnknowns() throws IOException {
    StringWriter out = new StringWriter();
    GroundTruthWriter writer = new GroundTruthWriter(out, "memory");
    writer.onStep(
        new GroundTruthStep(
            3,
            Side.LEFT,
            StepKind.WALK,
            12_000_000_001L,
            12_650_000_000L,
            612_345_678L,
            0.61,
            812.25,
            401.5,
            0.3,
            -0.07));
    writer.onStep(
        new GroundTruthStep(
            4,
            Side.RIGHT,
            StepKind.STOP,
            5_000_000L,
            900_000_000L,
            GroundTruthStep.UNKNOWN_NS,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            0.4,
            0.07));
    writer.close();

    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).isEqualTo(GroundTruthWriter.HEADER);
    assertThat(lines.get(1))
        .isEqualTo(
            "3,L,walk,12.000000001,12.650000000,0.649999999,0.612345678,0.610000,812.250,"
                + "401.5000,0.300000,-0.070000");
    assertThat(lines.get(2))
        .isEqualTo("4,R,stop,0.005000000,0.900000000,0.895000000,,,,,0.400000,0.070000");
    assertThat(writer.writtenSteps()).isEqualTo(2);
  }

  @Test
  void shouldWriteOneRowPerCompletedStepOfAWalk(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("truth.csv");
    WalkingPatient patient =
        new WalkingPatient(
            WalkingPatient.symmetric(10.0),
            BeltGeometry.singleBelt(),
            PatientModelOptions.defaults());
    try (GroundTruthWriter writer = GroundTruthWriter.toFile(file)) {
      patient.model.addGroundTruthListener(writer);
      patient.walk(20.0, 1.0, 100.0);
    }
    assertThat(Files.readAllLines(file)).hasSize(patient.steps.size() + 1);
  }

  @Test
  void shouldCountLostStepsAndFailOnCloseAfterAWriteError() {
    Writer failing =
        new Writer() {
          private int writes;

          @Override
          public void write(char[] buffer, int offset, int length) throws IOException {
            if (++writes > 1) {
              throw new IOException("disk full");
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    GroundTruthWriter writer = new GroundTruthWriter(failing, "truth.csv");
    GroundTruthStep step =
        new GroundTruthStep(
            0,
            Side.LEFT,
            StepKind.WALK,
            0L,
            600_000_000L,
            500_000_000L,
            0.6,
            800.0,
            400.0,
            0.3,
            -0.07);
    writer.onStep(step);
    writer.onStep(step);

    assertThat(writer.lostSteps()).isEqualTo(2);
    assertThatThrownBy(writer::close)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("truth.csv is incomplete: 2 step(s) not written")
        .hasRootCauseMessage("disk full");
  }
}
