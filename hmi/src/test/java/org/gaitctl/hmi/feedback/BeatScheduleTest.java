package org.gaitctl.hmi.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.gaitctl.core.time.ManualNanoClock;
import org.junit.jupiter.api.Test;

class BeatScheduleTest {

  private static final long MS = 1_000_000L;
  private static final long START_NS = 5_000 * MS;

  private final ManualNanoClock clock = new ManualNanoClock(START_NS);
  private final BeatSchedule schedule = new BeatSchedule();

  @Test
  void shouldBeatAtOnceWhenSwitchedOnAndThenEveryIntervalOfTheCadence() {
    schedule.setCadence(120.0, clock.nanoTime());

    assertThat(schedule.takeBeatIfDue(clock.nanoTime())).isTrue();
    assertThat(schedule.nextBeatNs()).isEqualTo(START_NS + 500 * MS);
    clock.advanceNs(499 * MS);
    assertThat(schedule.takeBeatIfDue(clock.nanoTime())).isFalse();
    clock.advanceNs(MS);
    assertThat(schedule.takeBeatIfDue(clock.nanoTime())).isTrue();
  }

  @Test
  void shouldNotDriftWhenEachBeatIsTakenLate() {
    // 90 steps/min: 666.666... ms, not a whole number of ns; each beat taken 3 ms late.
    schedule.setCadence(90.0, START_NS);
    long beatNs = START_NS;
    for (int i = 0; i < 9000; i++) {
      assertThat(schedule.takeBeatIfDue(beatNs + 3 * MS)).isTrue();
      beatNs = schedule.nextBeatNs();
    }

    // 9000 beats at 90 steps/min are exactly 100 min after the first.
    assertThat(beatNs).isEqualTo(START_NS + 100L * 60_000 * MS);
    assertThat(schedule.skippedBeats()).isZero();
  }

  @Test
  void shouldSkipAndCountMissedBeatsInsteadOfPlayingThemInABurst() {
    schedule.setCadence(60.0, START_NS);
    schedule.takeBeatIfDue(START_NS);

    List<Boolean> taken = new ArrayList<>();
    long lateNs = START_NS + 3_500 * MS;
    taken.add(schedule.takeBeatIfDue(lateNs));
    taken.add(schedule.takeBeatIfDue(lateNs));

    assertThat(taken).containsExactly(true, false);
    assertThat(schedule.skippedBeats()).isEqualTo(2);
    assertThat(schedule.nextBeatNs()).isEqualTo(START_NS + 4_000 * MS);
  }

  @Test
  void shouldTakeTheNewIntervalFromTheLastBeatWhenTheCadenceChangesLive() {
    schedule.setCadence(60.0, START_NS);
    schedule.takeBeatIfDue(START_NS);

    schedule.setCadence(120.0, START_NS + 200 * MS);
    assertThat(schedule.nextBeatNs()).isEqualTo(START_NS + 500 * MS);

    schedule.setCadence(30.0, START_NS + 300 * MS);
    assertThat(schedule.nextBeatNs()).isEqualTo(START_NS + 2_000 * MS);
  }

  @Test
  void shouldBeatAtOnceWhenTheNewIntervalFromTheLastBeatHasAlreadyPassed() {
    schedule.setCadence(30.0, START_NS);
    schedule.takeBeatIfDue(START_NS);

    schedule.setCadence(200.0, START_NS + 1_000 * MS);

    assertThat(schedule.nextBeatNs()).isEqualTo(START_NS + 1_000 * MS);
  }

  @Test
  void shouldStopBeatingAtZeroAndStartAfreshWhenSwitchedOnAgain() {
    schedule.setCadence(100.0, START_NS);
    schedule.takeBeatIfDue(START_NS);

    schedule.setCadence(0.0, START_NS + 100 * MS);
    assertThat(schedule.isOn()).isFalse();
    assertThat(schedule.takeBeatIfDue(START_NS + 10_000 * MS)).isFalse();
    assertThatThrownBy(schedule::nextBeatNs).isInstanceOf(IllegalStateException.class);

    schedule.setCadence(100.0, START_NS + 20_000 * MS);
    assertThat(schedule.nextBeatNs()).isEqualTo(START_NS + 20_000 * MS);
    assertThat(schedule.skippedBeats()).isZero();
  }

  @Test
  void shouldRejectACadenceOutsideTheProtocolsRangeAndKeepTheOldOne() {
    schedule.setCadence(100.0, START_NS);

    for (double bad : new double[] {10.0, 201.0, -60.0, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> schedule.setCadence(bad, START_NS))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("steps/min");
    }
    assertThat(schedule.cadenceStepsPerMin()).isEqualTo(100.0);
  }
}
