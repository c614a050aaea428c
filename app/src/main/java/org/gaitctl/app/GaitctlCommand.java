package org.gaitctl.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gaitctl} command line: one subcommand per job. */
@Command(
    name = "gaitctl",
    mixinStandardHelpOptions = true,
    versionProvider = GaitctlVersion.class,
    description = "Real-time controller for gait-training treadmills with body-weight support.",
    subcommands = {
      SimCommand.class,
      MonitorCommand.class,
      AnalyzeCommand.class,
      PortsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class GaitctlCommand implements Runnable {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new GaitctlCommand())
        .setExecutionExceptionHandler(new UserErrorHandler());
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
