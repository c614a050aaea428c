package org.gaitctl.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.gaitctl.core.gait.GaitEventKind;
import org.gaitctl.core.gait.Side;
import org.junit.jupiter.api.Test;

class C3dReaderTest {

  private static final double CONTACT_N = 20;

  @Test
  void shouldReadViconTrialAt1000HzInNewtonsFromItsFirstFrame() throws IOException {
    ForceRecording trial = C3dReader.read(TestRecordings.path("c3d/PiG_Motion3_FF.c3d"));

    // Frames 725..1017 at 100 Hz, 10 analog samples per frame.
    assertThat(trial.sampleCount()).isEqualTo(2930);
    assertThat(trial.timeS()[1]).isCloseTo(0.001, within(1e-12));
    assertThat(trial.timeS()[2929]).isCloseTo(2.929, within(1e-9));
    assertThat(trial.isNewtons()).isTrue();
    assertThat(trial.beltSpeedMps()).isNull();
  }

  @Test
  void shouldTakeEventGroupEventsRelativeToTheFirstAnalogSample() throws IOException {
    ForceRecording trial = C3dReader.read(TestRecordings.path("c3d/PiG_Motion3_FF.c3d"));

    // EVENT:TIMES are seconds from frame 1; the trial starts at frame 725, i.e. 7.24 s.
    List<ReferenceEvent> events = trial.referenceEvents();
    assertThat(events).hasSize(12);
    assertEvent(events.get(0), Side.RIGHT, GaitEventKind.HEEL_STRIKE, 7.31 - 7.24);
    assertEvent(events.get(1), Side.LEFT, GaitEventKind.TOE_OFF, 7.43 - 7.24);
    assertEvent(events.get(2), Side.LEFT, GaitEventKind.HEEL_STRIKE, 7.85 - 7.24);
    assertEvent(events.get(11), Side.RIGHT, GaitEventKind.TOE_OFF, 10.14 - 7.24);
  }

  @Test
  void shouldAssignPlatesLeftRightLeftFromTheTrialsHeelStrikes() throws IOException {
    ForceRecording trial = C3dReader.read(TestRecordings.path("c3d/PiG_Motion3_FF.c3d"));

    assertThat(trial.source()).isEqualTo("PiG_Motion3_FF.c3d (plates 1:L 2:R 3:L by events)");
    assertLoadRisesAt(trial, Side.LEFT, 7.85 - 7.24);
    assertLoadRisesAt(trial, Side.RIGHT, 8.38 - 7.24);
    assertLoadRisesAt(trial, Side.LEFT, 8.93 - 7.24);
  }

  @Test
  void shouldCarryBodyWeightInSingleSupport() throws IOException {
    ForceRecording trial = C3dReader.read(TestRecordings.path("c3d/PiG_Motion3_FF.c3d"));

    // Left single support: right toe off 7.97 s to right heel strike 8.38 s; then the mirror.
    assertThat(mean(trial, trial.leftFz(), 7.97 - 7.24, 8.38 - 7.24)).isBetween(600.0, 900.0);
    assertThat(mean(trial, trial.rightFz(), 8.51 - 7.24, 8.93 - 7.24)).isBetween(600.0, 900.0);
    assertThat(max(trial.leftFz())).isBetween(700.0, 1100.0);
  }

  @Test
  void shouldPutTheCentreOfPressureUnderTheFootAndMoveItHeelToToe() throws IOException {
    ForceRecording trial = C3dReader.read(TestRecordings.path("c3d/PiG_Motion3_FF.c3d"));

    // Travel is along lab +Y. At 0.86 s (left mid-stance on plate 1) the file's own markers put
    // the left heel (LHEE) at Y = -481 mm and the left toe (LTOE) at Y = -251 mm.
    assertThat(trial.leftCopApM()[indexAt(trial, 0.86)]).isBetween(-0.481, -0.251);
    assertRollsForward(trial, trial.leftCopApM(), 7.85 - 7.24, 8.51 - 7.24);
    assertRollsForward(trial, trial.rightCopApM(), 8.38 - 7.24, 9.02 - 7.24);
    assertRollsForward(trial, trial.leftCopApM(), 8.93 - 7.24, 9.59 - 7.24);
  }

  @Test
  void shouldGiveTheSameCentreOfPressureFromFloatAndIntegerStorage() throws IOException {
    ForceRecording real = C3dReader.read(TestRecordings.path("c3d/pc_real.c3d"));
    ForceRecording integer = C3dReader.read(TestRecordings.path("c3d/pc_int.c3d"));

    assertRollsForward(real, real.rightCopApM(), 0.38, 0.92);
    assertRollsForward(real, real.leftCopApM(), 0.84, 1.40);
    for (int i = 0; i < real.sampleCount(); i++) {
      assertThat(integer.leftCopApM()[i]).isCloseTo(real.leftCopApM()[i], within(0.005));
      assertThat(integer.rightCopApM()[i]).isCloseTo(real.rightCopApM()[i], within(0.005));
    }
  }

  /** From 20 % to 80 % of the contact, the centre of pressure moves 10 to 30 cm forward. */
  private static void assertRollsForward(
      ForceRecording trial, double[] copM, double heelStrikeS, double toeOffS) {
    double stanceS = toeOffS - heelStrikeS;
    double early = copM[indexAt(trial, heelStrikeS + 0.2 * stanceS)];
    double late = copM[indexAt(trial, heelStrikeS + 0.8 * stanceS)];
    assertThat(late - early).isBetween(0.10, 0.30);
  }

  @Test
  void shouldReadHeaderEventsAndAssignPlatesOfSample02() throws IOException {
    ForceRecording trial = C3dReader.read(TestRecordings.path("c3d/pc_real.c3d"));

    // 89 frames at 50 Hz, 4 analog samples per frame: 200 Hz.
    assertThat(trial.sampleCount()).isEqualTo(356);
    assertThat(trial.timeS()[1]).isCloseTo(0.005, within(1e-12));
    assertThat(trial.isNewtons()).as("ANALOG:UNITS 'nt'").isTrue();
    assertThat(trial.source()).isEqualTo("pc_real.c3d (plates 1:L 2:R by events)");
    // Header labels RHS, LHS, RTO, LTO are gait events; STRT, RMS, LMS, STOP, EOF are not.
    assertThat(trial.referenceEvents())
        .extracting(ReferenceEvent::side, ReferenceEvent::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Side.RIGHT, GaitEventKind.HEEL_STRIKE),
            org.assertj.core.groups.Tuple.tuple(Side.LEFT, GaitEventKind.HEEL_STRIKE),
            org.assertj.core.groups.Tuple.tuple(Side.RIGHT, GaitEventKind.TOE_OFF),
            org.assertj.core.groups.Tuple.tuple(Side.LEFT, GaitEventKind.TOE_OFF));
    assertThat(trial.referenceEvents().get(0).timeS()).isCloseTo(0.38, within(1e-6));
    assertLoadRisesAt(trial, Side.RIGHT, 0.38);
    assertLoadRisesAt(trial, Side.LEFT, 0.84);
  }

  @Test
  void shouldRemoveTheZeroBaselineAndMakeLoadingPositive() throws IOException {
    ForceRecording trial = C3dReader.read(TestRecordings.path("c3d/pc_real.c3d"));

    // FORCE_PLATFORM:ZERO = [1, 10]: the unloaded first frames average to zero.
    assertThat(mean(trial, trial.leftFz(), 0, 0.2)).isCloseTo(0, within(2.0));
    assertThat(mean(trial, trial.rightFz(), 0, 0.2)).isCloseTo(0, within(2.0));
    assertThat(max(trial.rightFz())).isBetween(700.0, 1000.0);
    assertThat(mean(trial, trial.rightFz(), 0.5, 0.8)).isBetween(500.0, 900.0);
  }

  @Test
  void shouldGiveTheSameForcesFromFloatAndIntegerStorageWithinOneQuantum() throws IOException {
    ForceRecording real = C3dReader.read(TestRecordings.path("c3d/pc_real.c3d"));
    ForceRecording integer = C3dReader.read(TestRecordings.path("c3d/pc_int.c3d"));

    // One ADC count of the Fz channels: |ANALOG:SCALE| 1.526 x GEN_SCALE 0.5.
    double quantumN = 1.526 * 0.5;
    assertThat(integer.sampleCount()).isEqualTo(real.sampleCount());
    assertThat(integer.referenceEvents()).isEqualTo(real.referenceEvents());
    for (int i = 0; i < real.sampleCount(); i++) {
      assertThat(integer.leftFz()[i]).isCloseTo(real.leftFz()[i], within(quantumN));
      assertThat(integer.rightFz()[i]).isCloseTo(real.rightFz()[i], within(quantumN));
    }
  }

  @Test
  void shouldRejectTruncatedFileNamingWhereItEnds() throws IOException {
    byte[] bytes = Files.readAllBytes(TestRecordings.path("c3d/pc_int.c3d"));

    assertThatThrownBy(() -> C3dReader.read("cut.c3d", Arrays.copyOf(bytes, 20_000)))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessage(
            "cut.c3d:offset 20000: truncated: 89 frames need 43168 bytes, the file has 20000");
    assertThatThrownBy(() -> C3dReader.read("cut.c3d", Arrays.copyOf(bytes, 300)))
        .hasMessage("cut.c3d:offset 300: truncated: the header block needs 512 bytes");
  }

  @Test
  void shouldRejectBadParameterPointer() throws IOException {
    byte[] bytes = Files.readAllBytes(TestRecordings.path("c3d/pc_int.c3d"));
    bytes[0] = (byte) 200;

    assertThatThrownBy(() -> C3dReader.read("bad.c3d", bytes))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessage(
            "bad.c3d:offset 0: bad parameter pointer: block 200 is outside the file (43520 bytes)");
  }

  @Test
  void shouldRejectUnknownProcessorTypeAndNonC3dFiles() throws IOException {
    byte[] bytes = Files.readAllBytes(TestRecordings.path("c3d/pc_int.c3d"));
    byte[] unknownProcessor = bytes.clone();
    unknownProcessor[512 + 3] = 99;
    byte[] notC3d = bytes.clone();
    notC3d[1] = 0;

    assertThatThrownBy(() -> C3dReader.read("p.c3d", unknownProcessor))
        .hasMessage("p.c3d:offset 515: processor type 99 is not 84 (Intel), 85 (DEC) or 86 (MIPS)");
    assertThatThrownBy(() -> C3dReader.read("n.c3d", notC3d))
        .hasMessage("n.c3d:offset 1: not a C3D file: key byte is 0, expected 80");
  }

  @Test
  void shouldRejectParameterPointerLeavingTheSection() throws IOException {
    byte[] bytes = Files.readAllBytes(TestRecordings.path("c3d/pc_int.c3d"));
    // First entry at 516: name length, id, name, then the 16-bit pointer to the next entry.
    int nameLength = Math.abs(bytes[516]);
    int pointerAt = 516 + 2 + nameLength;
    bytes[pointerAt] = (byte) 0xFF;
    bytes[pointerAt + 1] = (byte) 0x7F;

    assertThatThrownBy(() -> C3dReader.read("p.c3d", bytes))
        .hasMessage(
            "p.c3d:offset "
                + pointerAt
                + ": pointer to the next parameter (32767) leaves the parameter section");
  }

  private static void assertEvent(ReferenceEvent e, Side side, GaitEventKind kind, double timeS) {
    assertThat(e.side()).isEqualTo(side);
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.timeS()).isCloseTo(timeS, within(1e-5));
  }

  /** The foot's force is unloaded 40 ms before its heel strike and loaded 40 ms after. */
  private static void assertLoadRisesAt(ForceRecording trial, Side side, double heelStrikeS) {
    double[] fz = side == Side.LEFT ? trial.leftFz() : trial.rightFz();
    assertThat(fz[indexAt(trial, heelStrikeS - 0.04)]).isLessThan(CONTACT_N);
    assertThat(fz[indexAt(trial, heelStrikeS + 0.04)]).isGreaterThan(CONTACT_N);
  }

  private static int indexAt(ForceRecording trial, double timeS) {
    int i = Arrays.binarySearch(trial.timeS(), timeS);
    return i >= 0 ? i : -i - 1;
  }

  private static double mean(ForceRecording trial, double[] fz, double fromS, double toS) {
    double sum = 0;
    int from = indexAt(trial, fromS);
    int to = indexAt(trial, toS);
    for (int i = from; i < to; i++) {
      sum += fz[i];
    }
    return sum / (to - from);
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElseThrow();
  }
}
