package org.gaitctl.hil;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Latency percentiles over every scenario that measured a latency, by what was injected and the
 * latency's name: HdrHistogram at microsecond resolution, as the benchmarks record theirs.
 */
final class LatencyTable {

  /** One latency's distribution, ms. */
  record Row(String name, long count, double p50Ms, double p90Ms, double p99Ms, double maxMs) {}

  private static final long MAX_US = 600_000_000L;

  private LatencyTable() {}

  static List<Row> of(List<ScenarioResult> results) {
    Map<String, Histogram> histograms = new LinkedHashMap<>();
    for (ScenarioResult result : results) {
      Injection injection = result.scenario().firstInjection();
      if (injection == null) {
        continue;
      }
      // Grouped by what was injected: an e-stop and a killed controller are different paths.
      String kind = injection.describe() + ": ";
      result
          .latenciesMs()
          .forEach(
              (name, ms) -> {
                long us = Math.max(0, Math.min(MAX_US, Math.round(ms * 1000)));
                histograms
                    .computeIfAbsent(kind + name, n -> new Histogram(MAX_US, 3))
                    .recordValue(us);
              });
    }
    List<Row> rows = new ArrayList<>();
    histograms.forEach(
        (name, h) ->
            rows.add(
                new Row(
                    name,
                    h.getTotalCount(),
                    h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(90) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0,
                    h.getMaxValue() / 1000.0)));
    return rows;
  }
}
