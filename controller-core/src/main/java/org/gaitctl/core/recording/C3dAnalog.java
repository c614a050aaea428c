package org.gaitctl.core.recording;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The analog channels of a C3D file, read, scaled and cached on demand: value = (raw - {@code
 * ANALOG:OFFSET}) x {@code ANALOG:SCALE} x {@code ANALOG:GEN_SCALE}, raw integers and offsets
 * unsigned 16-bit when {@code ANALOG:FORMAT} is {@code UNSIGNED}.
 */
final class C3dAnalog {

  private final ByteBuffer file;
  private final C3dProcessor processor;
  private final C3dParameters parameters;
  private final C3dHeader header;
  private final int channels;
  private final double rateHz;
  private final double[][] cache;
  private final double[] offsets;
  private final double[] scales;
  private final double generalScale;
  private final boolean unsigned;
  private final List<String> units;

  C3dAnalog(
      String name,
      ByteBuffer file,
      C3dProcessor processor,
      C3dParameters parameters,
      C3dHeader header)
      throws RecordingFormatException {
    this.file = file;
    this.processor = processor;
    this.parameters = parameters;
    this.header = header;
    int samplesPerFrame = header.samplesPerFrame();
    if (samplesPerFrame <= 0 || header.analogValuesPerFrame() % samplesPerFrame != 0) {
      throw new RecordingFormatException(
          name,
          "offset 18",
          header.analogValuesPerFrame()
              + " analog values per frame do not divide into "
              + samplesPerFrame
              + " samples");
    }
    channels = header.analogValuesPerFrame() / samplesPerFrame;
    if (parameters.has("ANALOG:USED") && (int) parameters.number("ANALOG:USED") != channels) {
      throw parameters.error(
          "ANALOG:USED",
          (int) parameters.number("ANALOG:USED")
              + " channels, but the header holds "
              + channels
              + " per sample");
    }
    rateHz =
        parameters.has("ANALOG:RATE")
            ? parameters.number("ANALOG:RATE")
            : header.pointRateHz() * samplesPerFrame;
    long needed = header.dataOffset() + (long) header.frameBytes() * header.frameCount();
    if (needed > file.capacity()) {
      throw new RecordingFormatException(
          name,
          "offset " + file.capacity(),
          "truncated: "
              + header.frameCount()
              + " frames need "
              + needed
              + " bytes, the file has "
              + file.capacity());
    }
    cache = new double[channels][];
    unsigned =
        parameters.has("ANALOG:FORMAT")
            && parameters.strings("ANALOG:FORMAT").get(0).equalsIgnoreCase("UNSIGNED");
    offsets = perChannel("ANALOG:OFFSET", 0, unsigned);
    scales = perChannel("ANALOG:SCALE", 1, false);
    generalScale = parameters.has("ANALOG:GEN_SCALE") ? parameters.number("ANALOG:GEN_SCALE") : 1;
    units = parameters.has("ANALOG:UNITS") ? parameters.strings("ANALOG:UNITS") : List.of();
  }

  int sampleCount() {
    return header.frameCount() * header.samplesPerFrame();
  }

  double rateHz() {
    return rateHz;
  }

  private double[] perChannel(String key, double absent, boolean asUnsigned)
      throws RecordingFormatException {
    double[] values = new double[channels];
    if (!parameters.has(key)) {
      Arrays.fill(values, absent);
      return values;
    }
    double[] read = asUnsigned ? parameters.unsignedNumbers(key) : parameters.numbers(key);
    if (read.length < channels) {
      throw parameters.error(key, "has " + read.length + " values for " + channels + " channels");
    }
    System.arraycopy(read, 0, values, 0, channels);
    return values;
  }

  /**
   * Channel {@code number} (1-based) in its units; {@code key} names the parameter that asked for
   * it, for the error when there is no such channel. The array is shared: do not modify it.
   */
  double[] channel(int number, String key) throws RecordingFormatException {
    if (number < 1 || number > channels) {
      throw parameters.error(
          key, "channel " + number + " is not among the " + channels + " analog channels");
    }
    int c = number - 1;
    if (cache[c] != null) {
      return cache[c];
    }
    int valueBytes = header.valueBytes();
    int frameBytes = header.frameBytes();
    int samplesPerFrame = header.samplesPerFrame();
    int analogStart = header.dataOffset() + 4 * header.pointCount() * valueBytes;
    double factor = scales[c] * generalScale;
    double[] values = new double[sampleCount()];
    for (int f = 0; f < header.frameCount(); f++) {
      for (int s = 0; s < samplesPerFrame; s++) {
        int at = analogStart + f * frameBytes + (s * channels + c) * valueBytes;
        double raw;
        if (header.floatStorage()) {
          raw = processor.float32(file, at);
        } else {
          short word = processor.int16(file, at);
          raw = unsigned ? word & 0xFFFF : word;
        }
        values[f * samplesPerFrame + s] = (raw - offsets[c]) * factor;
      }
    }
    cache[c] = values;
    return values;
  }

  /** {@code N} for newtons (C3D writes {@code N} or the older {@code nt}), else as written. */
  String unit(int number) {
    String unit = number <= units.size() ? units.get(number - 1).trim() : "";
    String lower = unit.toLowerCase(Locale.ROOT);
    if (lower.equals("n") || lower.equals("nt") || lower.startsWith("newton")) {
      return ForceRecording.NEWTONS;
    }
    return unit.isEmpty() ? "unknown" : unit;
  }
}
