package org.gaitctl.session.selfpaced;

/**
 * Test fixture: accumulates the figures of a {@link SelfPacedWalk} once self-pacing has started:
 * RMS of belt − intended speed over the steady parts and over the whole walk, the largest speed
 * error and the patient's farthest filtered position from the sensing area's centre (while
 * self-paced).
 */
final class SelfPacedWalkFigures {

  /** Time constant of each of the COP filter's two stages, s. */
  static final double FILTER_S = 0.5;

  private final double[][] steadyS;
  private final double selfPacedFromS;
  private double steadySquares;
  private long steadyCount;
  private double allSquares;
  private long allCount;
  private double maxErrorMps;
  private double maxAbsPositionM;

  SelfPacedWalkFigures(double[][] steadyS, double selfPacedFromS) {
    this.steadyS = steadyS;
    this.selfPacedFromS = selfPacedFromS;
  }

  void add(long nowNs, double beltSpeedMps, double intendedMps, double positionM) {
    double timeS = nowNs * 1e-9;
    if (timeS <= selfPacedFromS) {
      return;
    }
    maxAbsPositionM = Math.max(maxAbsPositionM, Math.abs(positionM));
    double errorMps = beltSpeedMps - intendedMps;
    allSquares += errorMps * errorMps;
    allCount++;
    maxErrorMps = Math.max(maxErrorMps, Math.abs(errorMps));
    for (double[] part : steadyS) {
      if (timeS > part[0] && timeS <= part[1]) {
        steadySquares += errorMps * errorMps;
        steadyCount++;
      }
    }
  }

  double steadyRmsMps() {
    return Math.sqrt(steadySquares / steadyCount);
  }

  double allRmsMps() {
    return Math.sqrt(allSquares / allCount);
  }

  double maxAbsPositionM() {
    return maxAbsPositionM;
  }

  String report() {
    return String.format(
        "self-paced walk: RMS speed error %.4f m/s steady, %.4f m/s whole walk; largest %.3f m/s;"
            + " farthest filtered position %.3f m from the centre",
        steadyRmsMps(), allRmsMps(), maxErrorMps, maxAbsPositionM);
  }
}
