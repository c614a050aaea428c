package org.gaitctl.core.port;

/**
 * The flag bits of the serial stream devices (docs/WIRE-SERIAL.md): one definition for the drivers
 * that decode them, the pipeline and the supervisor that act on them, and the emulators that raise
 * them.
 */
public final class StreamFlags {

  /** LOAD_SAMPLE flag bit 0: the cell is overloaded. */
  public static final int LOAD_OVERLOAD = 1;

  /** LOAD_SAMPLE flag bit 1: bridge open / sensor fault; the force is not a measurement. */
  public static final int LOAD_SENSOR_FAULT = 1 << 1;

  /** LOAD_SAMPLE flag bit 2: a TARE is in progress; the force is not yet zeroed. */
  public static final int LOAD_TARE_IN_PROGRESS = 1 << 2;

  /** STATUS flag bit 0: the device is streaming. */
  public static final int STATUS_STREAMING = 1;

  /** STATUS flag bit 1: sensor fault. */
  public static final int STATUS_SENSOR_FAULT = 1 << 1;

  /** STATUS flag bit 2: frames were dropped since the last STATUS. */
  public static final int STATUS_FRAMES_DROPPED = 1 << 2;

  /** STATUS flag bit 3: cells (PBU) or the cell (LCA) read beyond their range. */
  public static final int STATUS_OVER_RANGE = 1 << 3;

  /** STATUS flag bit 4: a ZERO (PBU) or TARE (LCA) is in progress. */
  public static final int STATUS_TARE_IN_PROGRESS = 1 << 4;

  private StreamFlags() {}
}
