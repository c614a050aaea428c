package org.gaitctl.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.gaitctl.core.gait.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PhysioNet gaitpdb reader and the GaitAnalysisToolKit single-foot reader on real files. */
class TextRecordingReadersTest {

  @TempDir Path dir;

  @Test
  void shouldReadGaitPdbTotalsAt100HzInNewtons() throws IOException {
    ForceRecording recording = GaitPdbReader.read(TestRecordings.path("gaitpdb/GaCo01_01.txt"));

    int n = recording.sampleCount();
    assertThat(n).isGreaterThan(12_000);
    assertThat(recording.timeS()[1] - recording.timeS()[0]).isCloseTo(0.01, within(1e-9));
    assertThat(recording.timeS()[n - 1]).isCloseTo((n - 1) * 0.01, within(0.02));
    assertThat(recording.leftFz()[0]).isEqualTo(662.2);
    assertThat(recording.rightFz()[0]).isEqualTo(748);
    assertThat(recording.isNewtons()).isTrue();
    assertThat(Arrays.stream(recording.leftFz()).max().orElseThrow()).isBetween(600.0, 1500.0);
    assertThat(Arrays.stream(recording.rightFz()).min().orElseThrow()).isBetween(-5.0, 50.0);
  }

  @Test
  void shouldRejectGaitPdbRowWithMissingColumns() throws IOException {
    Path file = Files.writeString(dir.resolve("GaXx.txt"), "0.00\t1\t2\n");

    assertThatThrownBy(() -> GaitPdbReader.read(file))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessage("GaXx.txt:1: expected 19 columns, found 3");
  }

  @Test
  void shouldReadGatkSingleFootWithJitteredTimeOnTheNamedSide() throws IOException {
    ForceRecording recording =
        SingleFootCsvReader.read(TestRecordings.path("gatk/example_vertical_grf.csv"), Side.RIGHT);

    int n = recording.sampleCount();
    double durationS = recording.timeS()[n - 1] - recording.timeS()[0];
    assertThat(durationS).isCloseTo(55.6, within(0.2));
    assertThat(n / durationS).isCloseTo(100, within(2.0));
    assertThat(recording.leftFz()).containsOnly(0.0);
    assertThat(Arrays.stream(recording.rightFz()).max().orElseThrow()).isBetween(600.0, 1500.0);
    assertThat(recording.source()).contains("single foot as RIGHT");
  }
}
