package org.gaitctl.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.DoubleStream;
import org.gaitctl.core.gait.EventSettings;
import org.gaitctl.core.gait.FootSample;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.testing.RecordedPressureFrames;
import org.gaitctl.core.testing.SyntheticWalker;
import org.junit.jupiter.api.Test;

class FootContactEstimatorTest {

  private static final PressureGrid SINGLE = new PressureGrid(1, 128, 56, 0.00847, 0.00847);
  private static final PressureGrid SPLIT = new PressureGrid(2, 128, 28, 0.00847, 0.00847);

  private final SyntheticWalker walker = new SyntheticWalker(1.1, 0.68, 736.0, 1.0);

  private static FootContactEstimator estimator(PressureGrid grid) {
    return new FootContactEstimator(
        grid,
        ContactSettings.defaults(),
        new DriftCompensator(DriftSettings.disabled(), EventSettings.newtonDefaults()));
  }

  @Test
  void shouldMeasureEachFootsForceCopAndAreaOnASingleBelt() {
    FootContactEstimator contact = estimator(SINGLE);
    char[] cells = new char[SINGLE.cellsPerBelt()];
    double maxErrorN = 0;
    for (int i = 0; i < 660; i++) {
      double t = i / 300.0;
      walker.render(SINGLE, 0, t, cells, 0);
      contact.onFrame(Math.round(t * 1e9), 0, cells, 0);
      for (Side side : Side.values()) {
        double expected = walker.forceN(side, t);
        maxErrorN = Math.max(maxErrorN, Math.abs(contact.sample(side).forceN - expected));
        if (expected > 200) {
          double expectedMl = side == Side.LEFT ? walker.leftMlM : walker.rightMlM;
          assertThat(contact.sample(side).copMlM).isCloseTo(expectedMl, within(0.01));
          assertThat(contact.sample(side).contactAreaM2).isBetween(0.002, 0.02);
        }
      }
    }
    // rounding of cell counts and cells below the threshold
    assertThat(maxErrorN).isLessThan(8.0);
  }

  @Test
  void shouldKeepFeetApartWhenTheyCrossTheMidlineOfASingleBelt() {
    FootContactEstimator contact = estimator(SINGLE);
    char[] cells = new char[SINGLE.cellsPerBelt()];
    walker.footWidthM = 0.05;
    for (int i = 0; i < 1200; i++) {
      double t = 0.35 + i / 300.0;
      // each foot moves across the midline while it swings: left to the right half, right to the
      // left half; only tracking and alternation can tell them apart then
      if (t > 1.2 && t < 1.3) {
        walker.leftMlM = 0.26;
      }
      if (t > 1.7 && t < 1.8) {
        walker.rightMlM = 0.20;
      }
      walker.render(SINGLE, 0, t, cells, 0);
      contact.onFrame(Math.round(t * 1e9), 0, cells, 0);
      for (Side side : Side.values()) {
        assertThat(contact.sample(side).forceN)
            .as("%s at %.3f s", side, t)
            .isCloseTo(walker.forceN(side, t), within(10.0));
      }
    }
    assertThat(walker.leftMlM).isGreaterThan(SINGLE.cols() * SINGLE.pitchXM() / 2);
    assertThat(walker.rightMlM).isLessThan(SINGLE.cols() * SINGLE.pitchXM() / 2);
  }

  @Test
  void shouldCarryEachFootsLoadInDoubleSupport() {
    walker.leftMlM = 0.20;
    walker.rightMlM = 0.30;
    FootContactEstimator contact = estimator(SINGLE);
    char[] cells = new char[SINGLE.cellsPerBelt()];
    for (int i = 0; i < 990; i++) {
      double t = 0.35 + i / 300.0;
      walker.render(SINGLE, 0, t, cells, 0);
      contact.onFrame(Math.round(t * 1e9), 0, cells, 0);
      for (Side side : Side.values()) {
        assertThat(contact.sample(side).forceN)
            .as("%s at %.3f s", side, t)
            .isCloseTo(walker.forceN(side, t), within(10.0));
      }
    }
  }

  @Test
  void shouldGiveAHeelLandingAgainstThePlantedFootToTheSwingingFoot() {
    FootContactEstimator contact = estimator(SINGLE);
    char[] cells = new char[SINGLE.cellsPerBelt()];
    // left foot planted: rows 55..85, columns 10..18
    fill(cells, 55, 85, 10, 18, 500);
    contact.onFrame(0, 0, cells, 0);
    assertThat(contact.sample(Side.RIGHT).forceN).isZero();
    double leftN = contact.sample(Side.LEFT).forceN;
    // the right heel lands ahead, touching the left foot's side: rows 40..58, columns 19..26;
    // together they are longer than a foot (46 rows = 0.39 m)
    fill(cells, 40, 58, 19, 26, 500);
    contact.onFrame(3_333_333, 0, cells, 0);
    double perCellN = 500 * SINGLE.newtonsPerCount();
    // the right foot's cells touching the left foot's, diagonals included (column 19, rows
    // 54..58), stay left
    assertThat(contact.sample(Side.LEFT).forceN).isCloseTo(leftN + 5 * perCellN, within(0.01));
    assertThat(contact.sample(Side.RIGHT).forceN).isCloseTo((19 * 8 - 5) * perCellN, within(0.01));
    assertThat(contact.splitFootprints()).isEqualTo(1);
    // next frame both feet are known: cells stay with their owners
    contact.onFrame(6_666_666, 0, cells, 0);
    assertThat(contact.sample(Side.RIGHT).forceN).isCloseTo((19 * 8 - 5) * perCellN, within(0.01));
  }

  /**
   * HIL symmetry-feedback session (issue 11), 25 % step-length asymmetry, 0.5 m/s: the right foot's
   * short step puts its heel 0.13 m in front of the left forefoot at the end of the left stance,
   * together shorter than a foot and their centres 0.07 m apart across. The left foot's own
   * forefoot lands apart from its heel outward (away from the right foot, 0.03 m); this heel lies
   * towards the right foot, where no part of the left foot can be.
   */
  @Test
  void shouldGiveAShortStepsHeelLandingInFrontOfTheOtherForefootToTheSwingingFoot() {
    RecordedPressureFrames frames =
        RecordedPressureFrames.load(
            "/frames/symmetry-feedback-short-right-step.txt.gz", SINGLE.cellsPerBelt(), (char) 1);
    FootContactEstimator contact = estimator(SINGLE);
    double rightHeelLandsS = 0.86;
    double leftBeforeLandingN = Double.NaN;
    for (int i = 0; i < frames.size(); i++) {
      contact.onFrame(frames.timeNs[i], 0, frames.cells(i), 0);
      double t = frames.timeNs[i] / 1e9;
      if (t < rightHeelLandsS) {
        leftBeforeLandingN = contact.sample(Side.LEFT).forceN;
      } else if (t > rightHeelLandsS + 0.02) {
        assertThat(contact.sample(Side.RIGHT).forceN).as("right at %.3f s", t).isGreaterThan(50);
        assertThat(contact.sample(Side.LEFT).forceN)
            .as("left at %.3f s", t)
            .isLessThan(leftBeforeLandingN + 10);
        assertThat(contact.sample(Side.RIGHT).copMlM)
            .as("right across at %.3f s", t)
            .isGreaterThan(contact.sample(Side.LEFT).copMlM + 0.05);
      }
    }
    assertThat(frames.timeNs[frames.size() - 1] / 1e9).isGreaterThan(rightHeelLandsS + 0.1);
  }

  private static void fill(char[] cells, int fromRow, int toRow, int fromCol, int toCol, int v) {
    for (int r = fromRow; r <= toRow; r++) {
      for (int c = fromCol; c <= toCol; c++) {
        cells[r * SINGLE.cols() + c] = (char) v;
      }
    }
  }

  @Test
  void shouldTakeLeftBeltAsLeftFootOnASplitBelt() {
    FootContactEstimator contact = estimator(SPLIT);
    char[] cells = new char[SPLIT.cellsPerBelt()];
    double t = walker.heelStrikeS(Side.LEFT, 1) + 0.2;
    walker.render(SPLIT, 0, t, cells, 0);
    assertThat(contact.onFrame(Math.round(t * 1e9), 0, cells, 0))
        .isEqualTo(FootContactEstimator.LEFT_UPDATED);
    walker.render(SPLIT, 1, t, cells, 0);
    assertThat(contact.onFrame(Math.round(t * 1e9), 1, cells, 0))
        .isEqualTo(FootContactEstimator.RIGHT_UPDATED);
    assertThat(contact.sample(Side.LEFT).forceN)
        .isCloseTo(walker.forceN(Side.LEFT, t), within(5.0));
    assertThat(contact.sample(Side.RIGHT).forceN)
        .isCloseTo(walker.forceN(Side.RIGHT, t), within(5.0));
    assertThat(contact.sample(Side.RIGHT).copMlM).isGreaterThan(SPLIT.cols() * SPLIT.pitchXM());
  }

  @Test
  void shouldRejectAndCountAFrameOfAnUnknownBelt() {
    FootContactEstimator contact = estimator(SINGLE);
    assertThat(contact.onFrame(0, 1, new char[SINGLE.cellsPerBelt()], 0)).isZero();
    assertThat(contact.onFrame(0, 0, new char[10], 0)).isZero();
    assertThat(contact.rejectedFrames()).isEqualTo(2);
  }

  @Test
  void shouldFollowASlowlyDriftingZeroOfUnloadedCells() {
    FootContactEstimator contact = estimator(SINGLE);
    char[] cells = new char[SINGLE.cellsPerBelt()];
    // two minutes of an empty belt whose cells creep from 0 to 40 counts (4 x the threshold)
    long frameNs = 10_000_000L;
    int frames = 12_000;
    for (int i = 0; i < frames; i++) {
      java.util.Arrays.fill(cells, (char) Math.round(40.0 * i / frames));
      contact.onFrame(i * frameNs, 0, cells, 0);
    }
    assertThat(contact.sample(Side.LEFT).forceN + contact.sample(Side.RIGHT).forceN)
        .isLessThan(1.0);
    double t = walker.heelStrikeS(Side.LEFT, 0) + 0.3;
    walker.render(SINGLE, 0, t, cells, 40);
    contact.onFrame(frames * frameNs, 0, cells, 0);
    assertThat(contact.sample(Side.LEFT).forceN)
        .isCloseTo(walker.forceN(Side.LEFT, t), within(8.0));
  }

  /**
   * A replay begins frame k+1 on its reading thread (time, baseline step, the first cells netted)
   * before the analysing thread finishes frame k: the samples must be those of whole frames, bit
   * for bit, with the belt's zero creeping so that the baselines move every frame.
   */
  @Test
  void shouldGiveTheSameSamplesWhenEachFrameIsBegunAheadOfTheLastOnesEnd() {
    FootContactEstimator whole = estimator(SINGLE);
    FootContactEstimator inParts = estimator(SINGLE);
    char[][] cells = new char[2][SINGLE.cellsPerBelt()];
    NettedHead[] inFlight = {
      new NettedHead(SINGLE.cellsPerBelt()), new NettedHead(SINGLE.cellsPerBelt())
    };
    long[] timesNs = new long[2];
    int split = SINGLE.cellsPerBelt() * 3 / 5;
    int frames = 900;
    for (int i = 0; i <= frames; i++) {
      int slot = i % 2;
      if (i < frames) {
        double t = i / 300.0;
        walker.render(SINGLE, 0, t, cells[slot], (int) (i / 60));
        timesNs[slot] = Math.round(t * 1e9);
        inParts.netHead(timesNs[slot], 0, cells[slot], 0, split, inFlight[slot]);
      }
      if (i > 0) {
        int last = 1 - slot;
        int updated = inParts.finish(timesNs[last], cells[last], 0, inFlight[last]);
        assertThat(updated).isEqualTo(whole.onFrame(timesNs[last], 0, cells[last], 0));
        for (Side side : Side.values()) {
          assertThat(bits(inParts.sample(side))).isEqualTo(bits(whole.sample(side)));
        }
      }
    }
    assertThat(inParts.frames()).isEqualTo(frames);
  }

  /** A sample's fields as bits, so that equal means the same to the last bit (and NaN is NaN). */
  private static List<Long> bits(FootSample sample) {
    return DoubleStream.of(
            sample.forceN, sample.rawForceN, sample.copApM, sample.copMlM, sample.contactAreaM2)
        .mapToObj(Double::doubleToLongBits)
        .toList();
  }

  @Test
  void shouldZeroTheBeltOnCapturedBaseline() {
    FootContactEstimator contact = estimator(SINGLE);
    char[] cells = new char[SINGLE.cellsPerBelt()];
    java.util.Arrays.fill(cells, (char) 300);
    contact.captureBaseline(0, cells, 0);
    double t = walker.heelStrikeS(Side.RIGHT, 0) + 0.3;
    walker.render(SINGLE, 0, t, cells, 300);
    contact.onFrame(0, 0, cells, 0);
    assertThat(contact.sample(Side.RIGHT).forceN)
        .isCloseTo(walker.forceN(Side.RIGHT, t), within(8.0));
  }
}
