package org.gaitctl.hil;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one scenario run.
 *
 * @param scenario the scenario
 * @param error why the run itself failed (a child did not start, the belt never reached the first
 *     stage), or {@code null}
 * @param results every expectation's outcome (empty when the run failed before measuring)
 * @param latenciesMs measured latencies by name ("injection → stop on the wire"), ms
 * @param folder the scenario's report folder (children's output, event log, session files)
 * @param timelinePng the timeline chart, or {@code null} when there was no event log to draw
 * @param durationS wall time of the run, s
 */
public record ScenarioResult(
    Scenario scenario,
    String error,
    List<ExpectationResult> results,
    Map<String, Double> latenciesMs,
    Path folder,
    Path timelinePng,
    double durationS) {

  public ScenarioResult {
    results = List.copyOf(results);
    latenciesMs =
        Collections.unmodifiableMap(new LinkedHashMap<>(latenciesMs)); // in measured order
  }

  /** Whether the run completed and every expectation held. */
  public boolean passed() {
    return error == null && results.stream().allMatch(ExpectationResult::passed);
  }
}
