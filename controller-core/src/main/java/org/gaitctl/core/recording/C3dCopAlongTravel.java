package org.gaitctl.core.recording;

import org.gaitctl.core.gait.Side;

/**
 * Each foot's centre of pressure along the direction of travel, from the plates assigned to it.
 *
 * <p>The direction of travel is the horizontal direction from the centre of the plate loaded first
 * to the centre of the plate loaded last, so it needs two plates loaded at different places. A
 * foot's value is the force-weighted mean over its plates loaded above {@link #MIN_LOAD_SHARE} of
 * the largest plate force (dividing small moments by a small force near contact and toe off gives
 * wild positions); below that the last loaded value is held (before the first contact, the first
 * one), as a centre of pressure has no meaning without load.
 */
final class C3dCopAlongTravel {

  static final double MIN_LOAD_SHARE = 0.10;

  private C3dCopAlongTravel() {}

  /** {@code [side ordinal][sample]} in metres along travel, or {@code null} when undetermined. */
  static double[][] compute(C3dForcePlates plates, Side[] sides, double threshold) {
    if (plates.copLabM() == null) {
      return null;
    }
    double[] travel = travelDirection(plates, threshold);
    if (travel == null) {
      return null;
    }
    double minLoad = Math.max(threshold, MIN_LOAD_SHARE * plates.maxFz());
    double[][] result = new double[2][];
    for (Side side : Side.values()) {
      result[side.ordinal()] = along(plates, sides, side, minLoad, travel);
      if (result[side.ordinal()] == null) {
        return null;
      }
    }
    return result;
  }

  private static double[] along(
      C3dForcePlates plates, Side[] sides, Side side, double minLoad, double[] travel) {
    int n = plates.fz()[0].length;
    double[] ap = new double[n];
    int firstLoaded = -1;
    for (int i = 0; i < n; i++) {
      double weight = 0;
      double sum = 0;
      for (int p = 0; p < sides.length; p++) {
        double fz = plates.fz()[p][i];
        if (sides[p] == side && fz > minLoad) {
          double[][] cop = plates.copLabM()[p];
          sum += fz * (cop[0][i] * travel[0] + cop[1][i] * travel[1]);
          weight += fz;
        }
      }
      if (weight > 0) {
        ap[i] = sum / weight;
        if (firstLoaded < 0) {
          firstLoaded = i;
        }
      } else if (i > 0) {
        ap[i] = ap[i - 1];
      }
    }
    if (firstLoaded < 0) {
      return null;
    }
    for (int i = 0; i < firstLoaded; i++) {
      ap[i] = ap[firstLoaded];
    }
    return ap;
  }

  /** Unit horizontal vector from the first- to the last-loaded plate's centre, or null. */
  private static double[] travelDirection(C3dForcePlates plates, double threshold) {
    int first = -1;
    int last = -1;
    int firstIndex = Integer.MAX_VALUE;
    int lastIndex = -1;
    for (int p = 0; p < plates.fz().length; p++) {
      int onset = onset(plates.fz()[p], threshold);
      if (onset < 0) {
        continue;
      }
      if (onset < firstIndex) {
        firstIndex = onset;
        first = p;
      }
      if (onset > lastIndex) {
        lastIndex = onset;
        last = p;
      }
    }
    if (first < 0 || first == last) {
      return null;
    }
    double dx = plates.centreLabM()[last][0] - plates.centreLabM()[first][0];
    double dy = plates.centreLabM()[last][1] - plates.centreLabM()[first][1];
    double length = Math.hypot(dx, dy);
    return length == 0 ? null : new double[] {dx / length, dy / length};
  }

  private static int onset(double[] fz, double threshold) {
    for (int i = 0; i < fz.length; i++) {
      if (fz[i] > threshold) {
        return i;
      }
    }
    return -1;
  }
}
