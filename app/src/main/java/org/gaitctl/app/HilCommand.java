package org.gaitctl.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code gaitctl hil run|list}: the hardware-in-the-loop runner (docs/HIL.md, section 7). The
 * scenarios run the real controller against the emulators, each as a child process of its own.
 */
@Command(
    name = "hil",
    mixinStandardHelpOptions = true,
    description = {
      "Hardware-in-the-loop scenarios: the controller (gaitctl session) against the emulators"
          + " (gaitctl sim) as separate processes on real transports, with timed faults and"
          + " expectations measured from outside the controller."
    },
    subcommands = {HilRunCommand.class, HilListCommand.class})
final class HilCommand implements Callable<Integer> {

  /** Where the scenario library lives in the repository. */
  static final Path DEFAULT_LIBRARY = Path.of("hil", "scenarios");

  @Spec private CommandSpec spec;

  /** {@code gaitctl hil} alone: what it can do, and the usage error's exit code. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE_OR_CONFIGURATION;
  }
}
