package org.gaitctl.core.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.gaitctl.core.gait.Side;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the force platforms of a C3D file into left and right vertical force.
 *
 * <p>Supports Intel, DEC and MIPS number encodings, float (POINT scale &lt; 0) and 16-bit integer
 * storage, {@code ANALOG:SCALE/OFFSET/GEN_SCALE/RATE/UNITS/FORMAT} ({@code UNSIGNED} reads offsets
 * and samples as unsigned 16-bit), and force platform types 1 to 4 ({@code
 * FORCE_PLATFORM:USED/TYPE/CHANNEL}, {@code CAL_MATRIX} for type 4). Each plate's Fz has the mean
 * over the {@code FORCE_PLATFORM:ZERO} frames subtracted and is signed so that loading is positive.
 * Plates are assigned to feet by {@link PlateAssignment} from the trial's own heel strikes (EVENT
 * group, else the header's event block), else from the plate sequence; left Fz is the sum of the
 * left plates, right the sum of the right plates. Time 0 is the first analog sample of the trial;
 * event times are shifted by the trial's first frame to match.
 *
 * <p>Called from the analysis command's thread; blocks on file I/O and allocates.
 */
public final class C3dReader {

  private static final Logger LOG = LoggerFactory.getLogger(C3dReader.class);

  static final int BLOCK_BYTES = 512;
  private static final int HEADER_KEY = 0x50;
  private static final int EVENT_BLOCK_KEY = 12345;
  private static final int MAX_HEADER_EVENTS = 18;

  /** Contact threshold for plates in newtons. */
  static final double CONTACT_THRESHOLD_N = 20.0;

  /** Contact threshold as a share of the plate's peak when the unit is not newtons. */
  static final double CONTACT_THRESHOLD_SHARE = 0.05;

  private C3dReader() {}

  public static ForceRecording read(Path file) throws IOException {
    String name = TextTable.fileNameOf(file);
    byte[] bytes = Files.readAllBytes(file);
    return read(name, bytes);
  }

  static ForceRecording read(String name, byte[] bytes) throws RecordingFormatException {
    if (bytes.length < BLOCK_BYTES) {
      throw new RecordingFormatException(
          name, "offset " + bytes.length, "truncated: the header block needs 512 bytes");
    }
    if ((bytes[1] & 0xFF) != HEADER_KEY) {
      throw new RecordingFormatException(
          name, "offset 1", "not a C3D file: key byte is " + (bytes[1] & 0xFF) + ", expected 80");
    }
    int parameterBlock = bytes[0] & 0xFF;
    long parameterOffset = (parameterBlock - 1L) * BLOCK_BYTES;
    if (parameterBlock < 2 || parameterOffset + 4 > bytes.length) {
      throw new RecordingFormatException(
          name,
          "offset 0",
          "bad parameter pointer: block "
              + parameterBlock
              + " is outside the file ("
              + bytes.length
              + " bytes)");
    }
    int at = (int) parameterOffset;
    int processorCode = bytes[at + 3] & 0xFF;
    C3dProcessor processor = C3dProcessor.ofCode(processorCode);
    if (processor == null) {
      throw new RecordingFormatException(
          name,
          "offset " + (at + 3),
          "processor type " + processorCode + " is not 84 (Intel), 85 (DEC) or 86 (MIPS)");
    }
    ByteBuffer buffer = processor.wrap(bytes);
    C3dParameters parameters =
        C3dParameters.parse(name, buffer, processor, at, bytes[at + 2] & 0xFF);
    return new Trial(name, buffer, processor, parameters).toRecording();
  }

  /** One file being read: header fields, parameters and the data section. */
  private static final class Trial {
    private final String name;
    private final ByteBuffer file;
    private final C3dProcessor processor;
    private final C3dParameters parameters;
    private final int pointCount;
    private final int analogValuesPerFrame;
    private final int firstFrame;
    private final int frameCount;
    private final boolean floatStorage;
    private final int dataOffset;
    private final int samplesPerFrame;
    private final double pointRateHz;

    Trial(String name, ByteBuffer file, C3dProcessor processor, C3dParameters parameters)
        throws RecordingFormatException {
      this.name = name;
      this.file = file;
      this.processor = processor;
      this.parameters = parameters;
      pointCount = word(2);
      analogValuesPerFrame = word(3);
      firstFrame = word(4);
      int lastFrame = word(5);
      floatStorage = processor.float32(file, 12) < 0;
      dataOffset = (word(9) - 1) * BLOCK_BYTES;
      samplesPerFrame = word(10);
      // POINT:RATE when present: the header's copy is the same value in older writers' precision.
      pointRateHz =
          parameters.has("POINT:RATE")
              ? parameters.number("POINT:RATE")
              : processor.float32(file, 20);
      frameCount = lastFrame - firstFrame + 1;
      if (frameCount <= 0 || firstFrame < 1) {
        throw new RecordingFormatException(
            name, "offset 6", "frames " + firstFrame + " to " + lastFrame + " hold no data");
      }
      if (word(9) < 2 || dataOffset >= file.capacity()) {
        throw new RecordingFormatException(
            name, "offset 16", "bad data pointer: block " + word(9) + " is outside the file");
      }
      if (!(pointRateHz > 0)) {
        throw new RecordingFormatException(
            name, "POINT:RATE", "frame rate " + pointRateHz + " must be > 0");
      }
    }

    /** Header word {@code number}, 1-based as in the C3D manual, unsigned. */
    private int word(int number) {
      return processor.int16(file, 2 * (number - 1)) & 0xFFFF;
    }

    ForceRecording toRecording() throws RecordingFormatException {
      if (!parameters.has("FORCE_PLATFORM:USED")
          || (int) parameters.number("FORCE_PLATFORM:USED") <= 0) {
        throw parameters.error("FORCE_PLATFORM:USED", "no force platform in this file");
      }
      if (samplesPerFrame <= 0 || analogValuesPerFrame % samplesPerFrame != 0) {
        throw new RecordingFormatException(
            name,
            "offset 18",
            analogValuesPerFrame
                + " analog values per frame do not divide into "
                + samplesPerFrame
                + " samples");
      }
      int channels = analogValuesPerFrame / samplesPerFrame;
      if (parameters.has("ANALOG:USED") && (int) parameters.number("ANALOG:USED") != channels) {
        throw parameters.error(
            "ANALOG:USED",
            (int) parameters.number("ANALOG:USED")
                + " channels, but the header holds "
                + channels
                + " per sample");
      }
      int sampleCount = frameCount * samplesPerFrame;
      double analogRateHz =
          parameters.has("ANALOG:RATE")
              ? parameters.number("ANALOG:RATE")
              : pointRateHz * samplesPerFrame;
      double[] timeS = new double[sampleCount];
      for (int i = 0; i < sampleCount; i++) {
        timeS[i] = i / analogRateHz;
      }
      AnalogChannels analog = new AnalogChannels(channels);
      int plates = (int) parameters.number("FORCE_PLATFORM:USED");
      double[][] plateFz = new double[plates][];
      int[] types = ints("FORCE_PLATFORM:TYPE", plates);
      int[] channelDims = parameters.dims("FORCE_PLATFORM:CHANNEL");
      int rows = channelDims.length == 0 ? 1 : channelDims[0];
      int[] channelTable = ints("FORCE_PLATFORM:CHANNEL", rows * plates);
      String unit = null;
      for (int p = 0; p < plates; p++) {
        PlateFz fz = plateFz(p, types[p], channelTable, rows, analog, sampleCount);
        plateFz[p] = fz.values();
        if (unit == null) {
          unit = fz.unit();
        } else if (!unit.equals(fz.unit())) {
          throw parameters.error(
              "ANALOG:UNITS", "force plates in different units: " + unit + " and " + fz.unit());
        }
        subtractZeroBaseline(plateFz[p]);
        normaliseLoadingPositive(plateFz[p]);
      }
      double threshold =
          ForceRecording.NEWTONS.equals(unit)
              ? CONTACT_THRESHOLD_N
              : CONTACT_THRESHOLD_SHARE * maxOf(plateFz);
      List<ReferenceEvent> events = events(sampleCount / analogRateHz);
      PlateAssignment.Result assignment =
          PlateAssignment.assign(name, timeS, plateFz, threshold, events);
      double[] left = new double[sampleCount];
      double[] right = new double[sampleCount];
      StringBuilder source = new StringBuilder(name).append(" (plates");
      for (int p = 0; p < plates; p++) {
        Side side = assignment.sides()[p];
        if (side == null) {
          source.append(' ').append(p + 1).append(":none");
          continue;
        }
        source.append(' ').append(p + 1).append(':').append(side.letter());
        double[] sum = side == Side.LEFT ? left : right;
        for (int i = 0; i < sampleCount; i++) {
          sum[i] += plateFz[p][i];
        }
      }
      source.append(" by ").append(assignment.basis().name().toLowerCase(Locale.ROOT)).append(')');
      LOG.info("{}: {} samples at {} Hz, {}", name, sampleCount, analogRateHz, source);
      return new ForceRecording(
          source.toString(), timeS, left, right, null, null, null, unit, events);
    }

    /**
     * Subtracts the mean over the frames {@code FORCE_PLATFORM:ZERO} names (1-based, inclusive), as
     * the C3D manual asks; a range such as [0, 0] or [1, 0] means no baseline correction.
     */
    private void subtractZeroBaseline(double[] fz) throws RecordingFormatException {
      if (!parameters.has("FORCE_PLATFORM:ZERO")) {
        return;
      }
      double[] range = parameters.numbers("FORCE_PLATFORM:ZERO");
      if (range.length < 2) {
        throw parameters.error("FORCE_PLATFORM:ZERO", "needs a first and a last frame");
      }
      int first = (int) range[0];
      int last = Math.min((int) range[1], frameCount);
      if (first < 1 || last < first) {
        return;
      }
      int from = (first - 1) * samplesPerFrame;
      int to = last * samplesPerFrame;
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum += fz[i];
      }
      double baseline = sum / (to - from);
      for (int i = 0; i < fz.length; i++) {
        fz[i] -= baseline;
      }
    }

    private record PlateFz(double[] values, String unit) {}

    private PlateFz plateFz(
        int p, int type, int[] channelTable, int rows, AnalogChannels analog, int sampleCount)
        throws RecordingFormatException {
      String where = "FORCE_PLATFORM:CHANNEL";
      switch (type) {
        case 1, 2 -> {
          requireRows(where, rows, 6, type);
          int channel = channelTable[p * rows + 2];
          return new PlateFz(analog.channel(channel, where), analog.unit(channel));
        }
        case 3 -> {
          requireRows(where, rows, 8, type);
          double[] sum = new double[sampleCount];
          String unit = null;
          for (int r = 4; r < 8; r++) {
            int channel = channelTable[p * rows + r];
            double[] fz = analog.channel(channel, where);
            for (int i = 0; i < sampleCount; i++) {
              sum[i] += fz[i];
            }
            unit = analog.unit(channel);
          }
          return new PlateFz(sum, unit);
        }
        case 4 -> {
          requireRows(where, rows, 6, type);
          double[] cal = parameters.numbers("FORCE_PLATFORM:CAL_MATRIX");
          if (cal.length < 36 * (p + 1)) {
            throw parameters.error(
                "FORCE_PLATFORM:CAL_MATRIX", "needs 6x6 values for plate " + (p + 1));
          }
          // Column-major (first index fastest): Fz is row 3, element (2, c) at 2 + 6c.
          double[] fz = new double[sampleCount];
          for (int c = 0; c < 6; c++) {
            double k = cal[36 * p + 2 + 6 * c];
            double[] signal = analog.channel(channelTable[p * rows + c], where);
            for (int i = 0; i < sampleCount; i++) {
              fz[i] += k * signal[i];
            }
          }
          return new PlateFz(fz, ForceRecording.NEWTONS);
        }
        default ->
            throw parameters.error(
                "FORCE_PLATFORM:TYPE",
                "plate " + (p + 1) + " has type " + type + ", supported 1 to 4");
      }
    }

    private void requireRows(String key, int rows, int needed, int type)
        throws RecordingFormatException {
      if (rows < needed) {
        throw parameters.error(
            key, "type " + type + " plates need " + needed + " channels, found " + rows);
      }
    }

    private int[] ints(String key, int needed) throws RecordingFormatException {
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

    /** Reads, scales and caches analog channels on demand. */
    private final class AnalogChannels {
      private final int channels;
      private final double[][] cache;
      private final double[] offsets;
      private final double[] scales;
      private final double generalScale;
      private final boolean unsigned;
      private final List<String> units;

      AnalogChannels(int channels) throws RecordingFormatException {
        this.channels = channels;
        this.cache = new double[channels][];
        unsigned =
            parameters.has("ANALOG:FORMAT")
                && parameters.strings("ANALOG:FORMAT").get(0).equalsIgnoreCase("UNSIGNED");
        offsets = perChannel("ANALOG:OFFSET", 0, unsigned);
        scales = perChannel("ANALOG:SCALE", 1, false);
        generalScale =
            parameters.has("ANALOG:GEN_SCALE") ? parameters.number("ANALOG:GEN_SCALE") : 1;
        units = parameters.has("ANALOG:UNITS") ? parameters.strings("ANALOG:UNITS") : List.of();
        int valueBytes = floatStorage ? 4 : 2;
        long frameBytes = (4L * pointCount + analogValuesPerFrame) * valueBytes;
        long needed = dataOffset + frameBytes * frameCount;
        if (needed > file.capacity()) {
          throw new RecordingFormatException(
              name,
              "offset " + file.capacity(),
              "truncated: "
                  + frameCount
                  + " frames need "
                  + needed
                  + " bytes, the file has "
                  + file.capacity());
        }
      }

      private double[] perChannel(String key, double absent, boolean asUnsigned)
          throws RecordingFormatException {
        double[] values = new double[channels];
        if (!parameters.has(key)) {
          java.util.Arrays.fill(values, absent);
          return values;
        }
        double[] read = asUnsigned ? parameters.unsignedNumbers(key) : parameters.numbers(key);
        if (read.length < channels) {
          throw parameters.error(
              key, "has " + read.length + " values for " + channels + " channels");
        }
        System.arraycopy(read, 0, values, 0, channels);
        return values;
      }

      /** Channel {@code number} (1-based) in its units: (raw - offset) x scale x general scale. */
      double[] channel(int number, String key) throws RecordingFormatException {
        if (number < 1 || number > channels) {
          throw parameters.error(
              key, "channel " + number + " is not among the " + channels + " analog channels");
        }
        int c = number - 1;
        if (cache[c] != null) {
          return cache[c];
        }
        int valueBytes = floatStorage ? 4 : 2;
        int frameBytes = (4 * pointCount + analogValuesPerFrame) * valueBytes;
        int analogStart = dataOffset + 4 * pointCount * valueBytes;
        double factor = scales[c] * generalScale;
        double[] values = new double[frameCount * samplesPerFrame];
        for (int f = 0; f < frameCount; f++) {
          for (int s = 0; s < samplesPerFrame; s++) {
            int at = analogStart + f * frameBytes + (s * channels + c) * valueBytes;
            double raw;
            if (floatStorage) {
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

    /**
     * Gait events (heel strikes and toe offs) from the EVENT group, else the header's event block,
     * on the analog time line, within the trial.
     */
    private List<ReferenceEvent> events(double durationS) throws RecordingFormatException {
      double firstFrameS = (firstFrame - 1) / pointRateHz;
      List<ReferenceEvent> events = new ArrayList<>();
      if (parameters.has("EVENT:TIMES") && parameters.has("EVENT:LABELS")) {
        List<String> labels = parameters.strings("EVENT:LABELS");
        List<String> contexts =
            parameters.has("EVENT:CONTEXTS") ? parameters.strings("EVENT:CONTEXTS") : List.of();
        double[] times = parameters.numbers("EVENT:TIMES");
        int used =
            parameters.has("EVENT:USED") ? (int) parameters.number("EVENT:USED") : labels.size();
        if (labels.size() < used || times.length < 2 * used) {
          throw parameters.error("EVENT:TIMES", "fewer labels or times than EVENT:USED = " + used);
        }
        for (int i = 0; i < used; i++) {
          String context = i < contexts.size() ? contexts.get(i) : "";
          double timeS = 60 * times[2 * i] + times[2 * i + 1] - firstFrameS;
          addGaitEvent(events, context, labels.get(i), timeS, durationS);
        }
      }
      if (events.isEmpty() && word(150) == EVENT_BLOCK_KEY) {
        int count = Math.min(word(151), MAX_HEADER_EVENTS);
        for (int i = 0; i < count; i++) {
          byte[] label = new byte[4];
          file.get(396 + 4 * i, label);
          double timeS = processor.float32(file, 304 + 4 * i) - firstFrameS;
          addGaitEvent(events, "", new String(label, StandardCharsets.US_ASCII), timeS, durationS);
        }
      }
      events.sort(Comparator.comparingDouble(ReferenceEvent::timeS));
      return events;
    }

    /** Adds the event when its context or label names a foot and its label a strike or off. */
    private static void addGaitEvent(
        List<ReferenceEvent> events, String context, String label, double timeS, double durationS) {
      String text = label.trim().toUpperCase(Locale.ROOT);
      String ctx = context.trim().toUpperCase(Locale.ROOT);
      Side side =
          ctx.startsWith("LEFT")
              ? Side.LEFT
              : ctx.startsWith("RIGHT")
                  ? Side.RIGHT
                  : text.startsWith("L") ? Side.LEFT : text.startsWith("R") ? Side.RIGHT : null;
      ReferenceEvent.Kind kind =
          text.contains("STRIKE") || text.endsWith("HS") || text.contains("CONTACT")
              ? ReferenceEvent.Kind.HEEL_STRIKE
              : text.contains("OFF") || text.endsWith("TO") ? ReferenceEvent.Kind.TOE_OFF : null;
      if (side != null && kind != null && timeS >= 0 && timeS <= durationS) {
        events.add(new ReferenceEvent(side, kind, timeS));
      }
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

  private static double maxOf(double[][] plates) {
    double max = 0;
    for (double[] plate : plates) {
      for (double v : plate) {
        max = Math.max(max, v);
      }
    }
    return max;
  }
}
