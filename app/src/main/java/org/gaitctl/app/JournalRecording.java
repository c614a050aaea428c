package org.gaitctl.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.core.journal.Journal;
import org.gaitctl.core.journal.JournalMetadata;
import org.gaitctl.core.journal.JournalOptions;
import org.gaitctl.core.journal.JournalSpace;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.safety.JournalInput;

/**
 * A session's journal as the command line asks for it: checked before any device is touched (the
 * folder writable, room for the session), opened by {@link DeviceSession} once the belt's grid is
 * known, watched by the supervisor (F27). docs/JOURNAL.md.
 */
final class JournalRecording {

  private final Path file;
  private final JournalMetadata metadata;
  private final boolean rawFrames;

  private JournalRecording(Path file, JournalMetadata metadata, boolean rawFrames) {
    this.file = file;
    this.metadata = metadata;
    this.rawFrames = rawFrames;
  }

  /**
   * Checks {@code folder} before motion and describes the session.
   *
   * @param protocolSource the protocol's file or {@code classpath:} resource, or null (monitor)
   * @param durationS how long the session may last, s (infinite or 0 when unbounded: 30 min)
   * @throws UserError when the folder cannot be written (exit 2)
   * @throws StartRefused when its file system has too little room (exit 4)
   */
  static JournalRecording prepare(
      Path folder,
      DevicesConfig profile,
      String protocolSource,
      String patientId,
      double bodyMassKg,
      double durationS) {
    String unwritable = JournalSpace.unwritable(folder);
    if (unwritable != null) {
      throw new UserError("session journal: " + unwritable);
    }
    Path file = folder.resolve(Journal.FILE_NAME);
    if (Files.exists(file)) {
      throw new UserError(
          "session journal: " + file + " exists already; a journal is never overwritten");
    }
    boolean rawFrames = profile.journal().rawFrames();
    String tooLittle =
        JournalSpace.tooLittleSpace(folder, JournalSpace.expectedBytes(durationS, rawFrames));
    if (tooLittle != null) {
      throw new StartRefused(tooLittle);
    }
    String version = GaitctlCommand.class.getPackage().getImplementationVersion();
    JournalMetadata metadata =
        new JournalMetadata(
            version == null ? "development build" : version,
            sourceText(profile.source()),
            protocolSource == null ? "" : sourceText(protocolSource),
            patientId,
            bodyMassKg,
            Instant.now());
    return new JournalRecording(file, metadata, rawFrames);
  }

  /**
   * Creates the journal for frames of up to {@code maxFrameCells} cells.
   *
   * @throws StartRefused when the file cannot be created
   */
  Journal open(int maxFrameCells, NanoClock clock) {
    try {
      return Journal.create(
          file, JournalOptions.defaults(rawFrames, maxFrameCells), metadata, clock);
    } catch (IOException e) {
      throw new StartRefused("session journal " + file + " cannot be created: " + e);
    }
  }

  Path file() {
    return file;
  }

  /** The journal's health as the supervisor reads it each cycle (allocation-free). */
  static JournalInput supervised(Journal journal) {
    return new JournalInput() {
      @Override
      public long failures() {
        return journal.counters().failures();
      }

      @Override
      public String failure() {
        return journal.failure();
      }
    };
  }

  /**
   * The text of a profile or protocol as loaded, for the journal's metadata; a source that cannot
   * be read again is recorded as such (the session itself runs on what was loaded).
   */
  private static String sourceText(String source) {
    String resourcePrefix = "classpath:";
    try {
      if (source.startsWith(resourcePrefix)) {
        try (InputStream in =
            JournalRecording.class
                .getClassLoader()
                .getResourceAsStream(source.substring(resourcePrefix.length()))) {
          if (in == null) {
            return "unavailable: resource " + source + " not found";
          }
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      return Files.readString(Path.of(source));
    } catch (IOException e) {
      return "unavailable: " + source + " could not be read again: " + e;
    }
  }
}
