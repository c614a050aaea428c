package org.gaitctl.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gaitctl.hil.ExpectationResult;
import org.gaitctl.hil.HilRunner;
import org.gaitctl.hil.SafetyFigures;
import org.gaitctl.hil.Scenario;
import org.gaitctl.hil.ScenarioLibrary;
import org.gaitctl.hil.ScenarioResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gaitctl hil run [FILES|DIR] [--report DIR] [--junit FILE] [--fast]}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run scenarios one after the other and write the HTML report (and JUnit XML).",
      "Exit code 0: all passed; 5: a scenario failed; 2: a scenario file is broken."
    })
final class HilRunCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "FILES|DIR",
      arity = "0..*",
      description = "Scenario files or folders of them (default: hil/scenarios).")
  private List<Path> paths = List.of(HilCommand.DEFAULT_LIBRARY);

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "Folder for index.html and each scenario's files (default: ${DEFAULT-VALUE}).")
  private Path reportDir = Path.of("hil-report");

  @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML here.")
  private Path junitXml;

  @Option(names = "--fast", description = "Only the scenarios marked fast: true.")
  private boolean fastOnly;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<Scenario> scenarios =
        ScenarioLibrary.read(paths).stream().filter(s -> !fastOnly || s.fast()).toList();
    if (scenarios.isEmpty()) {
      throw new UserError("no scenarios in " + paths + (fastOnly ? " marked fast: true" : ""));
    }
    out.printf(
        "gaitctl hil: %d scenario(s), report in %s%n",
        scenarios.size(), reportDir.toAbsolutePath());
    out.flush();
    HilRunner runner = new HilRunner(GaitctlCommand.class.getName(), reportDir);
    List<ScenarioResult> results = runner.run(scenarios, junitXml, result -> print(out, result));
    long failed = results.stream().filter(r -> !r.passed()).count();
    out.println("Safety figures (docs/SAFETY.md section 9), " + HilRunner.machineLoad() + ":");
    SafetyFigures.describe(results).forEach(line -> out.println("  " + line));
    out.printf(
        "%d of %d passed. Report: %s%n",
        results.size() - failed, results.size(), runner.htmlReport().toAbsolutePath());
    out.flush();
    return failed == 0 ? ExitCodes.DONE : ExitCodes.SCENARIO_FAILED;
  }

  private static void print(PrintWriter out, ScenarioResult result) {
    out.printf(
        Locale.ROOT,
        "%s %s (%.1f s)%n",
        result.passed() ? "PASS" : "FAIL",
        result.scenario().name(),
        result.durationS());
    if (result.error() != null) {
      out.println("  run failed: " + result.error());
    }
    for (ExpectationResult e : result.results()) {
      out.printf(
          "  %s %s: %s (limit %s)%n",
          e.passed() ? "ok  " : "FAIL", e.expectation(), e.measured(), e.limit());
    }
    result
        .latenciesMs()
        .forEach((name, ms) -> out.printf(Locale.ROOT, "  %s: %.1f ms%n", name, ms));
    out.flush();
  }
}
