package org.gaitctl.core.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The check before motion: the journal's folder can be created and written, and its file system has
 * room for the session. A session that could not be recorded does not start.
 */
public final class JournalSpace {

  /**
   * Journal bytes per second assumed for a session with raw frames: one 128 × 56-cell belt at 300
   * Hz, the load cell at 1 kHz, both status polls at 50 Hz. Measured 240 kB/s with {@code gaitctl
   * monitor --record} on the emulated patient (docs/JOURNAL.md), whose noiseless frames deflate to
   * 530 bytes; real cells carry noise and deflate worse, hence the allowance.
   */
  public static final long BYTES_PER_SECOND_RAW_FRAMES = 400_000;

  /** The same session without raw frames: measured 80 kB/s, which does not depend on the cells. */
  public static final long BYTES_PER_SECOND_NO_RAW_FRAMES = 100_000;

  /** The session length the check assumes when the protocol has no upper bound, s. */
  public static final double DEFAULT_SESSION_S = 30 * 60;

  private JournalSpace() {}

  /** Bytes a session of {@code durationS} takes, with or without raw frames, plus 50 % margin. */
  public static long expectedBytes(double durationS, boolean rawFrames) {
    double seconds = Double.isFinite(durationS) && durationS > 0 ? durationS : DEFAULT_SESSION_S;
    long perSecond = rawFrames ? BYTES_PER_SECOND_RAW_FRAMES : BYTES_PER_SECOND_NO_RAW_FRAMES;
    return (long) (1.5 * seconds * perSecond);
  }

  /**
   * Creates {@code folder} if needed and checks it is writable (by creating and deleting a probe
   * file there).
   *
   * @return null when writable, else why not, in words for the operator
   */
  public static String unwritable(Path folder) {
    try {
      Files.createDirectories(folder);
      Path probe = Files.createTempFile(folder, ".journal-probe", ".tmp");
      Files.delete(probe);
      return null;
    } catch (IOException | SecurityException e) {
      return "the journal folder "
          + folder.toAbsolutePath()
          + " cannot be written ("
          + e.getClass().getSimpleName()
          + ": "
          + e.getMessage()
          + ")";
    }
  }

  /**
   * Checks the free space of {@code folder}'s file system (the folder must exist).
   *
   * @return null when there is room for {@code expectedBytes}, else why not, in words
   */
  public static String tooLittleSpace(Path folder, long expectedBytes) {
    try {
      long usable = Files.getFileStore(folder).getUsableSpace();
      if (usable >= expectedBytes) {
        return null;
      }
      return String.format(
          "only %d MB free for the session journal in %s; the session needs %d MB",
          usable / 1_000_000, folder.toAbsolutePath(), expectedBytes / 1_000_000 + 1);
    } catch (IOException e) {
      return "the free space of " + folder.toAbsolutePath() + " cannot be read: " + e.getMessage();
    }
  }
}
