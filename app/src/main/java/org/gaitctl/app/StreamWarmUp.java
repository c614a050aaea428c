package org.gaitctl.app;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.gaitctl.core.time.ArrivalTime;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.safety.ArrivalSource;

/**
 * Lets the streams run before the belt may move, until they run steadily. In its first seconds the
 * JVM compiles the readers, decoders and pipeline on its own threads, and on a busy PC the kernel
 * then delivers serial data late most often (docs/PERFORMANCE.md, "Busy PC"): several hundred
 * milliseconds at once were measured in the first two seconds of a session. Late data before the
 * start costs nothing; the same delay with the belt running holds the setpoints or, past the stale
 * limit, stops the belt. So the start waits until no stream has gone {@link #GAP_NS} without data
 * for {@link #STEADY_NS} and the JIT compiler has settled ({@link #COMPILE_MS_PER_S}), at least
 * {@link #MIN_NS} and at most {@link #MAX_NS}; after that it says how it went. A stream that went
 * longer than the supervisor's stale limit without data in the last {@link #STEADY_NS} would stop
 * the belt moments into the session: the result says so ({@link Result#wouldStop}) and the
 * pre-session check refuses the start, before the harness takes up.
 */
final class StreamWarmUp {

  /** The outcome, for the user and the log. */
  /**
   * @param longestGapMs the longest time a stream went without data during the wait
   * @param staleGapMs the longest such time in the wait's last {@link #STEADY_NS} if it exceeded
   *     the stale limit, else 0
   * @param lastLateS when data last came later than {@link #GAP_NS}, s into the wait
   * @param compilerSettledS when the JIT compiler last went below {@link #COMPILE_MS_PER_S}, s into
   *     the wait, or -1 if it never did
   */
  record Result(
      boolean steady,
      double waitedS,
      double longestGapMs,
      double staleGapMs,
      double staleLimitMs,
      double lastLateS,
      double compilerSettledS) {

    /** What held the start back, for the log: the late data or the compiler. */
    String timeline() {
      return String.format(
          Locale.ROOT,
          "data last late at %.1f s, JIT compiler settled at %s",
          lastLateS,
          compilerSettledS < 0
              ? "no point"
              : String.format(Locale.ROOT, "%.1f s", compilerSettledS));
    }

    /** A stream went silent past the stale limit just now: a session would stop at once. */
    boolean wouldStop() {
      return !steady && staleGapMs > 0;
    }

    String describe() {
      if (steady) {
        return String.format(Locale.ROOT, "Streams steady after %.1f s.", waitedS);
      }
      if (wouldStop()) {
        return String.format(
            Locale.ROOT,
            "Streams not steady after %.0f s: a stream went %.0f ms without data in the last %d s,"
                + " longer than the %.0f ms after which the supervisor stops the belt. The PC is"
                + " too busy for a session now: close other programs and start again.",
            waitedS,
            staleGapMs,
            TimeUnit.NANOSECONDS.toSeconds(STEADY_NS),
            staleLimitMs);
      }
      return String.format(
          Locale.ROOT,
          "Streams not steady after %.0f s (a gap of %.0f ms during the wait): the PC is busy;"
              + " data may arrive late during the session.",
          waitedS,
          longestGapMs);
    }
  }

  static final long MIN_NS = TimeUnit.SECONDS.toNanos(3);
  static final long STEADY_NS = TimeUnit.SECONDS.toNanos(3);
  static final long MAX_NS = TimeUnit.SECONDS.toNanos(20);
  static final long GAP_NS = TimeUnit.MILLISECONDS.toNanos(100);

  /**
   * JIT work per second of wall time below which compilation counts as settled, ms/s: a quarter of
   * one core. The compilers start at a whole core and more; after the first seconds they go on at
   * 80–300 ms/s for tens of seconds as the session reaches new code (take-up, ramp, steps), so a
   * lower bar waited for a quiet second by chance (docs/HIL.md, "Run time").
   */
  static final long COMPILE_MS_PER_S = 250;

  private static final long POLL_NS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);

  private final NanoClock clock;
  private final List<ArrivalSource> streams;
  private final BooleanSupplier cancelled;
  private final LongSupplier compileTimeMs;
  private final LongConsumer pauseNs;
  private final long staleLimitNs;

  /**
   * @param staleLimitNs the shortest silence after which the supervisor stops the belt (F01/F02)
   * @param streams the streams the supervisor will watch
   * @param cancelled true once the user asked to stop (Ctrl-C): the wait ends at once
   * @param compileTimeMs the JIT compiler's total time so far, ms
   * @param pauseNs waits between two looks (parks the thread; a test advances its clock)
   */
  StreamWarmUp(
      NanoClock clock,
      long staleLimitNs,
      List<ArrivalSource> streams,
      BooleanSupplier cancelled,
      LongSupplier compileTimeMs,
      LongConsumer pauseNs) {
    this.clock = clock;
    this.staleLimitNs = staleLimitNs;
    this.streams = List.copyOf(streams);
    this.cancelled = cancelled;
    this.compileTimeMs = compileTimeMs;
    this.pauseNs = pauseNs;
  }

  /** For this JVM: its JIT compiler's time, real pauses. */
  static StreamWarmUp forThisJvm(
      NanoClock clock, long staleLimitNs, List<ArrivalSource> streams, BooleanSupplier cancelled) {
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    LongSupplier compileTimeMs =
        compiler != null && compiler.isCompilationTimeMonitoringSupported()
            ? compiler::getTotalCompilationTime
            : () -> 0;
    return new StreamWarmUp(
        clock, staleLimitNs, streams, cancelled, compileTimeMs, LockSupport::parkNanos);
  }

  /** Waits as described above; returns early when cancelled. */
  Result await() {
    long startNs = clock.nanoTime();
    long steadySinceNs = startNs;
    long longestGapNs = 0;
    long staleGapNs = 0;
    long staleGapSeenNs = startNs;
    long compileMarkNs = startNs;
    long compileMarkMs = compileTimeMs.getAsLong();
    boolean compilerSettled = false;
    long compilerSettledNs = -1;
    while (!cancelled.getAsBoolean()) {
      long nowNs = clock.nanoTime();
      long gapNs = longestGapNow(nowNs, startNs);
      if (gapNs > GAP_NS) {
        steadySinceNs = nowNs;
        longestGapNs = Math.max(longestGapNs, gapNs);
      }
      if (gapNs > staleLimitNs) {
        // The longest stale silence still inside the last STEADY_NS.
        staleGapNs = nowNs - staleGapSeenNs > STEADY_NS ? gapNs : Math.max(staleGapNs, gapNs);
        staleGapSeenNs = nowNs;
      }
      if (nowNs - compileMarkNs >= SECOND_NS) {
        long compiledMs = compileTimeMs.getAsLong();
        boolean settledNow = compiledMs - compileMarkMs < COMPILE_MS_PER_S;
        if (settledNow && !compilerSettled) {
          compilerSettledNs = nowNs;
        }
        compilerSettled = settledNow;
        compileMarkNs = nowNs;
        compileMarkMs = compiledMs;
      }
      long waitedNs = nowNs - startNs;
      boolean steady = nowNs - steadySinceNs >= STEADY_NS && compilerSettled;
      if (waitedNs >= MIN_NS && steady) {
        return result(true, startNs, nowNs, longestGapNs, 0, steadySinceNs, compilerSettledNs);
      }
      if (waitedNs >= MAX_NS) {
        boolean recent = nowNs - staleGapSeenNs <= STEADY_NS && staleGapNs > 0;
        return result(
            false,
            startNs,
            nowNs,
            longestGapNs,
            recent ? staleGapNs : 0,
            steadySinceNs,
            compilerSettled ? compilerSettledNs : -1);
      }
      pauseNs.accept(POLL_NS);
    }
    return result(false, startNs, clock.nanoTime(), longestGapNs, 0, startNs, -1);
  }

  private Result result(
      boolean steady,
      long startNs,
      long endNs,
      long longestGapNs,
      long staleGapNs,
      long lastLateNs,
      long compilerSettledNs) {
    return new Result(
        steady,
        (endNs - startNs) / 1e9,
        longestGapNs / 1e6,
        staleGapNs / 1e6,
        staleLimitNs / 1e6,
        (lastLateNs - startNs) / 1e9,
        compilerSettledNs < 0 ? -1 : (compilerSettledNs - startNs) / 1e9);
  }

  /** The longest time any stream has now gone without data (since the start if none yet). */
  private long longestGapNow(long nowNs, long startNs) {
    long longest = 0;
    for (ArrivalSource stream : streams) {
      long arrivalNs = stream.lastArrivalNs();
      long gapNs = nowNs - (ArrivalTime.hasArrived(arrivalNs) ? arrivalNs : startNs);
      longest = Math.max(longest, gapNs);
    }
    return longest;
  }
}
