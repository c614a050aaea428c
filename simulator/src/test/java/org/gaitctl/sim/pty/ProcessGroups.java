package org.gaitctl.sim.pty;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Process groups of Linux processes, read from {@code /proc}. */
final class ProcessGroups {

  private ProcessGroups() {}

  /** The process group id of {@code pid}: field 5 of {@code /proc/<pid>/stat}. */
  static long of(long pid) throws IOException {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    assumeTrue(Files.exists(stat), "no /proc: process groups are read on Linux only");
    String line = Files.readString(stat, StandardCharsets.US_ASCII);
    // The command name (field 2) is in parentheses and may hold spaces: count after the last ')'.
    String[] afterName = line.substring(line.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(afterName[2]);
  }
}
