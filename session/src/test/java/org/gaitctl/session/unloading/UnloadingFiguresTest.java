package org.gaitctl.session.unloading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The figures of docs/CONTROL.md: RMS and peak error of the measured unloading, %BW, over two
 * minutes of steady walking after one minute of settling, for (a) setpoint only, (b) outer PI, (c)
 * PI plus phase feed-forward, on the nominal plant; at the profile's force rate and at a faster
 * one. Prints the table.
 */
class UnloadingFiguresTest {

  static final long SETTLE_NS = 60_000_000_000L;
  static final long MEASURE_NS = 120_000_000_000L;
  static final double PROFILE_FORCE_RATE_N_PER_S = 200;
  static final double FAST_FORCE_RATE_N_PER_S = 2_000;

  static ErrorStatistics measure(VirtualBwsRig.Plant plant, UnloadingSettings settings) {
    VirtualBwsRig rig = new VirtualBwsRig(plant, settings);
    ErrorStatistics statistics = new ErrorStatistics(10_000_000_000L, 20);
    rig.run(SETTLE_NS + MEASURE_NS, SETTLE_NS, statistics);
    return statistics;
  }

  static UnloadingSettings tuned(double forceRateNPerS) {
    return UnloadingSettings.tuned(20, 600, forceRateNPerS);
  }

  @Test
  void shouldFlattenTheHarnessTensionBestWithPiAndPhaseFeedForward() {
    VirtualBwsRig.Plant plant = VirtualBwsRig.Plant.nominal();
    StringBuilder table = new StringBuilder("\nplant: " + plant + "\n");
    ErrorStatistics[] fast = new ErrorStatistics[3];
    for (double rate : new double[] {PROFILE_FORCE_RATE_N_PER_S, FAST_FORCE_RATE_N_PER_S}) {
      UnloadingSettings[] variants = {
        tuned(rate).setpointOnly(), tuned(rate).withLearningGain(0), tuned(rate)
      };
      String[] names = {"(a) setpoint only", "(b) outer PI", "(c) PI + phase feed-forward"};
      for (int i = 0; i < 3; i++) {
        ErrorStatistics s = measure(plant, variants[i]);
        table.append(
            String.format(
                "force rate %5.0f N/s  %-28s RMS %5.2f %%BW  peak %5.2f %%BW  mean %+5.2f %%BW%n",
                rate, names[i], s.rmsPercent(), s.peakPercent(), s.meanPercent()));
        if (rate == FAST_FORCE_RATE_N_PER_S) {
          fast[i] = s;
        }
      }
    }
    System.out.println(table);
    assertThat(fast[1].rmsPercent()).isLessThan(fast[0].rmsPercent());
    assertThat(fast[2].rmsPercent()).isLessThan(fast[1].rmsPercent());
  }
}
