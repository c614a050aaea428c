package org.gaitctl.core.recording;

/**
 * The vertical force of each force platform of a C3D file ({@code FORCE_PLATFORM:USED/TYPE/
 * CHANNEL}, types 1 to 4), baseline-corrected over the {@code FORCE_PLATFORM:ZERO} frames and
 * signed so that loading is positive.
 *
 * @param fz per plate, per analog sample
 * @param unit the force unit, {@code N} for newtons
 */
record C3dForcePlates(double[][] fz, String unit) {

  private static final String CHANNEL = "FORCE_PLATFORM:CHANNEL";
  private static final String CAL_MATRIX = "FORCE_PLATFORM:CAL_MATRIX";

  /** One plate's Fz and its unit. */
  private record PlateFz(double[] values, String unit) {}

  static C3dForcePlates read(C3dParameters parameters, C3dAnalog analog, C3dHeader header)
      throws RecordingFormatException {
    if (!parameters.has("FORCE_PLATFORM:USED")
        || (int) parameters.number("FORCE_PLATFORM:USED") <= 0) {
      throw parameters.error("FORCE_PLATFORM:USED", "no force platform in this file");
    }
    int plates = (int) parameters.number("FORCE_PLATFORM:USED");
    int[] types = ints(parameters, "FORCE_PLATFORM:TYPE", plates);
    int[] channelDims = parameters.dims(CHANNEL);
    int rows = channelDims.length == 0 ? 1 : channelDims[0];
    int[] channelTable = ints(parameters, CHANNEL, rows * plates);
    double[][] fz = new double[plates][];
    String unit = null;
    for (int p = 0; p < plates; p++) {
      int[] channels = new int[rows];
      System.arraycopy(channelTable, p * rows, channels, 0, rows);
      PlateFz plate = plateFz(parameters, analog, p, types[p], channels);
      if (unit == null) {
        unit = plate.unit();
      } else if (!unit.equals(plate.unit())) {
        throw parameters.error(
            "ANALOG:UNITS", "force plates in different units: " + unit + " and " + plate.unit());
      }
      fz[p] = plate.values();
      subtractZeroBaseline(parameters, header, fz[p]);
      normaliseLoadingPositive(fz[p]);
    }
    return new C3dForcePlates(fz, unit);
  }

  /** The largest force of any plate. */
  double maxFz() {
    double max = 0;
    for (double[] plate : fz) {
      for (double v : plate) {
        max = Math.max(max, v);
      }
    }
    return max;
  }

  /** A new array holding plate {@code p}'s Fz in its channels' units. */
  private static PlateFz plateFz(
      C3dParameters parameters, C3dAnalog analog, int p, int type, int[] channels)
      throws RecordingFormatException {
    switch (type) {
      case 1, 2 -> {
        requireRows(parameters, channels.length, 6, type);
        return new PlateFz(analog.channel(channels[2], CHANNEL).clone(), analog.unit(channels[2]));
      }
      case 3 -> {
        // Kistler: Fx12, Fx34, Fy14, Fy23, then the four vertical sensors Fz1..Fz4.
        requireRows(parameters, channels.length, 8, type);
        double[] sum = new double[analog.sampleCount()];
        for (int r = 4; r < 8; r++) {
          add(sum, 1, analog.channel(channels[r], CHANNEL));
        }
        return new PlateFz(sum, analog.unit(channels[4]));
      }
      case 4 -> {
        requireRows(parameters, channels.length, 6, type);
        double[] cal = parameters.numbers(CAL_MATRIX);
        if (cal.length < 36 * (p + 1)) {
          throw parameters.error(CAL_MATRIX, "needs 6x6 values for plate " + (p + 1));
        }
        // Stored first index fastest: Fz is row 3, element (row 2, column c) at 2 + 6c. The
        // matrix turns the channels' units into newtons.
        double[] fz = new double[analog.sampleCount()];
        for (int c = 0; c < 6; c++) {
          add(fz, cal[36 * p + 2 + 6 * c], analog.channel(channels[c], CHANNEL));
        }
        return new PlateFz(fz, ForceRecording.NEWTONS);
      }
      default ->
          throw parameters.error(
              "FORCE_PLATFORM:TYPE",
              "plate " + (p + 1) + " has type " + type + ", supported 1 to 4");
    }
  }

  private static void add(double[] sum, double factor, double[] values) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += factor * values[i];
    }
  }

  private static void requireRows(C3dParameters parameters, int rows, int needed, int type)
      throws RecordingFormatException {
    if (rows < needed) {
      throw parameters.error(
          CHANNEL, "type " + type + " plates need " + needed + " channels, found " + rows);
    }
  }

  private static int[] ints(C3dParameters parameters, String key, int needed)
      throws RecordingFormatException {
    double[] values = parameters.numbers(key);
    if (values.length < needed) {
      throw parameters.error(key, "has " + values.length + " values, needs " + needed);
    }
    int[] ints = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      ints[i] = (int) values[i];
    }
    return ints;
  }

  /**
   * Subtracts the mean over the frames {@code FORCE_PLATFORM:ZERO} names (1-based, inclusive), as
   * the C3D manual asks; a range such as [0, 0] or [1, 0] means no baseline correction.
   */
  private static void subtractZeroBaseline(C3dParameters parameters, C3dHeader header, double[] fz)
      throws RecordingFormatException {
    if (!parameters.has("FORCE_PLATFORM:ZERO")) {
      return;
    }
    double[] range = parameters.numbers("FORCE_PLATFORM:ZERO");
    if (range.length < 2) {
      throw parameters.error("FORCE_PLATFORM:ZERO", "needs a first and a last frame");
    }
    int first = (int) range[0];
    int last = Math.min((int) range[1], header.frameCount());
    if (first < 1 || last < first) {
      return;
    }
    int from = (first - 1) * header.samplesPerFrame();
    int to = last * header.samplesPerFrame();
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += fz[i];
    }
    double baseline = sum / (to - from);
    for (int i = 0; i < fz.length; i++) {
      fz[i] -= baseline;
    }
  }

  /** Flips a plate's force so that loading is positive: its largest magnitude must be positive. */
  private static void normaliseLoadingPositive(double[] fz) {
    double peak = 0;
    for (double v : fz) {
      if (Math.abs(v) > Math.abs(peak)) {
        peak = v;
      }
    }
    if (peak < 0) {
      for (int i = 0; i < fz.length; i++) {
        fz[i] = -fz[i];
      }
    }
  }
}
