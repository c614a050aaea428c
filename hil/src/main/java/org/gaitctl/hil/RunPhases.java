package org.gaitctl.hil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where a scenario's wall time goes (docs/HIL.md, "Run time"): each phase from the mark before it,
 * on the runner's clock, so the library's run time can be cut where it is not the test.
 */
final class RunPhases {

  private final Map<String, Long> endsNs = new LinkedHashMap<>();
  private long lastNs;

  RunPhases(long startNs) {
    lastNs = startNs;
  }

  /** The phase {@code name} ended now. */
  void mark(String name) {
    long nowNs = System.nanoTime();
    endsNs.put(name, nowNs - lastNs);
    lastNs = nowNs;
  }

  /** "emulators up 3.1 s, controller to first stage 18.0 s, ...". */
  String describe() {
    StringJoiner line = new StringJoiner(", ");
    endsNs.forEach((name, ns) -> line.add(String.format(Locale.ROOT, "%s %.1f s", name, ns / 1e9)));
    return line.toString();
  }

  void write(Path file) throws IOException {
    Files.writeString(file, describe() + "\n", StandardCharsets.UTF_8);
  }
}
