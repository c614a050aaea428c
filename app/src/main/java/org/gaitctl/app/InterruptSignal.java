package org.gaitctl.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Ctrl-C reaches this process. A program started in the background by a non-interactive
 * shell (a script's {@code cmd &}) inherits SIGINT ignored, and the JVM then leaves it ignored and
 * installs no handler: Ctrl-C would do nothing while the belt runs. The session says so at its
 * start and names the signal that still works (SIGTERM runs the same controlled stop).
 */
final class InterruptSignal {

  private static final Logger LOG = LoggerFactory.getLogger(InterruptSignal.class);
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final long SIGINT_BIT = 1L << (2 - 1);

  private InterruptSignal() {}

  /** Whether SIGINT is ignored by this process; false where the system cannot tell. */
  static boolean ignored() {
    try {
      return ignored(Files.readAllLines(STATUS));
    } catch (IOException | UnsupportedOperationException e) {
      // No /proc (not Linux): Ctrl-C is assumed to work, as it does from a terminal.
      LOG.debug("cannot tell whether SIGINT is ignored ({}); assuming it is not", e.toString());
      return false;
    }
  }

  /** From the lines of {@code /proc/PID/status}: its {@code SigIgn} mask has SIGINT's bit. */
  static boolean ignored(List<String> statusLines) {
    for (String line : statusLines) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & SIGINT_BIT)
            != 0;
      }
    }
    return false;
  }

  /** The line that tells the operator how to stop the belt from outside. */
  static String howToStop() {
    return howToStop(ignored());
  }

  /** As {@link #howToStop()}, for a caller that has already asked {@link #ignored()}. */
  static String howToStop(boolean sigintIgnored) {
    return sigintIgnored
        ? "Ctrl-C does not reach this process (it was started with SIGINT ignored, as a"
            + " background job of a script); stop the belt with: kill "
            + ProcessHandle.current().pid()
        : "Ctrl-C stops the belt.";
  }
}
