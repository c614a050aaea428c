package org.gaitctl.hil;

/**
 * One thing a scenario expects, checked after the run against what was measured from outside the
 * controller ({@link Observations}).
 */
public interface Expectation {

  /** What is expected, for people and the listing: "exit code 3", "belt < 0.05 m/s in 3000 ms". */
  String describe();

  /** Whether it measures from the scenario's first injection (so needs one). */
  default boolean measuredFromInjection() {
    return false;
  }

  /** Checks the expectation; the result carries the measured value and the limit. */
  ExpectationResult check(Observations run);
}
