package org.gaitctl.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.gaitctl.hil.Scenario;
import org.gaitctl.hil.ScenarioLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gaitctl hil list [DIR]}: one line per scenario: name, what it injects, what it expects.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the scenarios: name, what each injects, what it expects.")
final class HilListCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "DIR",
      arity = "0..*",
      description = "Scenario folders or files (default: hil/scenarios).")
  private List<Path> paths = List.of(HilCommand.DEFAULT_LIBRARY);

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    List<Scenario> scenarios;
    try {
      scenarios = ScenarioLibrary.read(paths);
    } catch (IOException e) {
      throw new UserError("cannot list " + paths + ": " + e.getMessage(), e);
    }
    for (Scenario scenario : scenarios) {
      out.println(ScenarioLibrary.describe(scenario));
    }
    out.flush();
  }
}
