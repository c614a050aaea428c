package org.gaitctl.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * C3D variants the real samples do not cover, on files written byte for byte by {@link
 * C3dTestFile}: two plates, 100 Hz analog (50 Hz frames, 2 samples each), 1.5 s; plate 1 loaded 0.2
 * to 0.8 s, plate 2 0.6 to 1.2 s, each a 700 N half sine.
 */
class C3dReaderFormatsTest {

  private static final int SAMPLES = 150;
  private static final double RATE_HZ = 100;
  private static final double PEAK_N = 700;

  /** The true vertical force of a plate loaded from {@code startS} to {@code endS}. */
  private static double[] halfSine(double startS, double endS) {
    double[] fz = new double[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      double t = i / RATE_HZ;
      fz[i] =
          t > startS && t < endS ? PEAK_N * Math.sin(Math.PI * (t - startS) / (endS - startS)) : 0;
    }
    return fz;
  }

  private static final double[] PLATE1_N = halfSine(0.2, 0.8);
  private static final double[] PLATE2_N = halfSine(0.6, 1.2);

  /** Raw values such that (raw - offset) x scale = -force (plates report loading as negative). */
  private static double[] raw(double[] forceN, double offset, double scale) {
    double[] raw = new double[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      raw[i] = offset - forceN[i] / scale;
    }
    return raw;
  }

  private static double[] zeros() {
    return new double[SAMPLES];
  }

  /** Type 2 plates on channels 1-6 and 7-12, Fz on 3 and 9, float storage, scale 1. */
  private static C3dTestFile type2Float(C3dProcessor processor) {
    double[][] channels = new double[12][];
    for (int c = 0; c < 12; c++) {
      channels[c] = zeros();
    }
    channels[2] = raw(PLATE1_N, 0, 1);
    channels[8] = raw(PLATE2_N, 0, 1);
    return new C3dTestFile(processor, true, 50f, 2, channels)
        .floats("ANALOG", "SCALE", new int[] {12}, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)
        .ints("ANALOG", "OFFSET", new int[] {12}, new int[12])
        .floats("ANALOG", "GEN_SCALE", new int[0], 1f)
        .floats("ANALOG", "RATE", new int[0], 100f)
        .text(
            "ANALOG", "UNITS", "N", "N", "N", "Nmm", "Nmm", "Nmm", "N", "N", "N", "Nmm", "Nmm",
            "Nmm")
        .ints("FORCE_PLATFORM", "USED", new int[0], 2)
        .ints("FORCE_PLATFORM", "TYPE", new int[] {2}, 2, 2)
        .ints("FORCE_PLATFORM", "CHANNEL", new int[] {6, 2}, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
  }

  @ParameterizedTest
  @EnumSource(C3dProcessor.class)
  void shouldReadFloatsOfEveryProcessorType(C3dProcessor processor) throws Exception {
    ForceRecording trial = C3dReader.read("t.c3d", type2Float(processor).build());

    assertThat(trial.sampleCount()).isEqualTo(SAMPLES);
    assertThat(trial.timeS()[1]).isCloseTo(0.01, within(1e-12));
    for (int i = 0; i < SAMPLES; i++) {
      assertThat(trial.leftFz()[i]).isCloseTo(PLATE1_N[i], within(1e-3));
      assertThat(trial.rightFz()[i]).isCloseTo(PLATE2_N[i], within(1e-3));
    }
  }

  @Test
  void shouldAssignPlatesBySequenceWithoutEventsFirstContactLeft() throws Exception {
    ForceRecording trial = C3dReader.read("t.c3d", type2Float(C3dProcessor.INTEL).build());

    assertThat(trial.source()).isEqualTo("t.c3d (plates 1:L 2:R by sequence)");
    assertThat(trial.referenceEvents()).isEmpty();
  }

  @Test
  void shouldCountTheSequenceFromAPlateAnEventDecides() throws Exception {
    byte[] file = type2Float(C3dProcessor.INTEL).headerEvent("RHS", 0.21f).build();

    ForceRecording trial = C3dReader.read("t.c3d", file);

    assertThat(trial.source()).isEqualTo("t.c3d (plates 1:R 2:L by events_and_sequence)");
    assertThat(trial.rightFz()[50]).isCloseTo(PLATE1_N[50], within(1e-3));
  }

  @Test
  void shouldRejectAPlateStruckByBothFeet() throws Exception {
    double[][] channels = new double[6][];
    for (int c = 0; c < 6; c++) {
      channels[c] = zeros();
    }
    double[] twoContacts = halfSine(0.1, 0.5);
    double[] second = halfSine(0.8, 1.3);
    for (int i = 0; i < SAMPLES; i++) {
      twoContacts[i] += second[i];
    }
    channels[2] = raw(twoContacts, 0, 1);
    byte[] file =
        new C3dTestFile(C3dProcessor.INTEL, true, 50f, 2, channels)
            .text("ANALOG", "UNITS", "N", "N", "N", "Nmm", "Nmm", "Nmm")
            .ints("FORCE_PLATFORM", "USED", new int[0], 1)
            .ints("FORCE_PLATFORM", "TYPE", new int[] {1}, 1)
            .ints("FORCE_PLATFORM", "CHANNEL", new int[] {6, 1}, 1, 2, 3, 4, 5, 6)
            .text("EVENT", "LABELS", "Foot Strike", "Foot Strike")
            .text("EVENT", "CONTEXTS", "Left", "Right")
            .floats("EVENT", "TIMES", new int[] {2, 2}, 0, 0.11f, 0, 0.81f)
            .build();

    assertThatThrownBy(() -> C3dReader.read("both.c3d", file))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessage(
            "both.c3d:FORCE_PLATFORM: plate 1 is struck by both feet; it cannot be assigned to one"
                + " foot");
  }

  @Test
  void shouldReadUnsignedIntegerAnalogWithOffsetAbove32767() throws Exception {
    double scale = 0.25;
    int offset = 40_000;
    double[][] channels = new double[6][];
    for (int c = 0; c < 6; c++) {
      channels[c] = new double[SAMPLES];
      Arrays.fill(channels[c], offset);
    }
    channels[2] = raw(PLATE1_N, offset, scale);
    byte[] file =
        new C3dTestFile(C3dProcessor.INTEL, false, 50f, 2, signedView(channels))
            .floats("ANALOG", "SCALE", new int[] {6}, 1, 1, (float) scale, 1, 1, 1)
            // The 16-bit pattern of 40000 reads as -25536 unless ANALOG:FORMAT says UNSIGNED.
            .ints("ANALOG", "OFFSET", new int[] {6}, sixTimes((short) offset))
            .floats("ANALOG", "GEN_SCALE", new int[0], 2f)
            .text("ANALOG", "FORMAT", "UNSIGNED")
            .text("ANALOG", "UNITS", "N", "N", "N", "Nmm", "Nmm", "Nmm")
            .ints("FORCE_PLATFORM", "USED", new int[0], 1)
            .ints("FORCE_PLATFORM", "TYPE", new int[] {1}, 2)
            .ints("FORCE_PLATFORM", "CHANNEL", new int[] {6, 1}, 1, 2, 3, 4, 5, 6)
            .build();

    ForceRecording trial = C3dReader.read("u.c3d", file);

    // GEN_SCALE 2 doubles the force; one count is 0.25 x 2 = 0.5 N.
    for (int i = 0; i < SAMPLES; i++) {
      assertThat(trial.leftFz()[i]).isCloseTo(2 * PLATE1_N[i], within(0.5));
    }
  }

  private static int[] sixTimes(int value) {
    int[] values = new int[6];
    Arrays.fill(values, value);
    return values;
  }

  /** Unsigned 16-bit values as the signed shorts the file holds. */
  private static double[][] signedView(double[][] channels) {
    double[][] signed = new double[channels.length][SAMPLES];
    for (int c = 0; c < channels.length; c++) {
      for (int i = 0; i < SAMPLES; i++) {
        signed[c][i] = (short) Math.round(channels[c][i]);
      }
    }
    return signed;
  }

  @Test
  void shouldSumTheFourFzChannelsOfAType3Plate() throws Exception {
    double[][] channels = new double[8][];
    for (int c = 0; c < 8; c++) {
      channels[c] = zeros();
    }
    double[] shares = {0.1, 0.2, 0.3, 0.4};
    for (int k = 0; k < 4; k++) {
      double[] part = new double[SAMPLES];
      for (int i = 0; i < SAMPLES; i++) {
        part[i] = shares[k] * PLATE1_N[i];
      }
      channels[4 + k] = raw(part, 0, 1);
    }
    byte[] file =
        new C3dTestFile(C3dProcessor.INTEL, true, 50f, 2, channels)
            .text("ANALOG", "UNITS", "N", "N", "N", "N", "N", "N", "N", "N")
            .ints("FORCE_PLATFORM", "USED", new int[0], 1)
            .ints("FORCE_PLATFORM", "TYPE", new int[] {1}, 3)
            .ints("FORCE_PLATFORM", "CHANNEL", new int[] {8, 1}, 1, 2, 3, 4, 5, 6, 7, 8)
            .build();

    ForceRecording trial = C3dReader.read("k.c3d", file);

    for (int i = 0; i < SAMPLES; i++) {
      assertThat(trial.leftFz()[i]).isCloseTo(PLATE1_N[i], within(1e-3));
    }
  }

  @Test
  void shouldApplyTheCalibrationMatrixRowOfFzForAType4Plate() throws Exception {
    // The matrix's Fz row is 2 x ch3 - 0.5 x ch1: ch3 carries half the (negative) force plus
    // crosstalk from ch1 that the matrix removes. Stored column-major: (row 3, column c) at 2 + 6c.
    double[][] channels = new double[6][];
    for (int c = 0; c < 6; c++) {
      channels[c] = zeros();
    }
    double[] crosstalk = new double[SAMPLES];
    double[] halfFz = new double[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      crosstalk[i] = 10 * Math.sin(i / 7.0);
      halfFz[i] = (-PLATE1_N[i] + 0.5 * crosstalk[i]) / 2;
    }
    channels[0] = crosstalk;
    channels[2] = halfFz;
    float[] cal = new float[36];
    for (int d = 0; d < 6; d++) {
      cal[d + 6 * d] = 1;
    }
    cal[2 + 6 * 2] = 2;
    cal[2 + 6 * 0] = -0.5f;
    byte[] file =
        new C3dTestFile(C3dProcessor.INTEL, true, 50f, 2, channels)
            .text("ANALOG", "UNITS", "V", "V", "V", "V", "V", "V")
            .ints("FORCE_PLATFORM", "USED", new int[0], 1)
            .ints("FORCE_PLATFORM", "TYPE", new int[] {1}, 4)
            .ints("FORCE_PLATFORM", "CHANNEL", new int[] {6, 1}, 1, 2, 3, 4, 5, 6)
            .floats("FORCE_PLATFORM", "CAL_MATRIX", new int[] {6, 6, 1}, cal)
            .build();

    ForceRecording trial = C3dReader.read("c.c3d", file);

    assertThat(trial.isNewtons()).isTrue();
    for (int i = 0; i < SAMPLES; i++) {
      assertThat(trial.leftFz()[i]).isCloseTo(PLATE1_N[i], within(1e-3));
    }
  }

  @Test
  void shouldReportNonNewtonUnitsAsWritten() throws Exception {
    C3dTestFile file = type2Float(C3dProcessor.INTEL);
    byte[] bytes =
        file.text("ANALOG", "UNITS", "V", "V", "V", "V", "V", "V", "V", "V", "V", "V", "V", "V")
            .build();

    ForceRecording trial = C3dReader.read("v.c3d", bytes);

    assertThat(trial.forceUnit()).isEqualTo("V");
    assertThat(trial.isNewtons()).isFalse();
  }

  @Test
  void shouldRejectAPlateChannelOutsideTheAnalogChannels() throws Exception {
    byte[] file =
        new C3dTestFile(C3dProcessor.INTEL, true, 50f, 2, new double[][] {zeros(), zeros()})
            .ints("FORCE_PLATFORM", "USED", new int[0], 1)
            .ints("FORCE_PLATFORM", "TYPE", new int[] {1}, 2)
            .ints("FORCE_PLATFORM", "CHANNEL", new int[] {6, 1}, 1, 2, 3, 4, 5, 6)
            .build();

    assertThatThrownBy(() -> C3dReader.read("x.c3d", file))
        .hasMessage("x.c3d:FORCE_PLATFORM:CHANNEL: channel 3 is not among the 2 analog channels");
  }

  @Test
  void shouldRejectAnalogUsedThatDisagreesWithTheHeader() throws Exception {
    byte[] file = type2Float(C3dProcessor.INTEL).ints("ANALOG", "USED", new int[0], 16).build();

    assertThatThrownBy(() -> C3dReader.read("x.c3d", file))
        .hasMessage("x.c3d:ANALOG:USED: 16 channels, but the header holds 12 per sample");
  }

  @Test
  void shouldDecodeDecFloatingPoint() {
    // VAX F-floating 1.0: sign 0, exponent 129, fraction 0: word 0x4080 stored little-endian.
    byte[] one = {(byte) 0x80, 0x40, 0, 0};

    assertThat(C3dProcessor.DEC.float32(C3dProcessor.DEC.wrap(one), 0)).isEqualTo(1.0f);
  }
}
