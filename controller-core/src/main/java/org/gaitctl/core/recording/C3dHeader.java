package org.gaitctl.core.recording;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The header block of a C3D file (words numbered from 1 as in the C3D manual), with the frame rate
 * from {@code POINT:RATE} when the parameters have it.
 *
 * @param pointCount 3D points per frame
 * @param analogValuesPerFrame analog values per frame (channels x samples per frame)
 * @param firstFrame number of the trial's first frame, from 1
 * @param frameCount frames in the data section
 * @param floatStorage whether data are 32-bit reals (POINT scale &lt; 0) rather than 16-bit ints
 * @param dataOffset byte offset of the data section
 * @param samplesPerFrame analog samples per frame
 * @param pointRateHz frame rate
 * @param eventLabels labels of the header's event block (4 characters), empty when it has none
 * @param eventTimesS times of those events, s from frame 1
 */
record C3dHeader(
    int pointCount,
    int analogValuesPerFrame,
    int firstFrame,
    int frameCount,
    boolean floatStorage,
    int dataOffset,
    int samplesPerFrame,
    double pointRateHz,
    String[] eventLabels,
    double[] eventTimesS) {

  static final int BLOCK_BYTES = 512;
  private static final int EVENT_BLOCK_KEY = 12345;
  private static final int MAX_HEADER_EVENTS = 18;

  static C3dHeader parse(
      String name, ByteBuffer file, C3dProcessor processor, C3dParameters parameters)
      throws RecordingFormatException {
    int firstFrame = word(file, processor, 4);
    int lastFrame = word(file, processor, 5);
    int dataBlock = word(file, processor, 9);
    int frameCount = lastFrame - firstFrame + 1;
    if (frameCount <= 0 || firstFrame < 1) {
      throw new RecordingFormatException(
          name, "offset 6", "frames " + firstFrame + " to " + lastFrame + " hold no data");
    }
    int dataOffset = (dataBlock - 1) * BLOCK_BYTES;
    if (dataBlock < 2 || dataOffset >= file.capacity()) {
      throw new RecordingFormatException(
          name, "offset 16", "bad data pointer: block " + dataBlock + " is outside the file");
    }
    // POINT:RATE when present: the header's copy is the same value in older writers' precision.
    double pointRateHz =
        parameters.has("POINT:RATE")
            ? parameters.number("POINT:RATE")
            : processor.float32(file, 20);
    if (!(pointRateHz > 0)) {
      throw new RecordingFormatException(
          name, "POINT:RATE", "frame rate " + pointRateHz + " must be > 0");
    }
    int events =
        word(file, processor, 150) == EVENT_BLOCK_KEY
            ? Math.min(word(file, processor, 151), MAX_HEADER_EVENTS)
            : 0;
    String[] labels = new String[events];
    double[] timesS = new double[events];
    for (int i = 0; i < events; i++) {
      byte[] label = new byte[4];
      file.get(396 + 4 * i, label);
      labels[i] = new String(label, StandardCharsets.US_ASCII);
      timesS[i] = processor.float32(file, 304 + 4 * i);
    }
    return new C3dHeader(
        word(file, processor, 2),
        word(file, processor, 3),
        firstFrame,
        frameCount,
        processor.float32(file, 12) < 0,
        dataOffset,
        word(file, processor, 10),
        pointRateHz,
        labels,
        timesS);
  }

  /** Header word {@code number}, 1-based as in the C3D manual, unsigned. */
  private static int word(ByteBuffer file, C3dProcessor processor, int number) {
    return processor.int16(file, 2 * (number - 1)) & 0xFFFF;
  }

  int valueBytes() {
    return floatStorage ? 4 : 2;
  }

  /** Bytes of one frame: 4 values per point, then the analog values. */
  int frameBytes() {
    return (4 * pointCount + analogValuesPerFrame) * valueBytes();
  }

  /** Time of the trial's first frame, s from frame 1, which file event times count from. */
  double firstFrameS() {
    return (firstFrame - 1) / pointRateHz;
  }
}
