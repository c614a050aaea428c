package org.gaitctl.app;

import java.nio.file.Path;
import org.gaitctl.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command throws into one plain line and its exit code ({@link ExitCodes}): errors the
 * user can fix (a broken profile, an unreadable recording) and refused starts name their reason;
 * anything else is a bug, logged with its stack trace, and the line points to the log file.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(UserErrorHandler.class);

  private final Path logFile;

  UserErrorHandler(Path logFile) {
    this.logFile = logFile;
  }

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    if (exception instanceof ConfigException || exception instanceof UserError) {
      LOG.warn("usage or configuration error: {}", exception.getMessage());
      commandLine.getErr().println("gaitctl: " + exception.getMessage());
      return ExitCodes.USAGE_OR_CONFIGURATION;
    }
    if (exception instanceof StartRefused) {
      LOG.warn("start refused: {}", exception.getMessage());
      commandLine.getErr().println("gaitctl: start refused: " + exception.getMessage());
      return ExitCodes.REFUSED_TO_START;
    }
    LOG.error("internal error", exception);
    commandLine
        .getErr()
        .println("gaitctl: internal error: " + exception + "; see the log file " + logFile);
    return ExitCodes.INTERNAL_ERROR;
  }
}
