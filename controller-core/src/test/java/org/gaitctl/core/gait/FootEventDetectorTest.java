package org.gaitctl.core.gait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FootEventDetectorTest {

  private static final long MS = 1_000_000L;

  private final FootEventDetector detector =
      new FootEventDetector(Side.LEFT, EventSettings.newtonDefaults());

  private record Event(FootEventDetector.Outcome kind, long timeNs) {}

  private final List<Event> events = new ArrayList<>();

  private FootEventDetector.Outcome feed(long timeNs, double forceN) {
    FootEventDetector.Outcome event = detector.onSample(timeNs, forceN);
    if (event == FootEventDetector.Outcome.HEEL_STRIKE
        || event == FootEventDetector.Outcome.TOE_OFF) {
      events.add(new Event(event, detector.eventTimeNs()));
    }
    return event;
  }

  /** A linear ramp force, one sample per {@code periodMs}. */
  private void ramp(long fromMs, long toMs, long periodMs, double fromN, double toN) {
    for (long t = fromMs; t < toMs; t += periodMs) {
      double f = fromN + (toN - fromN) * (t - fromMs) / (double) (toMs - fromMs);
      feed(t * MS, f);
    }
  }

  @Test
  void shouldTimeHeelStrikeAtInterpolatedCrossingOfToeOffLevel() {
    feed(0, 0);
    feed(3 * MS, 0);
    feed(6 * MS, 4);
    feed(9 * MS, 40);
    // reported once the force has stayed above 20 N for 20 ms, timed at the 10 N crossing
    assertThat(events).isEmpty();
    ramp(12, 40, 3, 60, 200);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).kind()).isEqualTo(FootEventDetector.Outcome.HEEL_STRIKE);
    // 10 N lies 6/36 of the way from 6 ms (4 N) to 9 ms (40 N)
    assertThat(events.get(0).timeNs()).isEqualTo(6 * MS + 500_000L);
  }

  @Test
  void shouldGiveNoHeelStrikeWhenForceBouncesJustAfterToeOff() {
    feed(0, 0);
    ramp(10, 300, 3, 0, 600);
    ramp(300, 600, 3, 600, 0);
    feed(603 * MS, 0);
    // force bounces to 60 N for 30 ms, 30 ms after toe off
    feed(627 * MS, 0);
    ramp(630, 660, 3, 60, 60);
    feed(663 * MS, 5);
    ramp(666, 900, 3, 0, 0);
    long heelStrikes =
        events.stream().filter(e -> e.kind() == FootEventDetector.Outcome.HEEL_STRIKE).count();
    assertThat(heelStrikes).isEqualTo(1);
    assertThat(detector.suppressedHeelStrikes()).isEqualTo(1);
  }

  @Test
  void shouldKeepStanceThroughShortDipBelowThresholdAfterHeelStrike() {
    feed(0, 0);
    ramp(3, 40, 3, 50, 300);
    // a dip below the toe-off threshold 40 ms after heel strike
    feed(42 * MS, 5);
    ramp(45, 400, 3, 300, 300);
    feed(403 * MS, 0);
    assertThat(events)
        .extracting(e -> e.kind())
        .containsExactly(FootEventDetector.Outcome.HEEL_STRIKE, FootEventDetector.Outcome.TOE_OFF);
  }

  @Test
  void shouldResetWithoutInventingEventsAcrossAGap() {
    feed(0, 0);
    ramp(3, 30, 3, 300, 300);
    assertThat(events).hasSize(1);
    // 500 ms without data, then the foot is unloaded: no toe off is invented
    assertThat(feed(527 * MS, 0)).isEqualTo(FootEventDetector.Outcome.GAP);
    feed(530 * MS, 0);
    assertThat(events).hasSize(1);
    assertThat(detector.gaps()).isEqualTo(1);
    // the next real contact is detected normally
    feed(700 * MS, 0);
    ramp(703, 730, 3, 300, 300);
    assertThat(events).hasSize(2);
    assertThat(events.get(1).kind()).isEqualTo(FootEventDetector.Outcome.HEEL_STRIKE);
  }

  @Test
  void shouldIgnoreANoiseSpikeShorterThanTheConfirmationTime() {
    ramp(0, 300, 10, 0, 0);
    // an unloaded force plate's noise: 25 N for 10 ms
    feed(300 * MS, 25);
    feed(310 * MS, 24);
    ramp(320, 600, 10, 0, 0);
    assertThat(events).isEmpty();
  }

  @Test
  void shouldDropSamplesThatAreNotLaterThanThePreviousOne() {
    feed(10 * MS, 0);
    assertThat(feed(10 * MS, 500)).isEqualTo(FootEventDetector.Outcome.NONE);
    assertThat(feed(5 * MS, 500)).isEqualTo(FootEventDetector.Outcome.NONE);
    assertThat(feed(11 * MS, Double.NaN)).isEqualTo(FootEventDetector.Outcome.NONE);
    assertThat(detector.droppedSamples()).isEqualTo(3);
    assertThat(detector.loaded()).isFalse();
  }

  @Test
  void shouldTimeEventsWithinAMillisecondUnderIrregularSampling() {
    Random random = new Random(7);
    double heelStrikeS = 0.5;
    double toeOffS = 1.2;
    double t = 0;
    while (t < 2.0) {
      double f = 0;
      if (t >= heelStrikeS && t < toeOffS) {
        f = 800 * Math.sin(Math.PI * (t - heelStrikeS) / (toeOffS - heelStrikeS));
      }
      feed(Math.round(t * 1e9), f);
      t += 0.002 + 0.004 * random.nextDouble();
    }
    assertThat(events).hasSize(2);
    // the level (10 N) is reached 2.8 ms after contact; linear interpolation of a sine
    assertThat(events.get(0).timeNs() * 1e-9).isCloseTo(heelStrikeS, within(0.004));
    assertThat(events.get(1).timeNs() * 1e-9).isCloseTo(toeOffS, within(0.004));
  }

  @Test
  void shouldFindEventsOfUncalibratedSignalWithRelativeThresholds() {
    FootEventDetector relative =
        new FootEventDetector(Side.RIGHT, EventSettings.relativeDefaults());
    int heelStrikes = 0;
    for (int i = 0; i < 300 * 20; i++) {
      double t = i / 300.0;
      double phase = (t % 1.0) / 1.0;
      // offset 1500 units, 0..1200 units of load in the first 60 % of each second
      double value = 1500 + (phase < 0.6 ? 1200 * Math.sin(Math.PI * phase / 0.6) : 0);
      if (relative.onSample(Math.round(t * 1e9), value) == FootEventDetector.Outcome.HEEL_STRIKE) {
        heelStrikes++;
        assertThat((relative.eventTimeNs() * 1e-9) % 1.0).isLessThan(0.02);
      }
    }
    // warm-up of 2 s: contacts from the third second on
    assertThat(heelStrikes).isBetween(17, 18);
  }
}
