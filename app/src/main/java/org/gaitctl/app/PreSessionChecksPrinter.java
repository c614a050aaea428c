package org.gaitctl.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;
import org.gaitctl.session.checks.CheckState;
import org.gaitctl.session.checks.PreSessionCheck;

/**
 * The terminal's view of {@link PreSessionChecks}: one line per check as it completes, {@code [ ok
 * ] Drive reachable — Modbus TCP 127.0.0.1:15020, unit 1, 4 ms} or {@code [FAIL] ...}. Called on
 * the thread that runs the checks.
 */
final class PreSessionChecksPrinter implements Consumer<List<PreSessionCheck>> {

  private final PrintWriter out;
  private int printed;

  PreSessionChecksPrinter(PrintWriter out) {
    this.out = out;
  }

  /** Prints the checks completed since the last call (they complete in order). */
  @Override
  public void accept(List<PreSessionCheck> checks) {
    while (printed < checks.size() && checks.get(printed).state() != CheckState.PENDING) {
      out.println(line(checks.get(printed)));
      printed++;
    }
    out.flush();
  }

  static String line(PreSessionCheck check) {
    String mark = check.passed() ? "[ ok ]" : "[FAIL]";
    return "  " + mark + " " + check.name() + " — " + check.reason();
  }
}
