package org.gaitctl.sim.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gaitctl.config.BeltGeometry;
import org.gaitctl.config.PatientSettings;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepRecord;
import org.gaitctl.core.symmetry.SymmetryMath;
import org.gaitctl.sim.patient.GroundTruthStep;
import org.gaitctl.sim.patient.PatientModelOptions;
import org.gaitctl.sim.patient.StepKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accuracy of foot contact → gait events → steps against the emulated patient's exact ground truth,
 * pressure frames at 300 Hz on virtual time. Figures are logged and stated in docs/ACCURACY.md.
 */
class EmulatedPatientAccuracyTest {

  private static final Logger LOG = LoggerFactory.getLogger(EmulatedPatientAccuracyTest.class);
  private static final double FRAME_S = 1.0 / EmulatedWalk.FRAME_RATE_HZ;

  /** A detected event belongs to a true one within this, ns. */
  private static final long MATCH_NS = 100_000_000L;

  private static PatientSettings patient(double asymmetryPercent) {
    return new PatientSettings(
        75.0, 0.90, asymmetryPercent, asymmetryPercent, asymmetryPercent, 2.0, 11L);
  }

  @Test
  void shouldTimeEventsWithinOneFrameMedianAndTwoFramesP95WithoutMissedOrSpuriousSteps() {
    EmulatedWalk walk =
        new EmulatedWalk(patient(0), PatientModelOptions.defaults(), 1.0, 0.0, true)
            .walk(2 * 60 * EmulatedWalk.FRAME_RATE_HZ);
    checkEventTiming(walk, "2 min");
  }

  @Test
  void shouldTrackFeetThatOftenCrossTheMidlineOfASingleBelt() {
    // a third of the steps land 5 cm towards and over the midline
    EmulatedWalk walk =
        new EmulatedWalk(
                patient(10),
                PatientModelOptions.defaults().withMidlineCrossingProbability(0.33),
                1.0,
                0.0,
                true)
            .walk(60 * EmulatedWalk.FRAME_RATE_HZ);
    checkEventTiming(walk, "1 min, 33 % midline crossings");
  }

  @Test
  void shouldTimeEventsOnASplitBelt() {
    EmulatedWalk walk =
        new EmulatedWalk(
                patient(10),
                PatientModelOptions.defaults(),
                BeltGeometry.splitBelt(),
                1.0,
                0.0,
                true)
            .walk(60 * EmulatedWalk.FRAME_RATE_HZ);
    checkEventTiming(walk, "1 min, split belt");
  }

  @Tag("soak")
  @Test
  void shouldTimeEveryEventOfTenMinutesOfWalkingWithoutMissedOrSpuriousSteps() {
    EmulatedWalk walk =
        new EmulatedWalk(patient(10), PatientModelOptions.defaults(), 1.0, 150.0, true)
            .walk(10 * 60 * EmulatedWalk.FRAME_RATE_HZ);
    checkEventTiming(walk, "10 min");
  }

  private void checkEventTiming(EmulatedWalk walk, String label) {
    List<Double> heelErrorsFrames = new ArrayList<>();
    List<Double> toeErrorsFrames = new ArrayList<>();
    int missed = 0;
    int regular = 0;
    int matchedDetections = 0;
    int comparableDetections = 0;
    // ground truth is written at toe off: heel strikes after the last recorded one have no truth
    // to match yet
    long lastTruthHeelStrikeNs = Long.MIN_VALUE;
    for (GroundTruthStep step : walk.truth) {
      lastTruthHeelStrikeNs = Math.max(lastTruthHeelStrikeNs, step.heelStrikeNs());
    }
    for (Side side : Side.values()) {
      List<Long> heel = EmulatedWalk.of(walk.heelStrikes, side);
      List<Long> toe = EmulatedWalk.of(walk.toeOffs, side);
      for (GroundTruthStep step : walk.truth) {
        // the first step from standing lands at the back of the sensing area (heel 0.68 m from
        // its front edge): the belt carries the foot off the 1.08 m sensing length before toe off
        if (step.side() != side || step.kind() != StepKind.WALK || !step.hasStepTime()) {
          continue;
        }
        regular++;
        Long h = nearest(heel, step.heelStrikeNs());
        Long t = nearest(toe, step.toeOffNs());
        if (h == null || t == null) {
          LOG.warn(
              "missed {} at heel strike {} s, toe off {} s (detected heel strike {}, toe off {})",
              step,
              step.heelStrikeNs() * 1e-9,
              step.toeOffNs() * 1e-9,
              h,
              t);
          missed++;
          continue;
        }
        heelErrorsFrames.add(Math.abs(h - step.heelStrikeNs()) * 1e-9 / FRAME_S);
        toeErrorsFrames.add(Math.abs(t - step.toeOffNs()) * 1e-9 / FRAME_S);
      }
      for (long detected : heel) {
        if (detected - lastTruthHeelStrikeNs > MATCH_NS) {
          continue;
        }
        comparableDetections++;
        boolean matched = false;
        for (GroundTruthStep step : walk.truth) {
          if (step.side() == side && Math.abs(step.heelStrikeNs() - detected) <= MATCH_NS) {
            matched = true;
            break;
          }
        }
        if (matched) {
          matchedDetections++;
        } else {
          LOG.warn("spurious {} heel strike at {} s", side, detected * 1e-9);
        }
      }
    }
    int spurious = comparableDetections - matchedDetections;
    LOG.info(
        "emulated patient {}: {} true steps ({} walking), {} heel strikes detected, missed {},"
            + " spurious {}; heel strike |error| median {} p95 {} frames; toe off median {} p95"
            + " {} frames; gain {}",
        label,
        walk.truth.size(),
        regular,
        walk.heelStrikes.size(),
        missed,
        spurious,
        fmt(percentile(heelErrorsFrames, 0.5)),
        fmt(percentile(heelErrorsFrames, 0.95)),
        fmt(percentile(toeErrorsFrames, 0.5)),
        fmt(percentile(toeErrorsFrames, 0.95)),
        fmt(walk.analyzer.drift().gain()));
    assertThat(regular).isGreaterThan(80);
    assertThat(missed).as("missed steps").isZero();
    assertThat(spurious).as("spurious heel strikes").isZero();
    assertThat(percentile(heelErrorsFrames, 0.5)).isLessThanOrEqualTo(1.0);
    assertThat(percentile(heelErrorsFrames, 0.95)).isLessThanOrEqualTo(2.0);
    assertThat(percentile(toeErrorsFrames, 0.5)).isLessThanOrEqualTo(1.0);
    assertThat(percentile(toeErrorsFrames, 0.95)).isLessThanOrEqualTo(2.0);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 10.0, 25.0})
  void shouldMatchGroundTruthSymmetryIndicesWithinOnePercentagePoint(double asymmetryPercent) {
    EmulatedWalk walk =
        new EmulatedWalk(patient(asymmetryPercent), PatientModelOptions.defaults(), 1.0, 0.0, true)
            .walk(90 * EmulatedWalk.FRAME_RATE_HZ);
    double[] stance = new double[4];
    double[] length = new double[4];
    double[] peak = new double[4];
    for (GroundTruthStep t : walk.truth) {
      if (t.kind() != StepKind.WALK) {
        continue;
      }
      int s = t.side().ordinal();
      stance[s] += t.stanceNs() * 1e-9;
      stance[s + 2]++;
      if (!Double.isNaN(t.stepLengthM())) {
        length[s] += t.stepLengthM();
        length[s + 2]++;
      }
      peak[s] += t.peakForceN();
      peak[s + 2]++;
    }
    double[] ourStance = new double[4];
    double[] ourLength = new double[4];
    double[] ourPeak = new double[4];
    for (StepRecord r : walk.steps) {
      int s = r.side.ordinal();
      ourStance[s] += r.stanceTimeS;
      ourStance[s + 2]++;
      if (!Double.isNaN(r.stepLengthM)) {
        ourLength[s] += r.stepLengthM;
        ourLength[s + 2]++;
      }
      ourPeak[s] += r.peakForceN;
      ourPeak[s + 2]++;
    }
    double[][] pairs = {
      {si(stance, 0.05), si(ourStance, 0.05)},
      {si(length, 0.05), si(ourLength, 0.05)},
      {si(peak, 50), si(ourPeak, 50)}
    };
    LOG.info(
        "emulated patient {} % asymmetry: SI stance truth {} ours {}; step length truth {} ours"
            + " {}; peak force truth {} ours {} (pp)",
        asymmetryPercent,
        fmt(pairs[0][0]),
        fmt(pairs[0][1]),
        fmt(pairs[1][0]),
        fmt(pairs[1][1]),
        fmt(pairs[2][0]),
        fmt(pairs[2][1]));
    for (double[] pair : pairs) {
      assertThat(pair[1]).isCloseTo(pair[0], within(1.0));
    }
  }

  @Test
  void shouldHoldForceBalanceWhileTheBeltLosesSensitivityUnderUnloading() {
    // 5 minutes with the belt losing sensitivity (default drift) and 30 % of body weight unloaded
    double unloadingN = 0.3 * 75.0 * 9.81;
    EmulatedWalk walk =
        new EmulatedWalk(patient(0), PatientModelOptions.defaults(), 1.0, unloadingN, true)
            .walk(5 * 60 * EmulatedWalk.FRAME_RATE_HZ);
    int n = walk.steps.size();
    double truthPeak = 0;
    int truthCount = 0;
    for (GroundTruthStep t : walk.truth.subList(walk.truth.size() - 40, walk.truth.size())) {
      if (t.kind() == StepKind.WALK) {
        truthPeak += t.peakForceN();
        truthCount++;
      }
    }
    double ourPeak = 0;
    for (StepRecord r : walk.steps.subList(n - 40, n)) {
      ourPeak += r.peakForceN;
    }
    double ratio = (ourPeak / 40) / (truthPeak / truthCount);
    LOG.info(
        "emulated patient drift: gain {} after 5 min, last 40 steps' peak force ours / truth {}",
        fmt(walk.analyzer.drift().gain()),
        fmt(ratio));
    assertThat(walk.analyzer.drift().gain()).isGreaterThan(1.02);
    assertThat(ratio).isCloseTo(1.0, within(0.02));
  }

  private static double si(double[] sums, double floor) {
    return SymmetryMath.symmetryIndexPercent(sums[0] / sums[2], sums[1] / sums[3], floor);
  }

  private static Long nearest(List<Long> times, long targetNs) {
    Long best = null;
    for (long t : times) {
      if (Math.abs(t - targetNs) <= MATCH_NS
          && (best == null || Math.abs(t - targetNs) < Math.abs(best - targetNs))) {
        best = t;
      }
    }
    return best;
  }

  private static double percentile(List<Double> values, double p) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static String fmt(double v) {
    return String.format("%.3f", v);
  }
}
