package org.gaitctl.core.testing;

import org.gaitctl.core.contact.PressureGrid;
import org.gaitctl.core.gait.Side;

/**
 * A simple walker on a treadmill for tests of the gait stages: alternating steps with exactly known
 * heel strikes and toe offs, a double-hump vertical force per foot, and footprints carried
 * backwards by the belt on a pressure grid with the centre of pressure rolling heel to toe.
 */
public final class SyntheticWalker {

  public final double strideS;
  public final double stanceS;
  public final double bodyWeightN;
  public final double beltSpeedMps;
  public final double firstHeelStrikeS;
  public final double leftStanceScale;
  public double leftMlM = 0.17;
  public double rightMlM = 0.31;
  public double heelApM = 0.85;
  public double footLengthM = 0.25;
  public double footWidthM = 0.09;

  public SyntheticWalker(double strideS, double stanceS, double bodyWeightN, double beltSpeedMps) {
    this(strideS, stanceS, bodyWeightN, beltSpeedMps, 1.0);
  }

  /** {@code leftStanceScale} lengthens (> 1) or shortens the left stance for asymmetric gait. */
  public SyntheticWalker(
      double strideS, double stanceS, double bodyWeightN, double beltSpeedMps, double scale) {
    this.strideS = strideS;
    this.stanceS = stanceS;
    this.bodyWeightN = bodyWeightN;
    this.beltSpeedMps = beltSpeedMps;
    this.firstHeelStrikeS = 0.3;
    this.leftStanceScale = scale;
  }

  public double heelStrikeS(Side side, int k) {
    return firstHeelStrikeS + k * strideS + (side == Side.RIGHT ? strideS / 2 : 0);
  }

  public double stanceS(Side side) {
    return side == Side.LEFT ? stanceS * leftStanceScale : stanceS;
  }

  public double toeOffS(Side side, int k) {
    return heelStrikeS(side, k) + stanceS(side);
  }

  /** Index of the stance of {@code side} containing {@code timeS}, or -1. */
  public int stanceAt(Side side, double timeS) {
    int k = (int) Math.floor((timeS - heelStrikeS(side, 0)) / strideS);
    if (k < 0) {
      return -1;
    }
    double phase = timeS - heelStrikeS(side, k);
    return phase >= 0 && phase < stanceS(side) ? k : -1;
  }

  /** Vertical force of {@code side} at {@code timeS}, N. */
  public double forceN(Side side, double timeS) {
    int k = stanceAt(side, timeS);
    if (k < 0) {
      return 0.0;
    }
    double p = (timeS - heelStrikeS(side, k)) / stanceS(side);
    return bodyWeightN * 0.95 * (Math.sin(Math.PI * p) + 0.25 * Math.sin(3 * Math.PI * p));
  }

  /**
   * Renders the pressure of one belt of {@code grid} at {@code timeS} into {@code cells}, adding
   * {@code offsetCounts} to every cell (an unzeroed baseline).
   */
  public void render(PressureGrid grid, int belt, double timeS, char[] cells, int offsetCounts) {
    java.util.Arrays.fill(cells, 0, grid.cellsPerBelt(), (char) offsetCounts);
    for (Side side : Side.values()) {
      if (grid.belts() == 2 && side.ordinal() != belt) {
        continue;
      }
      int k = stanceAt(side, timeS);
      if (k < 0) {
        continue;
      }
      double sinceS = timeS - heelStrikeS(side, k);
      double p = sinceS / stanceS(side);
      double heelM = heelApM - beltSpeedMps * sinceS;
      double copM = heelM + 0.75 * footLengthM * p;
      double mlM = side == Side.LEFT ? leftMlM : rightMlM;
      if (grid.belts() == 2) {
        mlM = grid.mlPositionM(belt, grid.cols() / 2.0 - 0.5);
      }
      renderFoot(grid, belt, cells, heelM, copM, mlM, forceN(side, timeS));
    }
  }

  private void renderFoot(
      PressureGrid grid,
      int belt,
      char[] cells,
      double heelM,
      double copM,
      double mlM,
      double forceN) {
    double sigmaM = 0.05;
    double total = 0;
    double[] weights = new double[grid.cellsPerBelt()];
    for (int r = 0; r < grid.rows(); r++) {
      double ap = grid.apPositionM(r);
      double u = (ap - heelM) / footLengthM;
      if (u < 0 || u > 1) {
        continue;
      }
      for (int c = 0; c < grid.cols(); c++) {
        double v = (grid.mlPositionM(belt, c) - mlM) / (footWidthM / 2);
        if (v * v + 4 * (u - 0.5) * (u - 0.5) > 1) {
          continue;
        }
        double d = (ap - copM) / sigmaM;
        double w = Math.exp(-0.5 * d * d) + 0.05;
        weights[r * grid.cols() + c] = w;
        total += w;
      }
    }
    if (total == 0) {
      return;
    }
    double countsTotal = forceN / grid.newtonsPerCount();
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > 0) {
        int value = cells[i] + (int) Math.round(weights[i] / total * countsTotal);
        cells[i] = (char) Math.min(65535, value);
      }
    }
  }
}
