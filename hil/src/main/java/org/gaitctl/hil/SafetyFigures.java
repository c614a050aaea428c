package org.gaitctl.hil;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;

/**
 * The safety figures of docs/SAFETY.md section 9 aggregated over a library run, each measured from
 * outside the controller: (a) a supervised fault detected (the controller's FAULT journal record) →
 * the stop command on the wire; (b) SIGKILL of the controller → the belt ramping down and → the
 * drive's watchdog trip; (c) the emulated fall's onset → BWS HOLD commanded and → belt stop
 * commanded.
 */
public final class SafetyFigures {

  /** The latency ScenarioRun measures from the journal's first fault after the injection. */
  static final String FAULT_TO_STOP = "fault detected → stop on the wire";

  /** One figure over the runs that measured it, ms; {@code targetMs} applies to {@code onMs}. */
  record Row(
      String name,
      long count,
      double p50Ms,
      double p99Ms,
      double maxMs,
      String target,
      boolean met) {

    String describe() {
      return count == 0
          ? String.format(Locale.ROOT, "%-52s no run measured it (target %s)", name, target)
          : String.format(
              Locale.ROOT,
              "%-52s n=%d p50 %.1f ms, p99 %.1f ms, max %.1f ms (target %s: %s)",
              name,
              count,
              p50Ms,
              p99Ms,
              maxMs,
              target,
              met ? "met" : "NOT MET");
    }
  }

  private static final long MAX_US = 600_000_000L;

  private SafetyFigures() {}

  /** One line a figure, for the end of {@code gaitctl hil run}. */
  public static List<String> describe(List<ScenarioResult> results) {
    return of(results).stream().map(Row::describe).toList();
  }

  static List<Row> of(List<ScenarioResult> results) {
    List<Row> rows = new ArrayList<>();
    rows.add(
        p99Row(
            results, "supervised fault detected → stop on the wire", r -> true, FAULT_TO_STOP, 20));
    Predicate<ScenarioResult> killed =
        r ->
            r.scenario().injections().stream()
                .anyMatch(i -> i.processFault() == Injection.ProcessFault.KILL_CONTROLLER);
    rows.add(
        maxRow(
            results,
            "SIGKILL of the controller → belt ramping down",
            killed,
            "injection → belt slows",
            300));
    rows.add(
        maxRow(
            results,
            "SIGKILL of the controller → drive watchdog trip",
            killed,
            "injection → drive watchdog trip",
            300));
    Predicate<ScenarioResult> fall =
        r ->
            r.scenario().firstInjection() != null
                && "fall".equals(r.scenario().firstInjection().simCommand());
    rows.add(
        maxRow(
            results, "fall onset → BWS HOLD commanded", fall, "injection → HOLD on the wire", 100));
    rows.add(
        maxRow(
            results,
            "fall onset → belt stop commanded",
            fall,
            "injection → stop on the wire",
            100));
    return rows;
  }

  private static Row p99Row(
      List<ScenarioResult> results,
      String name,
      Predicate<ScenarioResult> which,
      String latency,
      double p99TargetMs) {
    Histogram h = histogram(results, which, latency);
    double p99 = h.getValueAtPercentile(99) / 1000.0;
    return row(
        name, h, String.format(Locale.ROOT, "p99 ≤ %.0f ms", p99TargetMs), p99 <= p99TargetMs);
  }

  private static Row maxRow(
      List<ScenarioResult> results,
      String name,
      Predicate<ScenarioResult> which,
      String latency,
      double maxTargetMs) {
    Histogram h = histogram(results, which, latency);
    double max = h.getMaxValue() / 1000.0;
    return row(
        name,
        h,
        String.format(Locale.ROOT, "≤ %.0f ms in every run", maxTargetMs),
        max <= maxTargetMs);
  }

  private static Row row(String name, Histogram h, String target, boolean met) {
    return new Row(
        name,
        h.getTotalCount(),
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0,
        h.getMaxValue() / 1000.0,
        target,
        h.getTotalCount() > 0 && met);
  }

  private static Histogram histogram(
      List<ScenarioResult> results, Predicate<ScenarioResult> which, String latency) {
    Histogram h = new Histogram(MAX_US, 3);
    for (ScenarioResult result : results) {
      Double ms = result.latenciesMs().get(latency);
      if (ms != null && which.test(result)) {
        h.recordValue(Math.max(0, Math.min(MAX_US, Math.round(ms * 1000))));
      }
    }
    return h;
  }
}
