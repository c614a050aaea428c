package org.gaitctl.sim.stream;

import org.gaitctl.core.port.DeviceInfo;
import org.gaitctl.core.port.StreamFlags;
import org.gaitctl.drivers.serial.CommandPayload;
import org.gaitctl.drivers.serial.FrameEncoder;
import org.gaitctl.drivers.serial.LoadSamplePayload;
import org.gaitctl.drivers.serial.MessageType;
import org.gaitctl.sim.LoadCellSource;

/**
 * The emulated harness load-cell amplifier: LOAD_SAMPLEs from a {@link LoadCellSource}, 1 kHz by
 * default. TARE takes the force at its end as the new zero; while it runs, samples carry flag bit 2
 * and STATUS bit 4. Injected overload and sensor faults set the sample flags (bits 0, 1) and STATUS
 * bits 3, 1.
 */
public final class LoadCellDevice extends StreamDevice {

  /** Device settings. */
  public record Settings(
      int rateHz,
      int minRateHz,
      int maxRateHz,
      int tareDurationMs,
      String serial,
      String firmware) {

    /** 1000 Hz (100–5000 Hz accepted), a 200 ms TARE. */
    public static Settings defaults() {
      return new Settings(1000, 100, 5000, 200, "EMU-LCA-0001", "emu-1.0");
    }

    /** These settings at another streaming rate. */
    public Settings withRateHz(int newRateHz) {
      return new Settings(newRateHz, minRateHz, maxRateHz, tareDurationMs, serial, firmware);
    }
  }

  private final LoadCellSource source;
  private final Settings settings;
  private long seq;
  private int tareOffsetCn;

  public LoadCellDevice(
      LoadCellSource source, Settings settings, DeviceOutput output, long clockOriginNs) {
    super(
        "lca-emulator",
        output,
        clockOriginNs,
        settings.rateHz(),
        settings.minRateHz(),
        settings.maxRateHz(),
        settings.tareDurationMs(),
        LoadSamplePayload.LENGTH);
    this.source = source;
    this.settings = settings;
  }

  @Override
  protected DeviceInfo deviceInfo() {
    return new DeviceInfo(
        DeviceInfo.KIND_LOAD_CELL, 0, 0, 0, 0, 0, rateHz(), settings.serial(), settings.firmware());
  }

  @Override
  protected int calibrationCommand() {
    return CommandPayload.TARE;
  }

  @Override
  protected void onCalibrationDone(long nowNs) {
    tareOffsetCn = source.forceCn(nowNs);
  }

  @Override
  protected void emitSample(long sampleTimeNs) {
    int flags = source.flags(sampleTimeNs);
    if (faults().overload()) {
      flags |= StreamFlags.LOAD_OVERLOAD;
    }
    if (faults().sensorFault()) {
      flags |= StreamFlags.LOAD_SENSOR_FAULT;
    }
    if (calibrating()) {
      flags |= StreamFlags.LOAD_TARE_IN_PROGRESS;
    }
    int length =
        LoadSamplePayload.write(
            out(),
            FrameEncoder.payloadOffset(0),
            seq,
            deviceTimeUs(sampleTimeNs),
            source.forceCn(sampleTimeNs) - tareOffsetCn,
            flags);
    seq = (seq + 1) & 0xFFFF_FFFFL;
    send(MessageType.LOAD_SAMPLE, length);
  }

  @Override
  protected void skipSample() {
    seq = (seq + 1) & 0xFFFF_FFFFL;
  }
}
