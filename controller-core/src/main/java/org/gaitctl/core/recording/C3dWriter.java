package org.gaitctl.core.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gaitctl.core.gait.GaitEventKind;
import org.gaitctl.core.gait.Side;

/**
 * Writes per-foot vertical force sampled at a fixed rate, with gait events, as a C3D file: the
 * mirror of {@link C3dReader}. Intel processor (84), IEEE floats (POINT:SCALE -1), no 3D points.
 *
 * <p>Analog channels: 1 {@code LFz} and 2 {@code RFz} in {@code N}, 3 {@code NONE} (constant 0 N).
 * Each foot is a virtual type-1 force platform ({@code FORCE_PLATFORM:CHANNEL} Fx Fy Fz Px Py Mz)
 * whose Fz is its foot's channel; a pressure mat measures neither shear nor moments, so the other
 * five rows name the zero channel, and the plates have no {@code CORNERS} (a centre of pressure in
 * lab space is not claimed). Gait events go to the EVENT group ({@code Left Foot Strike}, context
 * {@code Left}; times [minutes, seconds] from frame 1), as Mokka, ezc3d, BTK and Visual3D read
 * them. The header's frame numbers are 16-bit, so long trials put several analog samples in one
 * frame (the point rate is then the analog rate over that count) and pad the last frame with the
 * last sample.
 */
public final class C3dWriter {

  private static final int BLOCK = C3dHeader.BLOCK_BYTES;
  private static final int MAX_FRAMES = 65535;
  private static final int CHANNELS = 3;
  private static final int ZERO_CHANNEL = 3;
  private static final byte CHAR = -1;
  private static final byte INT16 = 2;
  private static final byte FLOAT = 4;

  /** Events per EVENT array parameter: a C3D dimension is one unsigned byte. */
  static final int EVENTS_PER_PARAMETER = 255;

  /** EVENT:USED is a signed 16-bit integer. */
  static final int MAX_EVENTS = Short.MAX_VALUE;

  private C3dWriter() {}

  /**
   * Writes {@code file}.
   *
   * @param rateHz the analog sample rate
   * @param leftFzN left vertical force per sample, N
   * @param rightFzN right vertical force per sample, N, as many as left
   * @param events times in s from the first sample
   */
  public static void write(
      Path file, double rateHz, double[] leftFzN, double[] rightFzN, List<ReferenceEvent> events)
      throws IOException {
    Files.write(file, bytes(rateHz, leftFzN, rightFzN, events));
  }

  static byte[] bytes(
      double rateHz, double[] leftFzN, double[] rightFzN, List<ReferenceEvent> events) {
    if (!(rateHz > 0) || leftFzN.length == 0 || leftFzN.length != rightFzN.length) {
      throw new IllegalArgumentException(
          "C3D needs a rate > 0 and as many left as right samples, at least one");
    }
    int samples = leftFzN.length;
    int samplesPerFrame = (samples + MAX_FRAMES - 1) / MAX_FRAMES;
    int frames = (samples + samplesPerFrame - 1) / samplesPerFrame;
    float pointRateHz = (float) (rateHz / samplesPerFrame);
    byte[] parameters = parameters(rateHz, pointRateHz, frames, events);
    int parameterBlocks = (parameters.length + BLOCK - 1) / BLOCK;
    int dataBlock = 2 + parameterBlocks;
    long dataBytes = 4L * CHANNELS * samplesPerFrame * frames;
    ByteBuffer out =
        ByteBuffer.allocate(Math.toIntExact((dataBlock - 1L) * BLOCK + roundUp(dataBytes)))
            .order(ByteOrder.LITTLE_ENDIAN);
    out.put(0, (byte) 2).put(1, (byte) 0x50);
    out.putShort(2, (short) 0); // 3D points
    out.putShort(4, (short) (CHANNELS * samplesPerFrame));
    out.putShort(6, (short) 1);
    out.putShort(8, (short) frames);
    out.putFloat(12, -1f); // float storage
    out.putShort(16, (short) dataBlock);
    out.putShort(18, (short) samplesPerFrame);
    out.putFloat(20, pointRateHz);
    out.put(BLOCK, parameters);
    int at = (dataBlock - 1) * BLOCK;
    for (int i = 0; i < frames * samplesPerFrame; i++) {
      int s = Math.min(i, samples - 1);
      out.putFloat(at, (float) leftFzN[s]).putFloat(at + 4, (float) rightFzN[s]);
      out.putFloat(at + 8, 0f);
      at += 4 * CHANNELS;
    }
    return out.array();
  }

  private static long roundUp(long bytes) {
    return (bytes + BLOCK - 1) / BLOCK * BLOCK;
  }

  private static byte[] parameters(
      double rateHz, float pointRateHz, int frames, List<ReferenceEvent> events) {
    C3dParameterSection section = new C3dParameterSection(events.size());
    section.group(1, "POINT", "3D points");
    section.int16s(1, "USED", new int[] {0});
    section.floats(1, "RATE", new float[] {pointRateHz});
    section.int16s(1, "FRAMES", new int[] {frames});
    section.floats(1, "SCALE", new float[] {-1f});
    section.texts(1, "UNITS", List.of("mm"));
    section.group(2, "ANALOG", "analog channels");
    section.int16s(2, "USED", new int[] {CHANNELS});
    section.texts(2, "LABELS", List.of("LFz", "RFz", "NONE"));
    section.texts(
        2,
        "DESCRIPTIONS",
        List.of("left foot vertical force", "right foot vertical force", "not measured (0)"));
    section.texts(2, "UNITS", List.of("N", "N", "N"));
    section.floats(2, "SCALE", new float[] {1f, 1f, 1f});
    section.int16s(2, "OFFSET", new int[] {0, 0, 0});
    section.floats(2, "GEN_SCALE", new float[] {1f});
    section.floats(2, "RATE", new float[] {(float) rateHz});
    section.texts(2, "FORMAT", List.of("SIGNED"));
    section.group(3, "FORCE_PLATFORM", "one virtual plate per foot");
    section.int16s(3, "USED", new int[] {2});
    section.int16s(3, "TYPE", new int[] {1, 1});
    section.int16Table(
        3,
        "CHANNEL",
        6,
        new int[] {
          ZERO_CHANNEL, ZERO_CHANNEL, 1, ZERO_CHANNEL, ZERO_CHANNEL, ZERO_CHANNEL,
          ZERO_CHANNEL, ZERO_CHANNEL, 2, ZERO_CHANNEL, ZERO_CHANNEL, ZERO_CHANNEL
        });
    section.int16s(3, "ZERO", new int[] {0, 0});
    section.group(4, "EVENT", "gait events");
    int n = events.size();
    if (n > MAX_EVENTS) {
      throw new IllegalArgumentException(
          n + " gait events exceed C3D's EVENT:USED, a 16-bit count of at most " + MAX_EVENTS);
    }
    section.int16s(4, "USED", new int[] {n});
    // A dimension is one byte: past 255 events the arrays go on in CONTEXTS2, LABELS2, TIMES2, ...
    // (docs/JOURNAL.md, "Export").
    for (int first = 0; first < n || first == 0; first += EVENTS_PER_PARAMETER) {
      int count = Math.min(EVENTS_PER_PARAMETER, n - first);
      String suffix = C3dEvents.continuationSuffix(first / EVENTS_PER_PARAMETER);
      String[] contexts = new String[count];
      String[] labels = new String[count];
      float[] times = new float[2 * count];
      for (int i = 0; i < count; i++) {
        ReferenceEvent e = events.get(first + i);
        contexts[i] = e.side() == Side.LEFT ? "Left" : "Right";
        labels[i] = (e.kind() == GaitEventKind.HEEL_STRIKE ? "Foot Strike" : "Foot Off");
        double minutes = Math.floor(e.timeS() / 60);
        times[2 * i] = (float) minutes;
        times[2 * i + 1] = (float) (e.timeS() - 60 * minutes);
      }
      section.texts(4, "CONTEXTS" + suffix, List.of(contexts));
      section.texts(4, "LABELS" + suffix, prefixed(contexts, labels));
      section.floatTable(4, "TIMES" + suffix, 2, times);
    }
    return section.bytes();
  }

  /** "Left Foot Strike": the full label the C3D tools show and our reader's side test reads. */
  private static List<String> prefixed(String[] contexts, String[] labels) {
    String[] full = new String[labels.length];
    for (int i = 0; i < labels.length; i++) {
      full[i] = contexts[i] + " " + labels[i];
    }
    return List.of(full);
  }

  /** Group and parameter entries of a C3D parameter section, Intel byte order. */
  private static final class C3dParameterSection {
    private final ByteBuffer out;
    private int lastNextField = -1;

    /** Room for the fixed groups and {@code events} events of up to 64 bytes each. */
    C3dParameterSection(int events) {
      out = ByteBuffer.allocate((1 << 16) + 64 * events).order(ByteOrder.LITTLE_ENDIAN);
      out.put((byte) 1).put((byte) 0x50).put((byte) 0).put((byte) C3dProcessor.INTEL.code);
    }

    void group(int id, String name, String description) {
      entry(-id, name);
      description(description);
    }

    void int16s(int group, String name, int[] values) {
      int16Table(group, name, values.length, values);
    }

    void int16Table(int group, String name, int rows, int[] values) {
      int[] dims = values.length == 1 && rows == 1 ? new int[0] : dims(rows, values.length);
      parameter(group, name, INT16, dims);
      for (int v : values) {
        out.putShort((short) v);
      }
      description("");
    }

    void floats(int group, String name, float[] values) {
      floatTable(group, name, values.length, values);
    }

    void floatTable(int group, String name, int rows, float[] values) {
      int[] dims = values.length == 1 && rows == 1 ? new int[0] : dims(rows, values.length);
      parameter(group, name, FLOAT, dims);
      for (float v : values) {
        out.putFloat(v);
      }
      description("");
    }

    void texts(int group, String name, List<String> values) {
      int width = 1;
      for (String v : values) {
        width = Math.max(width, v.length());
      }
      parameter(group, name, CHAR, new int[] {width, values.size()});
      for (String v : values) {
        out.put(
            String.format(Locale.ROOT, "%-" + width + "s", v).getBytes(StandardCharsets.US_ASCII));
      }
      description("");
    }

    /** A table of {@code rows} × (count / rows), or a vector when rows is the count. */
    private static int[] dims(int rows, int count) {
      return rows == count ? new int[] {count} : new int[] {rows, count / rows};
    }

    private void parameter(int group, String name, byte type, int[] dims) {
      entry(group, name);
      out.put(type).put((byte) dims.length);
      for (int d : dims) {
        if (d > 255) {
          throw new IllegalArgumentException(name + ": dimension " + d + " exceeds C3D's 255");
        }
        out.put((byte) d);
      }
    }

    private void entry(int groupId, String name) {
      link();
      byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
      out.put((byte) ascii.length).put((byte) groupId).put(ascii);
      lastNextField = out.position();
      out.putShort((short) 0);
    }

    private void description(String text) {
      byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
      out.put((byte) ascii.length).put(ascii);
    }

    /** Points the previous entry's "next" field at the entry starting here. */
    private void link() {
      if (lastNextField >= 0) {
        out.putShort(lastNextField, (short) (out.position() - lastNextField));
      }
    }

    byte[] bytes() {
      int parameterBlocks = (out.position() + BLOCK - 1) / BLOCK;
      // The count is one byte. A longer section (thousands of events) says 255: readers follow the
      // entries' next-pointers (ezc3d, BTK) or the header's data start block (C3dReader).
      out.put(2, (byte) Math.min(255, parameterBlocks));
      byte[] bytes = new byte[parameterBlocks * BLOCK];
      out.get(0, bytes, 0, out.position());
      return bytes;
    }
  }
}
