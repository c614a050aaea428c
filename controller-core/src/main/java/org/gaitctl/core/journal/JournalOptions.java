package org.gaitctl.core.journal;

/**
 * How a journal is written.
 *
 * @param rawFrames whether raw pressure frames are recorded (deflated); without them a session
 *     cannot be replayed, only read
 * @param maxFrameCells cells of the largest frame (one belt's rows × cols), to size the buffer
 * @param ringBufferBytes the ring's hand-off buffer, a power of two
 * @param sinkBufferBytes the other threads' hand-off buffer, a power of two
 */
public record JournalOptions(
    boolean rawFrames, int maxFrameCells, int ringBufferBytes, int sinkBufferBytes) {

  /**
   * 16 MiB for the ring: over a second of raw 2 × 128 × 56-cell frames at 300 Hz with the load cell
   * at 1 kHz, so a writer delayed by a slow disk loses nothing; 256 KiB for the rest.
   */
  public static JournalOptions defaults(boolean rawFrames, int maxFrameCells) {
    return new JournalOptions(rawFrames, maxFrameCells, 16 << 20, 256 << 10);
  }

  public JournalOptions {
    if (maxFrameCells <= 0) {
      throw new IllegalArgumentException("maxFrameCells must be > 0, was " + maxFrameCells);
    }
    if (Integer.bitCount(ringBufferBytes) != 1 || Integer.bitCount(sinkBufferBytes) != 1) {
      throw new IllegalArgumentException(
          "journal buffers must be powers of two, were "
              + ringBufferBytes
              + ", "
              + sinkBufferBytes);
    }
  }
}
