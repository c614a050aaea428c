package org.gaitctl.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvForceReaderTest {

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void shouldReadRequiredColumnsWithIrregularTimeCommentsAndBlankLines() throws IOException {
    Path file =
        write(
            "walk.csv",
            "# treadmill walk\ntime_s,left_fz_n,right_fz_n\n0.000,10,700\n\n0.004,20.5,650\n"
                + "# pause\n0.011,30,600\n");

    ForceRecording recording = CsvForceReader.read(file);

    assertThat(recording.timeS()).containsExactly(0.000, 0.004, 0.011);
    assertThat(recording.leftFz()).containsExactly(10, 20.5, 30);
    assertThat(recording.rightFz()).containsExactly(700, 650, 600);
    assertThat(recording.beltSpeedMps()).isNull();
    assertThat(recording.leftCopApM()).isNull();
    assertThat(recording.isNewtons()).isTrue();
    assertThat(recording.source()).isEqualTo("walk.csv");
  }

  @Test
  void shouldReadOptionalColumnsInAnyOrder() throws IOException {
    Path file =
        write(
            "walk.csv",
            "right_cop_ap_m,time_s,belt_speed_mps,left_fz_n,right_fz_n\n0.1,0,1.0,5,6\n0.2,1,1.1,7,8\n");

    ForceRecording recording = CsvForceReader.read(file);

    assertThat(recording.rightCopApM()).containsExactly(0.1, 0.2);
    assertThat(recording.beltSpeedMps()).containsExactly(1.0, 1.1);
    assertThat(recording.leftCopApM()).isNull();
    assertThat(recording.leftFz()).containsExactly(5, 7);
  }

  @Test
  void shouldNameFileLineAndColumnOfBadNumber() throws IOException {
    Path file = write("walk.csv", "time_s,left_fz_n,right_fz_n\n0,1,2\n0.01,3,abc\n");

    assertThatThrownBy(() -> CsvForceReader.read(file))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessage("walk.csv:3: right_fz_n: not a number 'abc'");
  }

  @Test
  void shouldRejectTimeThatDoesNotIncreaseStrictly() throws IOException {
    Path file = write("walk.csv", "time_s,left_fz_n,right_fz_n\n0,1,2\n0.02,3,4\n0.02,5,6\n");

    assertThatThrownBy(() -> CsvForceReader.read(file))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessageStartingWith("walk.csv:4: time_s: time must increase strictly");
  }

  @Test
  void shouldRejectUnknownMissingOrRepeatedColumns() throws IOException {
    Path unknown = write("a.csv", "time_s,left_fz_n,right_fz_n,left_fz\n0,1,2,3\n");
    Path missing = write("b.csv", "time_s,left_fz_n\n0,1\n");
    Path repeated = write("c.csv", "time_s,left_fz_n,right_fz_n,time_s\n0,1,2,3\n");

    assertThatThrownBy(() -> CsvForceReader.read(unknown))
        .hasMessageStartingWith("a.csv:1: column 4: unknown column 'left_fz'");
    assertThatThrownBy(() -> CsvForceReader.read(missing))
        .hasMessage("b.csv:1: missing required column 'right_fz_n'");
    assertThatThrownBy(() -> CsvForceReader.read(repeated))
        .hasMessage("c.csv:1: column 4: 'time_s' appears twice");
  }

  @Test
  void shouldRejectRowWithWrongCellCountAndNonFiniteValues() throws IOException {
    Path shortRow = write("a.csv", "time_s,left_fz_n,right_fz_n\n0,1\n");
    Path infinite = write("b.csv", "time_s,left_fz_n,right_fz_n\n0,NaN,2\n");

    assertThatThrownBy(() -> CsvForceReader.read(shortRow))
        .hasMessage("a.csv:2: expected 3 columns, found 2");
    assertThatThrownBy(() -> CsvForceReader.read(infinite))
        .hasMessage("b.csv:2: left_fz_n: not a finite number 'NaN'");
  }

  @Test
  void shouldRejectFileWithoutSamples() throws IOException {
    Path empty = write("a.csv", "# nothing\n\n");
    Path headerOnly = write("b.csv", "time_s,left_fz_n,right_fz_n\n");

    assertThatThrownBy(() -> CsvForceReader.read(empty)).hasMessageStartingWith("a.csv:1: empty");
    assertThatThrownBy(() -> CsvForceReader.read(headerOnly))
        .hasMessage("b.csv:1: no samples after the header");
  }
}
