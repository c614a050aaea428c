package org.gaitctl.core.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
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
 * left plates, right the sum of the right plates. Each foot's centre of pressure along the
 * direction of travel comes from {@link C3dCopAlongTravel} (null when the file lacks what it
 * needs). Time 0 is the first analog sample of the trial; event times are shifted by the trial's
 * first frame to match.
 *
 * <p>Called from the analysis command's thread; blocks on file I/O and allocates.
 */
public final class C3dReader {

  private static final Logger LOG = LoggerFactory.getLogger(C3dReader.class);

  private static final int BLOCK_BYTES = C3dHeader.BLOCK_BYTES;
  private static final int HEADER_KEY = 0x50;

  /** Contact threshold for plates in newtons. */
  static final double CONTACT_THRESHOLD_N = 20.0;

  /** Contact threshold as a share of the plate's peak when the unit is not newtons. */
  static final double CONTACT_THRESHOLD_SHARE = 0.05;

  private C3dReader() {}

  public static ForceRecording read(Path file) throws IOException {
    String name = TextTable.fileNameOf(file);
    byte[] bytes = BoundedBytes.readAll(file);
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
    // The section's block count is one byte; a longer section (a C3D with thousands of events)
    // reaches up to the data start block of the header (word 9).
    int dataStartBlock = processor.int16(buffer, 16);
    int parameterBlocks = Math.max(bytes[at + 2] & 0xFF, dataStartBlock - parameterBlock);
    C3dParameters parameters = C3dParameters.parse(name, buffer, processor, at, parameterBlocks);
    C3dHeader header = C3dHeader.parse(name, buffer, processor, parameters);
    C3dAnalog analog = new C3dAnalog(name, buffer, processor, parameters, header);
    C3dForcePlates plates = C3dForcePlates.read(parameters, analog, header);
    int sampleCount = analog.sampleCount();
    double[] timeS = new double[sampleCount];
    for (int i = 0; i < sampleCount; i++) {
      timeS[i] = i / analog.rateHz();
    }
    List<ReferenceEvent> events = C3dEvents.read(parameters, header, sampleCount / analog.rateHz());
    double threshold =
        ForceRecording.NEWTONS.equals(plates.unit())
            ? CONTACT_THRESHOLD_N
            : CONTACT_THRESHOLD_SHARE * plates.maxFz();
    PlateAssignment.Result assignment =
        PlateAssignment.assign(name, timeS, plates.fz(), threshold, events);
    double[] left = new double[sampleCount];
    double[] right = new double[sampleCount];
    StringBuilder source = new StringBuilder(name).append(" (plates");
    for (int p = 0; p < plates.fz().length; p++) {
      Side side = assignment.sides()[p];
      if (side == null) {
        source.append(' ').append(p + 1).append(":none");
        continue;
      }
      source.append(' ').append(p + 1).append(':').append(side.letter());
      double[] sum = side == Side.LEFT ? left : right;
      for (int i = 0; i < sampleCount; i++) {
        sum[i] += plates.fz()[p][i];
      }
    }
    source.append(" by ").append(assignment.basis().name().toLowerCase(Locale.ROOT)).append(')');
    double[][] copAlongTravelM = C3dCopAlongTravel.compute(plates, assignment.sides(), threshold);
    double[] leftCop = copAlongTravelM == null ? null : copAlongTravelM[Side.LEFT.ordinal()];
    double[] rightCop = copAlongTravelM == null ? null : copAlongTravelM[Side.RIGHT.ordinal()];
    LOG.info("{}: {} samples at {} Hz, {}", name, sampleCount, analog.rateHz(), source);
    return new ForceRecording(
        source.toString(), timeS, left, right, null, leftCop, rightCop, plates.unit(), events);
  }
}
