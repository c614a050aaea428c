package org.gaitctl.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingReadersTest {

  @TempDir Path dir;

  @Test
  void shouldDispatchC3dByExtension() throws IOException {
    ForceRecording recording = RecordingReaders.read(TestRecordings.path("c3d/pc_int.c3d"));

    assertThat(recording.source()).startsWith("pc_int.c3d");
  }

  @Test
  void shouldDispatchWfdbByHeaderOrRecordPathAndAttachTheStrideReference() throws IOException {
    Path header = TestRecordings.path("gaitndd/control1.hea");

    ForceRecording byHeader = RecordingReaders.read(header);
    ForceRecording byRecord = RecordingReaders.read(header.resolveSibling("control1"));

    assertThat(byHeader.forceUnit()).isEqualTo("ADC");
    assertThat(byRecord.sampleCount()).isEqualTo(byHeader.sampleCount());
    assertThat(byHeader.referenceEvents())
        .isEqualTo(TsReferenceReader.read(TestRecordings.path("gaitndd/control1.ts")).events())
        .isNotEmpty();
  }

  @Test
  void shouldDispatchGaitPdbTextAndBothCsvKinds() throws IOException {
    Path csv = Files.writeString(dir.resolve("walk.csv"), "time_s,left_fz_n,right_fz_n\n0,1,2\n");

    assertThat(RecordingReaders.read(TestRecordings.path("gaitpdb/GaCo01_01.txt")).sampleCount())
        .isGreaterThan(12_000);
    assertThat(RecordingReaders.read(csv).source()).isEqualTo("walk.csv");
    assertThat(RecordingReaders.read(TestRecordings.path("gatk/example_vertical_grf.csv")).source())
        .isEqualTo("example_vertical_grf.csv (single foot as LEFT)");
  }

  @Test
  void shouldRejectUnknownFormatNamingTheFileAndWhatIsSupported() throws IOException {
    Path file = Files.writeString(dir.resolve("walk.xlsx"), "x");

    assertThatThrownBy(() -> RecordingReaders.read(file))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessageStartingWith("walk.xlsx:name: unknown recording format; supported: .c3d");
    assertThatThrownBy(() -> RecordingReaders.read(dir.resolve("missing")))
        .hasMessage("missing:path: no such file or WFDB record");
  }
}
