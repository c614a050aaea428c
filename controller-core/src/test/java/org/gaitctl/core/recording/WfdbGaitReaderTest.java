package org.gaitctl.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WfdbGaitReaderTest {

  @TempDir Path dir;

  @Test
  void shouldReadControlRecordAt300HzForFiveMinutesWithVerifiedChecksums() throws IOException {
    ForceRecording recording = WfdbGaitReader.read(TestRecordings.path("gaitndd/control1.hea"));

    assertThat(recording.sampleCount()).isEqualTo(90_000);
    assertThat(recording.timeS()[1]).isCloseTo(1 / 300.0, within(1e-12));
    assertThat(recording.timeS()[89_999]).isCloseTo(89_999 / 300.0, within(1e-9));
    assertThat(recording.forceUnit()).isEqualTo("ADC");
    assertThat(recording.isNewtons()).isFalse();
    assertThat(recording.leftFz()[0]).isEqualTo(503);
    assertThat(recording.rightFz()[0]).isEqualTo(-157);
    assertThat(Arrays.stream(recording.leftFz()).max().orElseThrow()).isEqualTo(998);
    assertThat(Arrays.stream(recording.leftFz()).min().orElseThrow()).isEqualTo(-1872);
  }

  @Test
  void shouldAcceptRecordPathWithoutExtension() throws IOException {
    Path header = TestRecordings.path("gaitndd/park1.hea");

    ForceRecording recording = WfdbGaitReader.read(header.resolveSibling("park1"));

    assertThat(recording.sampleCount()).isEqualTo(90_000);
    assertThat(recording.source()).isEqualTo("park1.hea");
  }

  @Test
  void shouldLeaveOutSampleTimesWhereAFootIsInvalid() throws IOException {
    // als1.rit starts with -2048 (invalid); its header's first value is WFDB's -32768 for that.
    ForceRecording recording = WfdbGaitReader.read(TestRecordings.path("gaitndd/als1.hea"));

    assertThat(recording.sampleCount()).isEqualTo(89_999);
    assertThat(recording.timeS()[0]).isCloseTo(1 / 300.0, within(1e-12));
    assertThat(recording.rightFz()).doesNotContain(-2048.0);
  }

  @Test
  void shouldRejectWrongChecksumNamingHeaderLine() throws IOException {
    copyRecord("control1");
    Path header = dir.resolve("control1.hea");
    Files.writeString(header, Files.readString(header).replace(" 22230 ", " 22231 "));

    assertThatThrownBy(() -> WfdbGaitReader.read(header))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessage(
            "control1.hea:2: checksum mismatch: header says 22231, control1.let sums to 22230");
  }

  @Test
  void shouldRejectTruncatedSignalFile() throws IOException {
    copyRecord("control1");
    Path rit = dir.resolve("control1.rit");
    byte[] bytes = Files.readAllBytes(rit);
    Files.write(rit, Arrays.copyOf(bytes, 1000));

    assertThatThrownBy(() -> WfdbGaitReader.read(dir.resolve("control1")))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessage("control1.rit:offset 1000: truncated: 90000 samples need 135000 bytes");
  }

  @Test
  void shouldRejectUnsupportedFormat() throws IOException {
    copyRecord("control1");
    Path header = dir.resolve("control1.hea");
    Files.writeString(
        header, Files.readString(header).replace("control1.let 212", "control1.let 16"));

    assertThatThrownBy(() -> WfdbGaitReader.read(header))
        .hasMessage("control1.hea:2: format '16' not supported, only 212");
  }

  @Test
  void shouldDecodeFormat212PairsIncludingNegativeSamples() throws IOException {
    // s0 = 0x123 = 291, s1 = 0xFFE = -2: bytes 0x23, (0xF << 4 | 0x1), 0xFE
    byte[] bytes = {0x23, (byte) 0xF1, (byte) 0xFE};

    int[] samples = WfdbGaitReader.Format212.decode(bytes, 2, "x.dat");

    assertThat(samples).containsExactly(291, -2);
  }

  private void copyRecord(String name) throws IOException {
    for (String ext : new String[] {".hea", ".let", ".rit"}) {
      Files.copy(TestRecordings.path("gaitndd/" + name + ext), dir.resolve(name + ext));
    }
  }
}
