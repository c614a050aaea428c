package org.gaitctl.report;

import java.util.Arrays;

/** Times and values appended while reading a journal, without boxing a million load samples. */
final class GrowingSeries {

  private double[] timeS = new double[1024];
  private double[] values = new double[1024];
  private int size;

  void add(double t, double value) {
    if (size == timeS.length) {
      timeS = Arrays.copyOf(timeS, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    timeS[size] = t;
    values[size] = value;
    size++;
  }

  int size() {
    return size;
  }

  double timeS(int i) {
    return timeS[i];
  }

  double value(int i) {
    return values[i];
  }

  TimeSeries toSeries() {
    return new TimeSeries(Arrays.copyOf(timeS, size), Arrays.copyOf(values, size));
  }
}
