package org.gaitctl.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gaitctl.core.gait.GaitEventKind;
import org.gaitctl.core.gait.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class C3dWriterTest {

  private static final double RATE_HZ = 300;
  private static final double STRIDE_S = 1.1;
  private static final double STANCE_S = 0.66;

  @TempDir Path dir;

  /** Alternating stances: half-sine of 700 N, right foot half a stride after the left. */
  private record Walk(double[] left, double[] right, List<ReferenceEvent> events) {}

  private static Walk walk(int samples) {
    double[] left = new double[samples];
    double[] right = new double[samples];
    List<ReferenceEvent> events = new ArrayList<>();
    double durationS = (samples - 1) / RATE_HZ;
    for (double strike = 0.2; strike + STANCE_S < durationS; strike += STRIDE_S / 2) {
      int n = (int) Math.round((strike - 0.2) / (STRIDE_S / 2));
      Side side = n % 2 == 0 ? Side.LEFT : Side.RIGHT;
      double[] fz = side == Side.LEFT ? left : right;
      int from = (int) Math.floor(strike * RATE_HZ);
      int to = Math.min(samples, (int) Math.ceil((strike + STANCE_S) * RATE_HZ) + 1);
      for (int i = from; i < to; i++) {
        double t = i / RATE_HZ - strike;
        if (t >= 0 && t <= STANCE_S) {
          fz[i] = 700 * Math.sin(Math.PI * t / STANCE_S);
        }
      }
      events.add(new ReferenceEvent(side, GaitEventKind.HEEL_STRIKE, strike + 0.0012345));
      events.add(new ReferenceEvent(side, GaitEventKind.TOE_OFF, strike + STANCE_S - 0.0004321));
    }
    events.sort((a, b) -> Double.compare(a.timeS(), b.timeS()));
    return new Walk(left, right, events);
  }

  @Test
  void shouldReadBackChannelsUnitsRateAndEventsWrittenThroughTheC3dReader() throws IOException {
    Walk walk = walk(3000);
    Path file = dir.resolve("walk.c3d");

    C3dWriter.write(file, RATE_HZ, walk.left(), walk.right(), walk.events());
    ForceRecording read = C3dReader.read(file);

    assertThat(read.forceUnit()).isEqualTo(ForceRecording.NEWTONS);
    assertThat(read.sampleCount()).isEqualTo(3000);
    assertThat(read.timeS()[1] - read.timeS()[0]).isCloseTo(1 / RATE_HZ, within(1e-12));
    for (int i = 0; i < 3000; i++) {
      assertThat(read.leftFz()[i]).isCloseTo(walk.left()[i], within(1e-3));
      assertThat(read.rightFz()[i]).isCloseTo(walk.right()[i], within(1e-3));
    }
    assertSameEvents(read.referenceEvents(), walk.events());
  }

  @Test
  void shouldPackSeveralSamplesIntoAFrameWhenTheTrialOutgrowsSixteenBitFrameNumbers()
      throws IOException {
    int samples = 70_000;
    Walk walk = walk(samples);

    ForceRecording read =
        C3dReader.read("long.c3d", C3dWriter.bytes(RATE_HZ, walk.left(), walk.right(), List.of()));

    assertThat(read.sampleCount()).isBetween(samples, samples + 1);
    assertThat(read.leftFz()[samples - 1]).isCloseTo(walk.left()[samples - 1], within(1e-3));
    assertThat(read.timeS()[1]).isCloseTo(1 / RATE_HZ, within(1e-12));
  }

  @Test
  void shouldReadBackATrialThatStartsWithBothFeetStandingAndTheRightFootStrikingFirst()
      throws IOException {
    Walk walk = walk(3000);
    double[] left = walk.right().clone();
    double[] right = walk.left().clone();
    // The left foot stands from the first sample until 0.3 s, through the right's strike at 0.2 s.
    for (int i = 0; i <= 90; i++) {
      left[i] = 350;
    }
    List<ReferenceEvent> events = new ArrayList<>();
    for (ReferenceEvent e : walk.events()) {
      events.add(new ReferenceEvent(e.side().opposite(), e.kind(), e.timeS()));
    }

    ForceRecording read =
        C3dReader.read("standing.c3d", C3dWriter.bytes(RATE_HZ, left, right, events));

    assertThat(read.leftFz()[100]).isCloseTo(left[100], within(1e-3));
    assertThat(read.rightFz()[100]).isCloseTo(right[100], within(1e-3));
    assertSameEvents(read.referenceEvents(), events);
  }

  @Test
  void shouldContinueTheEventArraysPast255EventsAndReadThemBackInOrder() throws IOException {
    // 1,000 events: LABELS, LABELS2 .. LABELS4 (255 each), as BTK reads them.
    Walk walk = walk(sampleCountForEvents(1000));
    List<ReferenceEvent> events = walk.events().subList(0, 1000);
    Path file = dir.resolve("thousand.c3d");

    C3dWriter.write(file, RATE_HZ, walk.left(), walk.right(), events);
    ForceRecording read = C3dReader.read(file);

    assertSameEvents(read.referenceEvents(), events);
  }

  @Test
  void shouldWriteAThirtyMinuteSessionsEventsThoughTheParameterSectionOutgrows255Blocks()
      throws IOException {
    // About 3,600 steps in 30 minutes: 7,200 events, a parameter section of over 400 blocks.
    Walk walk = walk(sampleCountForEvents(7200));
    List<ReferenceEvent> events = walk.events().subList(0, 7200);

    ForceRecording read =
        C3dReader.read("thirty.c3d", C3dWriter.bytes(RATE_HZ, walk.left(), walk.right(), events));

    assertSameEvents(read.referenceEvents(), events);
  }

  /** Samples of a walk with at least {@code events} events (two per half stride). */
  private static int sampleCountForEvents(int events) {
    return (int) ((events / 2 + 2) * STRIDE_S / 2 * RATE_HZ) + 1000;
  }

  private static void assertSameEvents(List<ReferenceEvent> read, List<ReferenceEvent> written) {
    assertThat(read).hasSameSizeAs(written);
    for (int i = 0; i < written.size(); i++) {
      assertThat(read.get(i).side()).isEqualTo(written.get(i).side());
      assertThat(read.get(i).kind()).isEqualTo(written.get(i).kind());
      assertThat(read.get(i).timeS()).isCloseTo(written.get(i).timeS(), within(1e-5));
    }
  }
}
