package org.gaitctl.sim.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gaitctl.config.BeltGeometry;
import org.gaitctl.core.gait.Side;
import org.junit.jupiter.api.Test;

class PatientPressureRenderingTest {

  private static final long FRAME_NS = 3_333_333L;
  private static final double NEWTONS_PER_COUNT = 0.01 * 0.847 * 0.847;

  private static final PatientModelOptions IDEAL_NO_CROSSING =
      PatientModelOptions.defaults().withoutSensorDrift().withMidlineCrossingProbability(0.0);

  @Test
  void shouldRenderTheModelForceWithinOnePercentOnAnIdealBelt() {
    WalkingPatient patient =
        new WalkingPatient(
            WalkingPatient.symmetric(10.0), BeltGeometry.singleBelt(), IDEAL_NO_CROSSING);
    patient.walk(5.0, 1.0, 150.0);
    char[] cells = new char[128 * 56];
    int frames = 0;
    long endNs = patient.nowNs + 10_000_000_000L;
    for (long t = patient.nowNs; t < endNs; t += FRAME_NS) {
      advanceTo(patient, t, 1.0, 150.0);
      patient.model.render(t, 0, cells);
      for (Side side : Side.values()) {
        double modelN = patient.model.groundForceN(side, t);
        double renderedN = halfSum(cells, 56, side) * NEWTONS_PER_COUNT;
        assertThat(renderedN).isCloseTo(modelN, within(Math.max(0.01 * modelN, 0.1)));
      }
      frames++;
    }
    assertThat(frames).isGreaterThan(2900);
  }

  @Test
  void shouldShowTheSensitivityLossAndBaselineWhenDriftIsOn() {
    WalkingPatient patient =
        new WalkingPatient(
            WalkingPatient.symmetric(0.0),
            BeltGeometry.singleBelt(),
            PatientModelOptions.defaults().withMidlineCrossingProbability(0.0));
    patient.walk(2.0, 1.0, 0.0);
    assertThat(renderedOverModel(patient)).isCloseTo(1.0, within(0.01));
    for (int i = 0; i < 59_800; i++) {
      patient.nowNs += 10_000_000L;
      patient.model.advance(patient.nowNs, 1.0, 0.0);
    }
    assertThat(renderedOverModel(patient)).isCloseTo(0.92, within(0.005));
  }

  @Test
  void shouldCarryAPlantedFootBackwardsAtBeltSpeed() {
    double speedMps = 1.2;
    WalkingPatient patient =
        new WalkingPatient(
            WalkingPatient.symmetric(0.0), BeltGeometry.singleBelt(), IDEAL_NO_CROSSING);
    patient.walk(8.0, speedMps, 0.0);
    int seen = patient.steps.size();
    while (patient.steps.size() == seen || patient.steps.get(seen).side() != Side.LEFT) {
      if (patient.steps.size() > seen) {
        seen = patient.steps.size();
      }
      patient.walk(0.001, speedMps, 0.0);
    }
    patient.walk(3.0, speedMps, 0.0);
    GroundTruthStep step =
        patient.steps.stream()
            .filter(s -> s.side() == Side.LEFT && s.heelStrikeNs() > patient.nowNs - 2_000_000_000L)
            .findFirst()
            .orElseThrow();
    // Re-walk the same patient to that step and look at the heel edge early and late in its
    // foot-flat phase: the posterior edge of the footprint moves with the belt.
    WalkingPatient replay =
        new WalkingPatient(
            WalkingPatient.symmetric(0.0), BeltGeometry.singleBelt(), IDEAL_NO_CROSSING);
    long earlyNs = step.heelStrikeNs() + step.stanceNs() / 10;
    long lateNs = step.heelStrikeNs() + step.stanceNs() * 4 / 10;
    advanceTo(replay, earlyNs, speedMps, 0.0);
    char[] cells = new char[128 * 56];
    replay.model.render(earlyNs, 0, cells);
    int earlyRow = posteriorRow(cells, 56, Side.LEFT);
    advanceTo(replay, lateNs, speedMps, 0.0);
    replay.model.render(lateNs, 0, cells);
    int lateRow = posteriorRow(cells, 56, Side.LEFT);

    double travelledM = (lateRow - earlyRow) * 0.00847;
    assertThat(travelledM).isCloseTo(speedMps * (lateNs - earlyNs) * 1e-9, within(0.0135));
    assertThat(step.heelApM()).isBetween(0.0, 128 * 0.00847);
  }

  @Test
  void shouldPutEachFootOnItsOwnBeltOfASplitBelt() {
    WalkingPatient patient =
        new WalkingPatient(
            WalkingPatient.symmetric(0.0),
            BeltGeometry.splitBelt(),
            PatientModelOptions.defaults().withoutSensorDrift().withMidlineCrossingProbability(1));
    patient.walk(5.0, 1.0, 0.0);
    char[] left = new char[128 * 28];
    char[] right = new char[128 * 28];
    int leftOnlyFrames = 0;
    long endNs = patient.nowNs + 5_000_000_000L;
    for (long t = patient.nowNs; t < endNs; t += FRAME_NS) {
      advanceTo(patient, t, 1.0, 0.0);
      patient.model.render(t, 0, left);
      patient.model.render(t, 1, right);
      double leftN = patient.model.groundForceN(Side.LEFT, t);
      double rightN = patient.model.groundForceN(Side.RIGHT, t);
      assertThat(sum(left) * NEWTONS_PER_COUNT).isCloseTo(leftN, within(0.01 * leftN + 0.1));
      assertThat(sum(right) * NEWTONS_PER_COUNT).isCloseTo(rightN, within(0.01 * rightN + 0.1));
      if (leftN > 100.0 && rightN == 0.0) {
        leftOnlyFrames++;
      }
    }
    assertThat(leftOnlyFrames).isGreaterThan(100);
  }

  @Test
  void shouldLetTheFootLandOverTheMidlineWhenAsked() {
    WalkingPatient patient =
        new WalkingPatient(
            WalkingPatient.symmetric(0.0),
            BeltGeometry.singleBelt(),
            PatientModelOptions.defaults().withoutSensorDrift().withMidlineCrossingProbability(1));
    patient.walk(10.0, 1.0, 0.0);
    GroundTruthStep left =
        patient.walkSteps(Side.LEFT).get(patient.walkSteps(Side.LEFT).size() - 1);
    assertThat(left.footMlM() + 0.5 * 0.09).isGreaterThan(0.0);
  }

  @Test
  void shouldSaturateCellsAtFullScale() {
    FootprintRenderer renderer =
        new FootprintRenderer(BeltGeometry.singleBelt(), PatientModelOptions.defaults());
    double[] counts = new double[128 * 56];
    renderer.accumulate(0, Side.RIGHT, 0.6, 0.07, 0.3, 200_000.0, counts);
    char[] cells = new char[128 * 56];
    int saturated = renderer.writeCells(counts, 1.0, 0, cells);
    assertThat(saturated).isGreaterThan(0);
    int max = 0;
    for (char c : cells) {
      max = Math.max(max, c);
    }
    assertThat(max).isEqualTo(65535);
  }

  @Test
  void shouldRollTheCentreOfPressureFromHeelToForefoot() {
    FootprintRenderer renderer =
        new FootprintRenderer(BeltGeometry.singleBelt(), PatientModelOptions.defaults());
    double heelM = 0.6;
    double early = copRowM(renderer, heelM, 0.02);
    double late = copRowM(renderer, heelM, 0.95);
    assertThat(heelM - early).isLessThan(0.06);
    assertThat(heelM - late).isBetween(0.15, 0.26);
    assertThat(loadedCells(renderer, 0.02)).isLessThan(loadedCells(renderer, 0.3));
    assertThat(loadedCells(renderer, 0.98)).isLessThan(loadedCells(renderer, 0.3));
  }

  @Test
  void shouldNotAllocatePerRender() {
    WalkingPatient patient =
        new WalkingPatient(
            WalkingPatient.symmetric(10.0),
            BeltGeometry.splitBelt(),
            PatientModelOptions.defaults());
    patient.walk(3.0, 1.0, 100.0);
    char[] cells = new char[128 * 28];
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long threadId = Thread.currentThread().getId();
    for (int i = 0; i < 20_000; i++) {
      patient.model.render(patient.nowNs + (i % 5_000) * 100_000L, i & 1, cells);
    }
    long before = threads.getThreadAllocatedBytes(threadId);
    for (int i = 0; i < 10_000; i++) {
      patient.model.render(patient.nowNs + (i % 5_000) * 100_000L, i & 1, cells);
    }
    long allocated = threads.getThreadAllocatedBytes(threadId) - before;
    // Less than a byte per frame: what the JIT may still allocate once, never a per-frame cost.
    assertThat(allocated).isLessThan(10_000L);
  }

  @Test
  void shouldRenderFromAnotherThreadWhileTheWorldAdvances() throws Exception {
    WalkingPatient patient =
        new WalkingPatient(
            WalkingPatient.symmetric(0.0), BeltGeometry.singleBelt(), IDEAL_NO_CROSSING);
    patient.walk(1.0, 1.0, 0.0);
    java.util.concurrent.atomic.AtomicLong worldTimeNs =
        new java.util.concurrent.atomic.AtomicLong(patient.nowNs);
    java.util.concurrent.atomic.AtomicLong loadedFrames =
        new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicBoolean running =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    Thread emulator =
        new Thread(
            () -> {
              char[] cells = new char[128 * 56];
              while (running.get()) {
                patient.model.render(worldTimeNs.get(), 0, cells);
                if (sum(cells) > 0) {
                  loadedFrames.incrementAndGet();
                }
              }
            });
    emulator.start();
    // Advance until the renderer has seen the feet many times, however the threads are scheduled.
    for (int i = 0; i < 10_000 || (loadedFrames.get() < 100 && i < 2_000_000); i++) {
      patient.nowNs += WalkingPatient.TICK_NS;
      patient.model.advance(patient.nowNs, 1.0, 0.0);
      worldTimeNs.set(patient.nowNs);
    }
    running.set(false);
    emulator.join(5_000);
    assertThat(emulator.isAlive()).isFalse();
    assertThat(loadedFrames.get()).isPositive();
  }

  private static double copRowM(FootprintRenderer renderer, double heelM, double phase) {
    double[] counts = new double[128 * 56];
    renderer.accumulate(0, Side.RIGHT, heelM, 0.07, phase, 500.0, counts);
    double weighted = 0.0;
    double total = 0.0;
    for (int i = 0; i < counts.length; i++) {
      weighted += counts[i] * ((i / 56) + 0.5) * 0.00847;
      total += counts[i];
    }
    return weighted / total;
  }

  private static int loadedCells(FootprintRenderer renderer, double phase) {
    double[] counts = new double[128 * 56];
    renderer.accumulate(0, Side.RIGHT, 0.6, 0.07, phase, 500.0, counts);
    int loaded = 0;
    for (double c : counts) {
      if (c >= 0.5) {
        loaded++;
      }
    }
    return loaded;
  }

  private static double renderedOverModel(WalkingPatient patient) {
    char[] cells = new char[128 * 56];
    double ratioSum = 0.0;
    int frames = 0;
    long start = patient.nowNs;
    for (long t = start; t < start + 1_200_000_000L; t += FRAME_NS) {
      advanceTo(patient, t, 1.0, 0.0);
      patient.model.render(t, 0, cells);
      double renderedN = (sum(cells) - cells.length) * NEWTONS_PER_COUNT;
      ratioSum += renderedN / patient.totalGroundForceN(t);
      frames++;
    }
    return ratioSum / frames;
  }

  private static void advanceTo(WalkingPatient patient, long t, double speed, double unloading) {
    while (patient.nowNs + WalkingPatient.TICK_NS <= t) {
      patient.nowNs += WalkingPatient.TICK_NS;
      patient.model.advance(patient.nowNs, speed, unloading);
    }
  }

  private static long sum(char[] cells) {
    long total = 0;
    for (char c : cells) {
      total += c;
    }
    return total;
  }

  private static long halfSum(char[] cells, int cols, Side side) {
    long total = 0;
    for (int i = 0; i < cells.length; i++) {
      boolean leftHalf = i % cols < cols / 2;
      if (leftHalf == (side == Side.LEFT)) {
        total += cells[i];
      }
    }
    return total;
  }

  private static int posteriorRow(char[] cells, int cols, Side side) {
    int row = -1;
    for (int i = 0; i < cells.length; i++) {
      boolean leftHalf = i % cols < cols / 2;
      if (cells[i] > 0 && leftHalf == (side == Side.LEFT)) {
        row = Math.max(row, i / cols);
      }
    }
    return row;
  }
}
