package org.gaitctl.report;

/**
 * Values over the session for a chart.
 *
 * @param timeS s from the session's first record
 * @param values one per time
 */
public record TimeSeries(double[] timeS, double[] values) {

  public TimeSeries {
    if (timeS.length != values.length) {
      throw new IllegalArgumentException(timeS.length + " times for " + values.length + " values");
    }
  }

  public int size() {
    return timeS.length;
  }
}
