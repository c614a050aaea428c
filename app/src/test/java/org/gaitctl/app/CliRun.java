package org.gaitctl.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the command line as a user would, printing into the test's writers and logging aside. */
final class CliRun {

  private CliRun() {}

  /** The exit code of {@code gaitctl args}, with standard output and error into the writers. */
  static int execute(Path logFolder, StringWriter out, StringWriter err, String... args) {
    CommandLine cli = GaitctlCommand.commandLine(logFolder);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
