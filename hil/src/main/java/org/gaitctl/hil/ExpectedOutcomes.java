package org.gaitctl.hil;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges a run against a scenario's expected outcome and, where the scenario allows a second one
 * ({@code orExpect}), against that. Some faults have two safe outcomes: a TCP reset whose reconnect
 * beats the device watchdogs is ridden through, a slower one ends in a safe stop.
 */
final class ExpectedOutcomes {

  /** What the second outcome's results are marked with in the report. */
  static final String ALTERNATIVE_PREFIX = "or: ";

  private ExpectedOutcomes() {}

  /**
   * The results of the outcome that held: the first outcome's when it held or when there is no
   * second one, the second's when only it held, both (the second marked) when neither did.
   */
  static List<ExpectationResult> judge(Scenario scenario, Observations run) {
    List<ExpectationResult> first = check(scenario.expectations(), run, "");
    if (allPassed(first) || scenario.alternative().isEmpty()) {
      return first;
    }
    List<ExpectationResult> second = check(scenario.alternative(), run, ALTERNATIVE_PREFIX);
    if (allPassed(second)) {
      return second;
    }
    List<ExpectationResult> both = new ArrayList<>(first);
    both.addAll(second);
    return both;
  }

  private static List<ExpectationResult> check(
      List<Expectation> expectations, Observations run, String prefix) {
    List<ExpectationResult> results = new ArrayList<>();
    for (Expectation expectation : expectations) {
      ExpectationResult result = expectation.check(run);
      results.add(
          new ExpectationResult(
              prefix + result.expectation(), result.passed(), result.measured(), result.limit()));
    }
    return results;
  }

  private static boolean allPassed(List<ExpectationResult> results) {
    return results.stream().allMatch(ExpectationResult::passed);
  }
}
