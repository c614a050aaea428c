package org.gaitctl.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gaitctl.sim.modbus.RtuFrames.withCrc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framing of RTU requests on virtual time: arrival times are given, nothing waits. */
class RtuRequestFramerTest {

  private static final long SILENCE_NS = RtuRequestFramer.interFrameSilenceNs(115_200, 11);

  private final List<String> frames = new ArrayList<>();
  private final RtuRequestFramer framer =
      new RtuRequestFramer(
          SILENCE_NS, (unit, pdu) -> frames.add(unit + ":" + Arrays.toString(pdu)));

  @Test
  void shouldUseTheSpecsInterFrameSilenceOfThreeAndAHalfCharacters() {
    assertThat(RtuRequestFramer.interFrameSilenceNs(9_600, 11)).isEqualTo(4_010_417L);
    assertThat(RtuRequestFramer.interFrameSilenceNs(115_200, 11)).isEqualTo(1_750_000L);
  }

  @Test
  void shouldJoinAStandardFrameThatArrivesInPiecesWithinTheSilence() {
    byte[] read = withCrc(1, 4, 0, 0, 0, 1);
    framer.onBytes(Arrays.copyOfRange(read, 0, 3), 3, 0);
    framer.onBytes(Arrays.copyOfRange(read, 3, 8), 5, SILENCE_NS / 2);

    assertThat(frames).containsExactly("1:[4, 0, 0, 0, 1]");
  }

  @Test
  void shouldEndAnUnknownFunctionCodesFrameAtItsCrcAndKeepTheFrameBehindIt() {
    byte[] diagnostics = withCrc(1, 8, 0, 0, 0x12, 0x34);
    byte[] read = withCrc(2, 3, 0, 1, 0, 2);
    byte[] both = new byte[diagnostics.length + read.length];
    System.arraycopy(diagnostics, 0, both, 0, diagnostics.length);
    System.arraycopy(read, 0, both, diagnostics.length, read.length);

    framer.onBytes(both, both.length, 0);

    assertThat(frames).containsExactly("1:[8, 0, 0, 18, 52]", "2:[3, 0, 1, 0, 2]");
  }

  @Test
  void shouldTakeAMultipleRegisterWriteByItsByteCount() {
    framer.onBytes(withCrc(2, 16, 0, 1, 0, 1, 2, 0, 100), 11, 0);

    assertThat(frames).containsExactly("2:[16, 0, 1, 0, 1, 2, 0, 100]");
  }

  @Test
  void shouldDropAStandardFrameWithAWrongCrcAndTakeTheNext() {
    byte[] corrupted = withCrc(1, 4, 0, 0, 0, 1);
    corrupted[7] ^= 0x5A;
    framer.onBytes(corrupted, corrupted.length, 0);
    framer.onBytes(withCrc(1, 4, 0, 0, 0, 1), 8, 1_000);

    assertThat(frames).containsExactly("1:[4, 0, 0, 0, 1]");
    assertThat(framer.crcErrors()).isEqualTo(1);
  }

  @Test
  void shouldDiscardAGarbledUnknownFrameAtTheNextSilence() {
    byte[] corrupted = withCrc(1, 0x2B, 0x0E, 1, 0);
    corrupted[6] ^= 0x5A;
    framer.onBytes(corrupted, corrupted.length, 0);
    framer.onBytes(withCrc(1, 4, 0, 0, 0, 1), 8, SILENCE_NS);

    assertThat(frames).containsExactly("1:[4, 0, 0, 0, 1]");
    assertThat(framer.discardedBytes()).isEqualTo(corrupted.length);
  }

  @Test
  void shouldDiscardAFullFramesWorthOfBytesWithNoFrameInThem() {
    byte[] noise = new byte[RtuRequestFramer.MAX_FRAME_BYTES];
    Arrays.fill(noise, (byte) 0x55);
    framer.onBytes(noise, noise.length, 0);
    framer.onBytes(withCrc(1, 4, 0, 0, 0, 1), 8, 1_000);

    assertThat(frames).containsExactly("1:[4, 0, 0, 0, 1]");
    assertThat(framer.discardedBytes()).isEqualTo(noise.length);
  }
}
