package org.gaitctl.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Where log lines go: always to the log file, and with {@code --verbose} also to standard error
 * (INFO and up), so that by default the terminal shows only what gaitctl prints for people.
 * Replaces the configuration of {@code logback.xml} (which is quiet) once the command line is
 * parsed.
 */
final class LogSetup {

  private static final String FILE_PATTERN =
      "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
  private static final String TERMINAL_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n";

  private LogSetup() {}

  /**
   * Sends gaitctl's log lines at {@code level} and up (libraries' at WARN and up, or {@code level}
   * when it is more detailed than INFO) to {@code logFile}, and with {@code verbose} INFO and up
   * also to standard error.
   *
   * @throws UserError when the log file's folder cannot be created
   */
  static void apply(Path logFile, Level level, boolean verbose) {
    createFolder(logFile);
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(level.isGreaterOrEqual(Level.INFO) ? Level.WARN : level);
    context.getLogger("org.gaitctl").setLevel(level);

    FileAppender<ILoggingEvent> file = new FileAppender<>();
    file.setContext(context);
    file.setName("FILE");
    file.setFile(logFile.toString());
    file.setAppend(true);
    file.setEncoder(encoder(context, FILE_PATTERN));
    file.start();
    root.addAppender(file);

    if (verbose) {
      ConsoleAppender<ILoggingEvent> terminal = new ConsoleAppender<>();
      terminal.setContext(context);
      terminal.setName("STDERR");
      terminal.setTarget("System.err");
      terminal.setEncoder(encoder(context, TERMINAL_PATTERN));
      ThresholdFilter infoAndUp = new ThresholdFilter();
      infoAndUp.setLevel(Level.INFO.toString());
      infoAndUp.start();
      terminal.addFilter(infoAndUp);
      terminal.start();
      root.addAppender(terminal);
    }
  }

  private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
    encoder.start();
    return encoder;
  }

  private static void createFolder(Path logFile) {
    Path folder = logFile.toAbsolutePath().getParent();
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UserError("cannot create the log folder " + folder + ": " + e.getMessage(), e);
    }
  }
}
