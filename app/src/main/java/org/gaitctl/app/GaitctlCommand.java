package org.gaitctl.app;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code gaitctl} command line: one subcommand per job. */
@Command(
    name = "gaitctl",
    mixinStandardHelpOptions = true,
    versionProvider = GaitctlVersion.class,
    description = "Real-time controller for gait-training treadmills with body-weight support.",
    footer = {
      "",
      "Exit codes: 0 done, 1 internal error (see the log file), 2 usage or configuration error,"
          + " 3 stopped by a fault, 4 refused to start, 5 a hil scenario failed, 130 interrupted"
          + " (Ctrl-C, after the controlled stop)."
    },
    subcommands = {
      SimCommand.class,
      MonitorCommand.class,
      AckCommand.class,
      AnalyzeCommand.class,
      ReplayCommand.class,
      ExportCommand.class,
      PortsCommand.class,
      ProtocolCommand.class,
      TherapySessionCommand.class,
      ReportCommand.class,
      ConsoleCommand.class,
      HilCommand.class,
      CommandLine.HelpCommand.class
    })
public final class GaitctlCommand implements Runnable {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  private final Path defaultLogFolder;

  @Option(
      names = "--log-file",
      paramLabel = "PATH",
      scope = ScopeType.INHERIT,
      description = "Write log lines here (default: ~/.gaitctl/logs/gaitctl-<date>.log).")
  private Path logFile;

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      scope = ScopeType.INHERIT,
      description = "Log level: ERROR, WARN, INFO, DEBUG or TRACE (default: ${DEFAULT-VALUE}).")
  private String logLevel = "INFO";

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show log lines (INFO and up) on standard error too.")
  private boolean verbose;

  private GaitctlCommand(Path defaultLogFolder) {
    this.defaultLogFolder = defaultLogFolder;
  }

  public static void main(String[] args) {
    Path logFolder = Path.of(System.getProperty("user.home"), ".gaitctl", "logs");
    System.exit(commandLine(logFolder).execute(args));
  }

  /**
   * The configured command line: log lines go to a file in {@code defaultLogFolder} unless {@code
   * --log-file} says where; also used by tests.
   */
  public static CommandLine commandLine(Path defaultLogFolder) {
    GaitctlCommand root = new GaitctlCommand(defaultLogFolder);
    CommandLine cli = new CommandLine(root);
    cli.setExecutionStrategy(
        parseResult -> {
          try {
            root.configureLogging();
          } catch (UserError e) {
            // Answered by the exception handler below, like a command's own errors.
            throw new CommandLine.ExecutionException(cli, e.getMessage(), e);
          }
          return new CommandLine.RunLast().execute(parseResult);
        });
    // The handler reads the log file's path once the options are parsed.
    cli.setExecutionExceptionHandler(
        (exception, commandLine, parseResult) ->
            new UserErrorHandler(root.logFile())
                .handleExecutionException(exception, commandLine, parseResult));
    return cli;
  }

  /** Where the log lines of this run go. */
  Path logFile() {
    return logFile != null
        ? logFile
        : defaultLogFolder.resolve("gaitctl-" + LocalDate.now() + ".log");
  }

  private void configureLogging() {
    Level level = Level.toLevel(logLevel.toUpperCase(Locale.ROOT), null);
    if (level == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--log-level " + logLevel + " is not one of ERROR, WARN, INFO, DEBUG, TRACE");
    }
    LogSetup.apply(logFile(), level, verbose);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
