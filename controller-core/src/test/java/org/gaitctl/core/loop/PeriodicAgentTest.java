package org.gaitctl.core.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gaitctl.core.time.ManualNanoClock;
import org.junit.jupiter.api.Test;

/** The deadline loop stepped by hand on virtual time. */
class PeriodicAgentTest {

  private static final long PERIOD_NS = 10_000_000L;

  private final ManualNanoClock clock = new ManualNanoClock(1_000_000_000L);
  private final List<Long> cycles = new ArrayList<>();
  private final List<Throwable> errors = new ArrayList<>();
  private long cycleDurationNs;
  private boolean failNext;

  private final PeriodicCycle recorder =
      new PeriodicCycle() {
        @Override
        public void doWork(long nowNs) {
          cycles.add(nowNs);
          clock.advanceNs(cycleDurationNs);
          if (failNext) {
            failNext = false;
            throw new IllegalStateException("cycle bug");
          }
        }

        @Override
        public void onCycleError(Throwable error) {
          errors.add(error);
        }

        @Override
        public String roleName() {
          return "recorder";
        }
      };

  private final PeriodicAgent agent = new PeriodicAgent(recorder, clock, PERIOD_NS);

  @Test
  void shouldRunOnDeadlinesThatAddThePeriodToThePreviousDeadline() {
    cycleDurationNs = 3_000_000L;
    while (clock.nanoTime() < 1_045_000_000L) {
      agent.doWork();
      clock.advanceNs(1_000_000L);
    }
    assertThat(cycles)
        .containsExactly(
            1_000_000_000L, 1_010_000_000L, 1_020_000_000L, 1_030_000_000L, 1_040_000_000L);
    assertThat(agent.counters().get(LoopCounter.CYCLES)).isEqualTo(5);
    assertThat(agent.counters().get(LoopCounter.SKIPPED_DEADLINES)).isZero();
  }

  @Test
  void shouldDoNothingBeforeTheDeadline() {
    assertThat(agent.doWork()).isEqualTo(1);
    clock.advanceNs(PERIOD_NS - 1);
    assertThat(agent.doWork()).isZero();
    assertThat(agent.nextDeadlineNs()).isEqualTo(1_000_000_000L + PERIOD_NS);
  }

  @Test
  void shouldRunOnceAfterALongCycleAndSkipAndCountTheOtherMissedDeadlines() {
    cycleDurationNs = 35_000_000L; // 3.5 periods
    agent.doWork();
    cycleDurationNs = 0;
    agent.doWork();
    agent.doWork();
    clock.advanceNs(5_000_000L);
    agent.doWork();
    assertThat(cycles)
        .as("one late cycle at the last passed deadline's time, then back on the grid")
        .containsExactly(1_000_000_000L, 1_035_000_000L, 1_040_000_000L);
    assertThat(agent.counters().get(LoopCounter.SKIPPED_DEADLINES)).isEqualTo(2);
  }

  @Test
  void shouldHandACycleThatThrewToItsOwnerAndGoOn() {
    failNext = true;
    agent.doWork();
    clock.advanceNs(PERIOD_NS);
    agent.doWork();
    assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("cycle bug");
    assertThat(cycles).hasSize(2);
    assertThat(agent.counters().get(LoopCounter.CYCLE_ERRORS)).isEqualTo(1);
  }
}
