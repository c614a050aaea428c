package org.gaitctl.core.recording;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small C3D files for tests, byte for byte per the C3D manual: header block, parameter
 * section, analog-only data, in any processor's encoding. Used for the cases the real samples do
 * not cover (unsigned analog, plate types 3 and 4, DEC and MIPS, trials without events).
 */
final class C3dTestFile {

  private record Param(String group, String name, int type, int[] dims, Object values) {}

  private final C3dProcessor processor;
  private final boolean floatStorage;
  private final float pointRateHz;
  private final int samplesPerFrame;
  private final double[][] rawByChannel;
  private final List<Param> params = new ArrayList<>();
  private final List<String> headerEventLabels = new ArrayList<>();
  private final List<Float> headerEventTimes = new ArrayList<>();

  /**
   * @param rawByChannel raw analog values [channel][sample]; the sample count must be a multiple of
   *     {@code samplesPerFrame}
   */
  C3dTestFile(
      C3dProcessor processor,
      boolean floatStorage,
      float pointRateHz,
      int samplesPerFrame,
      double[][] rawByChannel) {
    this.processor = processor;
    this.floatStorage = floatStorage;
    this.pointRateHz = pointRateHz;
    this.samplesPerFrame = samplesPerFrame;
    this.rawByChannel = rawByChannel;
  }

  C3dTestFile ints(String group, String name, int[] dims, int... values) {
    params.add(new Param(group, name, 2, dims, values));
    return this;
  }

  C3dTestFile floats(String group, String name, int[] dims, float... values) {
    params.add(new Param(group, name, 4, dims, values));
    return this;
  }

  /** A text parameter: strings padded to the longest, dims [length, count]. */
  C3dTestFile text(String group, String name, String... values) {
    params.add(new Param(group, name, -1, null, values));
    return this;
  }

  C3dTestFile headerEvent(String label, float timeS) {
    headerEventLabels.add(label);
    headerEventTimes.add(timeS);
    return this;
  }

  byte[] build() {
    byte[] parameterSection = parameterSection();
    int parameterBlocks = (parameterSection.length + 511) / 512;
    int channels = rawByChannel.length;
    int samples = rawByChannel[0].length;
    int frames = samples / samplesPerFrame;
    int valueBytes = floatStorage ? 4 : 2;
    int dataBytes = frames * samplesPerFrame * channels * valueBytes;
    int dataBlock = 2 + parameterBlocks;
    byte[] bytes = new byte[(dataBlock - 1) * 512 + ((dataBytes + 511) / 512) * 512];
    ByteBuffer b = processor.wrap(bytes);
    bytes[0] = 2;
    bytes[1] = 0x50;
    b.putShort(2, (short) 0);
    b.putShort(4, (short) (channels * samplesPerFrame));
    b.putShort(6, (short) 1);
    b.putShort(8, (short) frames);
    putFloat(b, 12, floatStorage ? -1f : 1f);
    b.putShort(16, (short) dataBlock);
    b.putShort(18, (short) samplesPerFrame);
    putFloat(b, 20, pointRateHz);
    if (!headerEventLabels.isEmpty()) {
      b.putShort(298, (short) 12345);
      b.putShort(300, (short) headerEventLabels.size());
      for (int i = 0; i < headerEventLabels.size(); i++) {
        putFloat(b, 304 + 4 * i, headerEventTimes.get(i));
        byte[] label =
            String.format("%-4s", headerEventLabels.get(i)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(label, 0, bytes, 396 + 4 * i, 4);
      }
    }
    System.arraycopy(parameterSection, 0, bytes, 512, parameterSection.length);
    bytes[512 + 2] = (byte) parameterBlocks;
    bytes[512 + 3] = (byte) processor.code;
    int at = (dataBlock - 1) * 512;
    for (int s = 0; s < samples; s++) {
      for (int c = 0; c < channels; c++) {
        if (floatStorage) {
          putFloat(b, at, (float) rawByChannel[c][s]);
        } else {
          b.putShort(at, (short) Math.round(rawByChannel[c][s]));
        }
        at += valueBytes;
      }
    }
    return bytes;
  }

  private void putFloat(ByteBuffer b, int at, float value) {
    if (processor != C3dProcessor.DEC) {
      b.putFloat(at, value);
      return;
    }
    int bits = Float.floatToIntBits(value * 4f);
    b.putShort(at, (short) (bits >>> 16));
    b.putShort(at + 2, (short) bits);
  }

  private byte[] parameterSection() {
    Map<String, Integer> groupIds = new LinkedHashMap<>();
    for (Param p : params) {
      groupIds.putIfAbsent(p.group(), groupIds.size() + 1);
    }
    ByteBuffer b = processor.wrap(new byte[64 * 1024]);
    b.position(4);
    for (Map.Entry<String, Integer> group : groupIds.entrySet()) {
      b.put((byte) group.getKey().length()).put((byte) -group.getValue());
      b.put(group.getKey().getBytes(StandardCharsets.US_ASCII));
      b.putShort((short) 3).put((byte) 0);
    }
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      b.put((byte) p.name().length()).put((byte) (int) groupIds.get(p.group()));
      b.put(p.name().getBytes(StandardCharsets.US_ASCII));
      int offsetAt = b.position();
      b.putShort((short) 0);
      b.put((byte) p.type());
      if (p.type() == -1) {
        String[] strings = (String[]) p.values();
        int length = 0;
        for (String s : strings) {
          length = Math.max(length, s.length());
        }
        b.put((byte) 2).put((byte) length).put((byte) strings.length);
        for (String s : strings) {
          b.put(String.format("%-" + length + "s", s).getBytes(StandardCharsets.US_ASCII));
        }
      } else {
        b.put((byte) p.dims().length);
        for (int d : p.dims()) {
          b.put((byte) d);
        }
        if (p.type() == 2) {
          for (int v : (int[]) p.values()) {
            b.putShort((short) v);
          }
        } else {
          for (float v : (float[]) p.values()) {
            int at = b.position();
            b.position(at + 4);
            putFloat(b, at, v);
          }
        }
      }
      b.put((byte) 0);
      boolean last = i == params.size() - 1;
      b.putShort(offsetAt, (short) (last ? 0 : b.position() - offsetAt));
    }
    byte[] section = new byte[b.position()];
    b.get(0, section);
    return section;
  }
}
