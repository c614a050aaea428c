package org.gaitctl.core.recording;

import java.util.Locale;

/**
 * Centre of pressure of C3D force plates in lab coordinates, from the plate's forces and moments
 * and its {@code FORCE_PLATFORM:CORNERS}.
 *
 * <p>In plate coordinates (x from corner 2 to corner 1, y from corner 4 to corner 1, z down), with
 * the working surface {@code |ORIGIN z|} above the transducer: {@code px = (-My - |c| Fx) / Fz},
 * {@code py = (Mx - |c| Fy) / Fz}. Taking the magnitude of {@code c} makes the result the same for
 * the manual's and Vicon's sign conventions of {@code ORIGIN}; its x and y offset (a few mm) is
 * neglected. The lab position is the corners' centre plus px and py along the plate's axes. Type 1
 * plates give px and py directly (channels 4 and 5), types 2 and 4 through the moments (type 4
 * after {@code CAL_MATRIX}); type 3 gives none. Moments must be in newton times the point unit
 * ({@code Nmm} with {@code POINT:UNITS mm}), else there is no centre of pressure.
 */
final class C3dPlateCop {

  private C3dPlateCop() {}

  /** {@code [axis][sample]}: lab x and y in metres, or {@code null} when not computable. */
  static double[][] copLabM(
      C3dParameters parameters, C3dAnalog analog, int p, int type, int[] channels)
      throws RecordingFormatException {
    double metresPerUnit = metresPerPointUnit(parameters);
    double[] corners = corners(parameters, p);
    if (Double.isNaN(metresPerUnit) || corners == null || (type != 1 && type != 2 && type != 4)) {
      return null;
    }
    int n = analog.sampleCount();
    double[] px = new double[n];
    double[] py = new double[n];
    if (type == 1) {
      System.arraycopy(analog.channel(channels[3], "FORCE_PLATFORM:CHANNEL"), 0, px, 0, n);
      System.arraycopy(analog.channel(channels[4], "FORCE_PLATFORM:CHANNEL"), 0, py, 0, n);
    } else {
      if (!momentsInPointUnit(parameters, analog, channels)) {
        return null;
      }
      double[][] wrench = wrench(parameters, analog, p, type, channels);
      double c = Math.abs(originZ(parameters, p));
      for (int i = 0; i < n; i++) {
        double fz = wrench[2][i];
        px[i] = fz == 0 ? 0 : (-wrench[4][i] - c * wrench[0][i]) / fz;
        py[i] = fz == 0 ? 0 : (wrench[3][i] - c * wrench[1][i]) / fz;
      }
    }
    // Plate axes in the lab from the corners (x: corner 2 to 1, y: corner 4 to 1).
    double[] xAxis = unit(corners[0] - corners[3], corners[1] - corners[4]);
    double[] yAxis = unit(corners[0] - corners[9], corners[1] - corners[10]);
    double[] centre = centre(corners);
    double[][] lab = new double[2][n];
    for (int i = 0; i < n; i++) {
      for (int axis = 0; axis < 2; axis++) {
        lab[axis][i] = (centre[axis] + px[i] * xAxis[axis] + py[i] * yAxis[axis]) * metresPerUnit;
      }
    }
    return lab;
  }

  /** {@code [plate][axis]}: lab x and y of each plate's centre in metres, or {@code null}. */
  static double[][] centresLabM(C3dParameters parameters, int plates)
      throws RecordingFormatException {
    double metresPerUnit = metresPerPointUnit(parameters);
    if (Double.isNaN(metresPerUnit)) {
      return null;
    }
    double[][] centres = new double[plates][];
    for (int p = 0; p < plates; p++) {
      double[] corners = corners(parameters, p);
      if (corners == null) {
        return null;
      }
      double[] centre = centre(corners);
      centres[p] = new double[] {centre[0] * metresPerUnit, centre[1] * metresPerUnit};
    }
    return centres;
  }

  /** Fx, Fy, Fz, Mx, My, Mz per sample, through {@code CAL_MATRIX} for type 4. */
  private static double[][] wrench(
      C3dParameters parameters, C3dAnalog analog, int p, int type, int[] channels)
      throws RecordingFormatException {
    double[][] raw = new double[6][];
    for (int k = 0; k < 6; k++) {
      raw[k] = analog.channel(channels[k], "FORCE_PLATFORM:CHANNEL");
    }
    if (type == 2) {
      return raw;
    }
    double[] cal = parameters.numbers("FORCE_PLATFORM:CAL_MATRIX");
    int n = analog.sampleCount();
    double[][] wrench = new double[6][n];
    for (int row = 0; row < 6; row++) {
      for (int c = 0; c < 6; c++) {
        double k = cal[36 * p + row + 6 * c];
        for (int i = 0; i < n; i++) {
          wrench[row][i] += k * raw[c][i];
        }
      }
    }
    return wrench;
  }

  private static boolean momentsInPointUnit(
      C3dParameters parameters, C3dAnalog analog, int[] channels) throws RecordingFormatException {
    String pointUnit = pointUnit(parameters);
    for (int k = 3; k < 5; k++) {
      String unit = analog.unit(channels[k]).toLowerCase(Locale.ROOT);
      if (!unit.endsWith(pointUnit)) {
        return false;
      }
    }
    return true;
  }

  private static double originZ(C3dParameters parameters, int p) throws RecordingFormatException {
    if (!parameters.has("FORCE_PLATFORM:ORIGIN")) {
      return 0;
    }
    double[] origin = parameters.numbers("FORCE_PLATFORM:ORIGIN");
    return origin.length >= 3 * (p + 1) ? origin[3 * p + 2] : 0;
  }

  /** The 4 corners' x, y, z of plate {@code p}, or {@code null} when absent. */
  private static double[] corners(C3dParameters parameters, int p) throws RecordingFormatException {
    if (!parameters.has("FORCE_PLATFORM:CORNERS")) {
      return null;
    }
    double[] all = parameters.numbers("FORCE_PLATFORM:CORNERS");
    if (all.length < 12 * (p + 1)) {
      return null;
    }
    double[] corners = new double[12];
    System.arraycopy(all, 12 * p, corners, 0, 12);
    return corners;
  }

  private static double[] centre(double[] corners) {
    double[] centre = new double[2];
    for (int k = 0; k < 4; k++) {
      centre[0] += corners[3 * k] / 4;
      centre[1] += corners[3 * k + 1] / 4;
    }
    return centre;
  }

  private static double[] unit(double x, double y) {
    double length = Math.hypot(x, y);
    return new double[] {x / length, y / length};
  }

  private static String pointUnit(C3dParameters parameters) throws RecordingFormatException {
    return parameters.has("POINT:UNITS")
        ? parameters.strings("POINT:UNITS").get(0).toLowerCase(Locale.ROOT)
        : "";
  }

  /** Metres per {@code POINT:UNITS} unit ({@code mm}, {@code cm}, {@code m}), NaN if unknown. */
  private static double metresPerPointUnit(C3dParameters parameters)
      throws RecordingFormatException {
    return switch (pointUnit(parameters)) {
      case "mm" -> 0.001;
      case "cm" -> 0.01;
      case "m" -> 1;
      default -> Double.NaN;
    };
  }
}
