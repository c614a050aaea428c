package org.gaitctl.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbsurdInputTest {

  @TempDir Path dir;

  @Test
  void shouldRefuseAForceOutsideThePhysicalRangeNamingFileAndLine() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("mn.csv"), "time_s,left_fz_n,right_fz_n\n0.0,10,700\n0.01,10,750000\n");

    assertThatThrownBy(() -> CsvForceReader.read(file))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessageContaining("mn.csv:3")
        .hasMessageContaining("right_fz_n")
        .hasMessageContaining("outside the physical range");
  }

  @Test
  void shouldRefuseAnEndlessInputWithAClearErrorInsteadOfRunningOutOfMemory() throws IOException {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.isReadable(zero));
    Path csv = Files.createSymbolicLink(dir.resolve("zero.csv"), zero);
    Path c3d = Files.createSymbolicLink(dir.resolve("zero.c3d"), zero);

    assertThatThrownBy(() -> RecordingReaders.read(csv))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessageContaining("zero.csv:1")
        .hasMessageContaining("line longer than");
    assertThatThrownBy(() -> RecordingReaders.read(c3d))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessageContaining("zero.c3d")
        .hasMessageContaining("larger than");
    assertThatThrownBy(() -> RecordingReaders.read(zero))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessageContaining("unknown recording format");
  }

  @Test
  void shouldBoundTheWholeFileNotOnlyEachLine() {
    BoundedLineReader reader =
        new BoundedLineReader(new StringReader("1,2\n3,4\n5,6\n7,8\n"), "long.csv", 10, 10);

    assertThatThrownBy(
            () -> {
              while (reader.readLine() != null) {
                // read until the bound
              }
            })
        .isInstanceOf(RecordingFormatException.class)
        .hasMessageContaining("long.csv:4")
        .hasMessageContaining("file longer than 10");
  }

  @Test
  void shouldReadCrLfLinesWithTheirNumbers() throws IOException {
    BoundedLineReader reader = new BoundedLineReader(new StringReader("a\r\nb\n"), "x.csv");

    assertThat(reader.readLine()).isEqualTo("a");
    assertThat(reader.readLine()).isEqualTo("b");
    assertThat(reader.lineNumber()).isEqualTo(2);
    assertThat(reader.readLine()).isNull();
  }
}
