package org.gaitctl.sim.stream;

import org.gaitctl.sim.LoadCellSource;

/** A synthetic harness tension for tests: 300 N ± 50 N at 1 Hz. */
final class SineLoadSource implements LoadCellSource {

  @Override
  public int forceCn(long timeNs) {
    return (int) Math.round(30_000 + 5_000 * Math.sin(2 * Math.PI * timeNs / 1e9));
  }

  @Override
  public int flags(long timeNs) {
    return 0;
  }
}
