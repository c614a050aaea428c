package org.gaitctl.app;

import org.gaitctl.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns errors the user can fix (a broken profile, an unreadable recording) into a plain message
 * and exit code 2; anything else is a bug and keeps its stack trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {

  static final int EXIT_USER_ERROR = 2;

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) throws Exception {
    if (exception instanceof ConfigException || exception instanceof UserError) {
      commandLine.getErr().println("gaitctl: " + exception.getMessage());
      return EXIT_USER_ERROR;
    }
    throw exception;
  }
}
