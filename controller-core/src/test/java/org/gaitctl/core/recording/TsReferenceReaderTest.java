package org.gaitctl.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaitctl.core.gait.GaitEventKind;
import org.gaitctl.core.gait.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsReferenceReaderTest {

  @TempDir Path dir;

  @Test
  void shouldParseEveryStrideRowWithAllThirteenColumns() throws IOException {
    TsReference reference = TsReferenceReader.read(TestRecordings.path("gaitndd/control1.ts"));

    assertThat(reference.strides()).hasSize(lineCount("gaitndd/control1.ts"));
    ReferenceStride first = reference.strides().get(0);
    assertThat(first)
        .isEqualTo(
            new ReferenceStride(
                21.93, 1.0667, 1.06, 0.3633, 0.3833, 34.06, 36.16, 0.7033, 0.6767, 65.94, 63.84,
                0.32, 30.00));
  }

  @Test
  void shouldDeriveLeftHeelStrikesAndToeOffsInTimeOrder() throws IOException {
    TsReference reference = TsReferenceReader.read(TestRecordings.path("gaitndd/control1.ts"));

    assertThat(reference.events()).allMatch(e -> e.side() == Side.LEFT);
    assertThat(reference.events().get(0))
        .isEqualTo(new ReferenceEvent(Side.LEFT, GaitEventKind.HEEL_STRIKE, 21.93 - 1.0667));
    assertThat(reference.events().get(1).kind()).isEqualTo(GaitEventKind.TOE_OFF);
    assertThat(reference.events().get(1).timeS()).isCloseTo(21.93 - 0.3633, within(1e-9));
    assertThat(reference.events().get(2))
        .isEqualTo(new ReferenceEvent(Side.LEFT, GaitEventKind.HEEL_STRIKE, 21.93));
    for (int i = 1; i < reference.events().size(); i++) {
      assertThat(reference.events().get(i).timeS())
          .isGreaterThan(reference.events().get(i - 1).timeS());
      assertThat(reference.events().get(i).kind())
          .isNotEqualTo(reference.events().get(i - 1).kind());
    }
  }

  @Test
  void shouldMatchLeftHeelStrikesOfTheSignalWithinAFewSamples() throws IOException {
    ForceRecording signal = WfdbGaitReader.read(TestRecordings.path("gaitndd/control1.hea"));
    TsReference reference = TsReferenceReader.read(TestRecordings.path("gaitndd/control1.ts"));
    double[] left = signal.leftFz();
    double threshold = (max(left) + min(left)) / 2;

    for (ReferenceStride stride : reference.strides().subList(0, 20)) {
      int i = (int) Math.round(stride.leftHeelStrikeS() * 300);
      int rise = i;
      while (left[rise] < threshold) {
        rise++;
      }
      // Rises through half range a few samples after the authors' heel strike.
      assertThat((rise - i) / 300.0).isBetween(0.0, 0.05);
    }
  }

  @Test
  void shouldNameLineAndColumnOfBadCell() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("x.ts"),
            "1.0\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\n2.0\t1\t1\t1\tx\t1\t1\t1\t1\t1\t1\t1\t1\n");

    assertThatThrownBy(() -> TsReferenceReader.read(file))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessage("x.ts:2: right swing: not a number 'x'");
  }

  private static int lineCount(String resource) throws IOException {
    return (int)
        Files.readAllLines(TestRecordings.path(resource)).stream()
            .filter(l -> !l.isBlank())
            .count();
  }

  private static double max(double[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  private static double min(double[] v) {
    double m = Double.POSITIVE_INFINITY;
    for (double x : v) {
      m = Math.min(m, x);
    }
    return m;
  }
}
