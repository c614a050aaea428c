package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ExitCodesOfUnexpectedErrorsTest {

  @Command(name = "broken")
  static final class Broken implements Runnable {
    @Override
    public void run() {
      throw new IllegalStateException("a bug");
    }
  }

  @Test
  void shouldAnswerABugWithOneLinePointingToTheLogFileAndExitCodeOne() {
    StringWriter err = new StringWriter();
    Path logFile = Path.of("/var/log/gaitctl-test.log");
    CommandLine cli =
        new CommandLine(new Broken()).setExecutionExceptionHandler(new UserErrorHandler(logFile));
    cli.setErr(new PrintWriter(err, true));

    assertThat(cli.execute()).isEqualTo(ExitCodes.INTERNAL_ERROR);
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .contains("internal error: java.lang.IllegalStateException: a bug")
        .endsWith("see the log file " + logFile);
  }
}
