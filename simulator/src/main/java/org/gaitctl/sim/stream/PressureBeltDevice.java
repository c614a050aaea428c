package org.gaitctl.sim.stream;

import org.gaitctl.core.port.DeviceInfo;
import org.gaitctl.drivers.serial.CommandPayload;
import org.gaitctl.drivers.serial.FrameEncoder;
import org.gaitctl.drivers.serial.MessageType;
import org.gaitctl.drivers.serial.PressureFramePayload;
import org.gaitctl.sim.PressureFrameSource;

/**
 * The emulated pressure-belt acquisition unit: PRESSURE_FRAMEs rendered by a {@link
 * PressureFrameSource}, one or two belts interleaved (belt 0 then belt 1 at each deadline), each
 * belt with its own {@code seq}, at the configured rate per belt. ZERO captures the baseline at the
 * end of the calibration and subtracts it from later frames. No allocation per frame.
 */
public final class PressureBeltDevice extends StreamDevice {

  /** Device settings. */
  public record Settings(
      int rateHz,
      int minRateHz,
      int maxRateHz,
      int zeroDurationMs,
      String serial,
      String firmware) {

    /** 300 Hz (10–1000 Hz accepted), a 500 ms ZERO. */
    public static Settings defaults() {
      return new Settings(300, 10, 1000, 500, "EMU-PBU-0001", "emu-1.0");
    }

    /** These settings at another streaming rate. */
    public Settings withRateHz(int newRateHz) {
      return new Settings(newRateHz, minRateHz, maxRateHz, zeroDurationMs, serial, firmware);
    }
  }

  private final PressureFrameSource source;
  private final Settings settings;
  private final char[][] cells;
  private final char[][] baseline;
  private final long[] seq;
  private boolean zeroed;

  /**
   * The grid the frames announce, {@code rows << 16 | cols}, or 0 for the belt's own (fault
   * injection: firmware sending another grid). One volatile word: rows and cols change together.
   */
  private volatile int injectedGrid;

  public PressureBeltDevice(
      PressureFrameSource source, Settings settings, DeviceOutput output, long clockOriginNs) {
    super(
        "pbu-emulator",
        output,
        clockOriginNs,
        settings.rateHz(),
        settings.minRateHz(),
        settings.maxRateHz(),
        settings.zeroDurationMs(),
        PressureFramePayload.length(source.rows(), source.cols()));
    if (source.belts() < 1 || source.belts() > 2) {
      throw new IllegalArgumentException(
          "a PBU carries 1 or 2 belts, source has " + source.belts());
    }
    this.source = source;
    this.settings = settings;
    int cellsPerBelt = source.rows() * source.cols();
    this.cells = new char[source.belts()][cellsPerBelt];
    this.baseline = new char[source.belts()][cellsPerBelt];
    this.seq = new long[source.belts()];
  }

  @Override
  protected DeviceInfo deviceInfo() {
    return new DeviceInfo(
        DeviceInfo.KIND_PRESSURE_BELT,
        source.belts(),
        source.rows(),
        source.cols(),
        source.pitchXUm(),
        source.pitchYUm(),
        rateHz(),
        settings.serial(),
        settings.firmware());
  }

  @Override
  protected int calibrationCommand() {
    return CommandPayload.ZERO;
  }

  @Override
  protected void onCalibrationDone(long nowNs) {
    for (int belt = 0; belt < cells.length; belt++) {
      source.render(nowNs, belt, baseline[belt]);
    }
    zeroed = true;
  }

  /**
   * Fault injection: frames of {@code rows} × {@code cols} cells (the first cells of the rendered
   * frame) instead of the belt's announced grid, as a unit whose firmware lost its configuration
   * would send; the belt's own grid again with {@link #sendOwnGrid()}.
   *
   * @throws IllegalArgumentException when the grid is empty, or larger than the belt's (the frame
   *     buffer), or a dimension is above the wire format's 16 bits
   */
  public void sendGrid(int rows, int cols) {
    if (rows < 1 || cols < 1 || rows > 0xFFFF || cols > 0xFFFF) {
      throw new IllegalArgumentException("a grid needs 1 to 65535 rows and columns");
    }
    if ((long) rows * cols > (long) source.rows() * source.cols()) {
      throw new IllegalArgumentException(
          "at most "
              + source.rows() * source.cols()
              + " cells (the belt's "
              + source.rows()
              + " x "
              + source.cols()
              + ")");
    }
    injectedGrid = rows << 16 | cols;
  }

  /** Ends {@link #sendGrid}: frames of the belt's announced grid again. */
  public void sendOwnGrid() {
    injectedGrid = 0;
  }

  @Override
  protected void emitSample(long sampleTimeNs) {
    int grid = injectedGrid;
    int rows = grid == 0 ? source.rows() : grid >>> 16;
    int cols = grid == 0 ? source.cols() : grid & 0xFFFF;
    for (int belt = 0; belt < cells.length; belt++) {
      char[] frame = cells[belt];
      source.render(sampleTimeNs, belt, frame);
      if (zeroed) {
        subtractBaseline(frame, baseline[belt]);
      }
      int length =
          PressureFramePayload.write(
              out(),
              FrameEncoder.payloadOffset(0),
              seq[belt],
              deviceTimeUs(sampleTimeNs),
              belt,
              rows,
              cols,
              frame);
      seq[belt] = (seq[belt] + 1) & 0xFFFF_FFFFL;
      send(MessageType.PRESSURE_FRAME, length);
    }
  }

  private static void subtractBaseline(char[] frame, char[] zero) {
    for (int i = 0; i < frame.length; i++) {
      frame[i] = (char) Math.max(0, frame[i] - zero[i]);
    }
  }

  @Override
  protected void skipSample() {
    for (int belt = 0; belt < seq.length; belt++) {
      seq[belt] = (seq[belt] + 1) & 0xFFFF_FFFFL;
    }
  }
}
