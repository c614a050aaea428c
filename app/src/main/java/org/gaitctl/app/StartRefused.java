package org.gaitctl.app;

/**
 * The machine refused to start: a device did not answer or refused a start-up command. Exit code
 * {@link ExitCodes#REFUSED_TO_START}; the belt did not move.
 */
final class StartRefused extends RuntimeException {

  StartRefused(String message) {
    super(message);
  }
}
