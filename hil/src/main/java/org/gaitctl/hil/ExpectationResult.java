package org.gaitctl.hil;

/**
 * The outcome of one expectation.
 *
 * @param expectation what was expected ({@link Expectation#describe()})
 * @param passed whether it held
 * @param measured what was measured, with its unit ("412 ms", "exit code 130", "not seen")
 * @param limit the limit it was held against ("≤ 550 ms")
 */
public record ExpectationResult(String expectation, boolean passed, String measured, String limit) {

  static ExpectationResult of(
      Expectation expectation, boolean passed, String measured, String limit) {
    return new ExpectationResult(expectation.describe(), passed, measured, limit);
  }
}
