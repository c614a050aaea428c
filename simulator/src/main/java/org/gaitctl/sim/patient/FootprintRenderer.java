package org.gaitctl.sim.patient;

import org.gaitctl.config.BeltGeometry;
import org.gaitctl.core.gait.Side;

/**
 * Spreads one foot's vertical force over the pressure cells under it.
 *
 * <p>The foot is an ellipse-ish outline (length × width, toes turned out) carrying four pressure
 * regions: heel, lateral midfoot, forefoot (metatarsal heads) and toes, each a smooth compact bump
 * {@code (1 − r²)²}. Over the stance phase the weights move from heel to forefoot and toes, and the
 * part of the foot in contact grows from the heel at heel strike (foot flat by 18 % of stance) and
 * shrinks to the forefoot at toe off, so the centre of pressure rolls heel → forefoot.
 *
 * <p>Geometry: x along the belt from the anterior edge of the sensing area (row 0) towards higher
 * rows, z across from the midline, positive to the patient's right. On a single belt the midline is
 * the middle of the belt; on a split belt belt 0 (left) ends and belt 1 (right) begins at it.
 *
 * <p>The force is normalised over the whole footprint, including any part off the sensing area (so
 * a foot partly off the belt loses that part's force, as on a real belt). Counts are accumulated as
 * doubles; {@link #writeCells} rounds them. Single-threaded, no allocation.
 */
final class FootprintRenderer {

  /** Regions: u centre, u radius (fractions of length), w centre, w radius (fractions of width). */
  private static final double[][] REGIONS = {
    {0.13, 0.15, 0.00, 0.38},
    {0.45, 0.20, 0.20, 0.30},
    {0.72, 0.14, 0.00, 0.50},
    {0.92, 0.09, -0.13, 0.33},
  };

  static final int FULL_SCALE_COUNTS = 65535;

  private final int rows;
  private final int cols;
  private final int belts;
  private final double pitchXM;
  private final double pitchYM;
  private final double countsPerNewton;
  private final double footLengthM;
  private final double footWidthM;
  private final double cosToeOut;
  private final double sinToeOut;
  private final double[] regionWeights = new double[REGIONS.length];

  FootprintRenderer(BeltGeometry geometry, PatientModelOptions options) {
    this.rows = geometry.rows();
    this.cols = geometry.cols();
    this.belts = geometry.belts();
    this.pitchXM = geometry.pitchXUm() * 1e-6;
    this.pitchYM = geometry.pitchYUm() * 1e-6;
    double cellAreaCm2 = (geometry.pitchXUm() * 1e-4) * (geometry.pitchYUm() * 1e-4);
    this.countsPerNewton = 1.0 / (0.01 * cellAreaCm2);
    this.footLengthM = options.footLengthM();
    this.footWidthM = options.footWidthM();
    double toeOutRad = Math.toRadians(options.toeOutDeg());
    this.cosToeOut = Math.cos(toeOutRad);
    this.sinToeOut = Math.sin(toeOutRad);
  }

  /** Length of the sensing area along the belt, m. */
  double sensingLengthM() {
    return rows * pitchYM;
  }

  /** Width of one belt, m. */
  double beltWidthM() {
    return cols * pitchXM;
  }

  /** z of the left edge of {@code belt}'s column 0, m from the midline. */
  double beltLeftEdgeM(int belt) {
    if (belts == 1) {
      return -0.5 * beltWidthM();
    }
    return belt == 0 ? -beltWidthM() : 0.0;
  }

  /**
   * Adds the foot's pressure, in counts of 0.01 N/cm², to {@code counts} ({@code rows*cols} of
   * {@code belt}).
   *
   * @param heelApM heel position along the belt, m from the anterior edge
   * @param footMlM foot centre line at the heel, m from the midline, positive right
   * @param phase stance phase 0..1 that sets the footprint's shape
   * @param forceN the foot's vertical force
   */
  void accumulate(
      int belt,
      Side side,
      double heelApM,
      double footMlM,
      double phase,
      double forceN,
      double[] counts) {
    if (!(forceN > 0.0)) {
      return;
    }
    setRegionWeights(phase);
    double uLow = 0.6 * smoothstep(0.5, 1.0, phase);
    double uHigh = 0.3 + 0.7 * smoothstep(0.0, 0.18, phase);
    double lateralSign = side == Side.LEFT ? -1.0 : 1.0;
    double dirX = -cosToeOut;
    double dirZ = lateralSign * sinToeOut;
    double latX = sinToeOut;
    double latZ = lateralSign * cosToeOut;

    double halfWidth = 0.5 * footWidthM;
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minZ = Double.MAX_VALUE;
    double maxZ = -Double.MAX_VALUE;
    for (int corner = 0; corner < 4; corner++) {
      double along = (corner & 1) == 0 ? 0.0 : footLengthM;
      double across = (corner & 2) == 0 ? -halfWidth : halfWidth;
      double x = heelApM + along * dirX + across * latX;
      double z = footMlM + along * dirZ + across * latZ;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minZ = Math.min(minZ, z);
      maxZ = Math.max(maxZ, z);
    }
    double leftEdge = beltLeftEdgeM(belt);
    int rowFrom = (int) Math.floor(minX / pitchYM - 0.5);
    int rowTo = (int) Math.ceil(maxX / pitchYM - 0.5);
    int colFrom = (int) Math.floor((minZ - leftEdge) / pitchXM - 0.5);
    int colTo = (int) Math.ceil((maxZ - leftEdge) / pitchXM - 0.5);
    if (colTo < 0 || colFrom >= cols) {
      return;
    }

    double densitySum = 0.0;
    for (int r = rowFrom; r <= rowTo; r++) {
      for (int c = colFrom; c <= colTo; c++) {
        densitySum +=
            densityAt(r, c, leftEdge, heelApM, footMlM, dirX, dirZ, latX, latZ, uLow, uHigh);
      }
    }
    if (!(densitySum > 0.0)) {
      return;
    }
    double countsPerDensity = forceN * countsPerNewton / densitySum;
    for (int r = Math.max(0, rowFrom); r <= Math.min(rows - 1, rowTo); r++) {
      for (int c = Math.max(0, colFrom); c <= Math.min(cols - 1, colTo); c++) {
        double density =
            densityAt(r, c, leftEdge, heelApM, footMlM, dirX, dirZ, latX, latZ, uLow, uHigh);
        counts[r * cols + c] += density * countsPerDensity;
      }
    }
  }

  /**
   * Rounds accumulated pressure to cells: {@code round(counts × gain) + offset}, saturating at
   * {@value #FULL_SCALE_COUNTS}. Returns the number of saturated cells.
   */
  int writeCells(double[] counts, double gain, int offsetCounts, char[] cells) {
    int saturated = 0;
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      long value = Math.round(counts[i] * gain) + offsetCounts;
      if (value >= FULL_SCALE_COUNTS) {
        value = FULL_SCALE_COUNTS;
        saturated++;
      }
      cells[i] = (char) value;
    }
    return saturated;
  }

  /** Newtons represented by one count in one cell. */
  double newtonsPerCount() {
    return 1.0 / countsPerNewton;
  }

  private double densityAt(
      int row,
      int col,
      double leftEdge,
      double heelApM,
      double footMlM,
      double dirX,
      double dirZ,
      double latX,
      double latZ,
      double uLow,
      double uHigh) {
    double dx = (row + 0.5) * pitchYM - heelApM;
    double dz = leftEdge + (col + 0.5) * pitchXM - footMlM;
    double u = (dx * dirX + dz * dirZ) / footLengthM;
    if (u < uLow || u > uHigh) {
      return 0.0;
    }
    double w = (dx * latX + dz * latZ) / footWidthM;
    double ellipse = (u - 0.5) / 0.5;
    double outline = 1.0 - ellipse * ellipse;
    if (outline <= 0.0 || w * w > 0.25 * outline) {
      return 0.0;
    }
    double density = 0.0;
    for (int i = 0; i < REGIONS.length; i++) {
      if (regionWeights[i] <= 0.0) {
        continue;
      }
      double[] region = REGIONS[i];
      double du = (u - region[0]) / region[1];
      double dw = (w - region[2]) / region[3];
      double r2 = du * du + dw * dw;
      if (r2 < 1.0) {
        double bump = 1.0 - r2;
        density += regionWeights[i] * bump * bump;
      }
    }
    return density;
  }

  private void setRegionWeights(double phase) {
    regionWeights[0] = 1.0 - smoothstep(0.2, 0.6, phase);
    regionWeights[1] = 0.35 * smoothstep(0.05, 0.25, phase) * (1.0 - smoothstep(0.45, 0.7, phase));
    regionWeights[2] = smoothstep(0.1, 0.5, phase);
    regionWeights[3] = 0.6 * smoothstep(0.45, 0.85, phase);
  }

  static double smoothstep(double edge0, double edge1, double x) {
    double t = GaitNorms.clamp((x - edge0) / (edge1 - edge0), 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
  }
}
