package org.gaitctl.app;

/** The process exit codes of every gaitctl command (README, "Exit codes"). */
final class ExitCodes {

  /** The job is done (after {@code --duration}, the belt stopped under control). */
  static final int DONE = 0;

  /** An unexpected exception: a bug; one line on the terminal, the stack trace in the log. */
  static final int INTERNAL_ERROR = 1;

  /** A bad option, or a profile or file that cannot be read or is invalid. */
  static final int USAGE_OR_CONFIGURATION = 2;

  /** The session ended in a safe stop (a fault); it is latched until acknowledged. */
  static final int STOPPED_BY_FAULT = 3;

  /** The devices or the checks refused the start: a device did not answer, a cause was present. */
  static final int REFUSED_TO_START = 4;

  /** {@code gaitctl hil run}: a scenario failed (an expectation did not hold or the run broke). */
  static final int SCENARIO_FAILED = 5;

  /** Ctrl-C, after the controlled stop: the shell's code for an interrupt (128 + SIGINT). */
  static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
