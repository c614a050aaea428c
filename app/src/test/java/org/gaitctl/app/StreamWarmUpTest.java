package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.gaitctl.core.time.ManualNanoClock;
import org.junit.jupiter.api.Test;

/** The wait before the belt may move, on virtual time: each pause advances the clock. */
class StreamWarmUpTest {

  private static final long STALE_LIMIT_NS = 400_000_000L;

  private final ManualNanoClock clock = new ManualNanoClock(1_000_000_000L);
  private final AtomicLong compileTimeMs = new AtomicLong();
  private final AtomicLong arrivalNs = new AtomicLong(clock.nanoTime());
  private long gapUntilNs;

  private StreamWarmUp warmUp(boolean[] cancelled) {
    return new StreamWarmUp(
        clock,
        STALE_LIMIT_NS,
        List.of(arrivalNs::get),
        () -> cancelled[0],
        compileTimeMs::get,
        pauseNs -> {
          clock.advanceNs(pauseNs);
          if (clock.nanoTime() >= gapUntilNs) {
            arrivalNs.set(clock.nanoTime()); // the stream delivers every pause
          }
        });
  }

  @Test
  void shouldStartAfterTheMinimumWhenTheStreamsAreSteadyAndTheCompilerQuiet() {
    StreamWarmUp.Result result = warmUp(new boolean[1]).await();
    assertThat(result.steady()).isTrue();
    assertThat(result.waitedS()).isBetween(3.0, 3.1);
  }

  @Test
  void shouldWaitForThreeSteadySecondsAfterTheLastLateGap() {
    gapUntilNs = clock.nanoTime() + 2_000_000_000L; // silent for the first 2 s
    StreamWarmUp.Result result = warmUp(new boolean[1]).await();
    assertThat(result.steady()).isTrue();
    assertThat(result.waitedS()).isBetween(4.9, 5.1);
    assertThat(result.longestGapMs()).isGreaterThan(1_900);
    assertThat(result.lastLateS()).isBetween(1.9, 2.1);
  }

  @Test
  void shouldWaitWhileTheJitCompilerIsBusy() {
    boolean[] cancelled = new boolean[1];
    StreamWarmUp warmUp =
        new StreamWarmUp(
            clock,
            STALE_LIMIT_NS,
            List.of(arrivalNs::get),
            () -> cancelled[0],
            () -> clock.nanoTime() < 7_000_000_000L ? clock.nanoTime() / 2_000_000 : 3_500,
            pauseNs -> {
              clock.advanceNs(pauseNs);
              arrivalNs.set(clock.nanoTime());
            });
    StreamWarmUp.Result result = warmUp.await();
    assertThat(result.steady()).isTrue();
    assertThat(result.waitedS()).isBetween(6.9, 8.1);
    assertThat(result.compilerSettledS()).isBetween(6.9, 8.1);
    assertThat(result.timeline()).contains("JIT compiler settled at 7.");
  }

  @Test
  void shouldGiveUpAfterTwentySecondsAndSayASessionWouldStopWhenAStreamIsSilentPastTheStaleLimit() {
    gapUntilNs = Long.MAX_VALUE;
    StreamWarmUp.Result result = warmUp(new boolean[1]).await();
    assertThat(result.steady()).isFalse();
    assertThat(result.waitedS()).isBetween(20.0, 20.1);
    assertThat(result.wouldStop()).isTrue();
    assertThat(result.describe())
        .contains("not steady after 20 s")
        .contains("longer than the 400 ms after which the supervisor stops the belt")
        .contains("too busy for a session now");
  }

  @Test
  void shouldSayASessionWouldStopAfterAStaleSilenceInTheLastSeconds() {
    StreamWarmUp.Result result = withSilences(150_000_000L, 450_000_000L).await();
    assertThat(result.steady()).isFalse();
    assertThat(result.wouldStop()).isTrue();
    assertThat(result.staleGapMs()).isBetween(450.0, 470.0);
  }

  @Test
  void shouldGoOnAfterLateButNotStaleSilencesAndSaySo() {
    StreamWarmUp.Result result = withSilences(150_000_000L, 150_000_000L).await();
    assertThat(result.steady()).isFalse();
    assertThat(result.wouldStop()).isFalse();
    assertThat(result.describe()).contains("the PC is busy; data may arrive late");
  }

  /**
   * A stream silent for {@code everyGapNs} once a second, so never steady, and for {@code
   * lastGapNs} from 18.5 s, inside the wait's last seconds.
   */
  private StreamWarmUp withSilences(long everyGapNs, long lastGapNs) {
    long startNs = clock.nanoTime();
    return new StreamWarmUp(
        clock,
        STALE_LIMIT_NS,
        List.of(arrivalNs::get),
        () -> false,
        compileTimeMs::get,
        pauseNs -> {
          clock.advanceNs(pauseNs);
          long sinceStartNs = clock.nanoTime() - startNs;
          long lastGapFromNs = 18_500_000_000L;
          boolean silent =
              sinceStartNs < 18_000_000_000L
                  ? sinceStartNs % 1_000_000_000L < everyGapNs
                  : sinceStartNs >= lastGapFromNs && sinceStartNs < lastGapFromNs + lastGapNs;
          if (!silent) {
            arrivalNs.set(clock.nanoTime());
          }
        });
  }

  @Test
  void shouldEndAtOnceWhenTheUserStops() {
    boolean[] cancelled = {true};
    assertThat(warmUp(cancelled).await().waitedS()).isZero();
  }
}
