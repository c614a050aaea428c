package org.gaitctl.app;

/** An error the user can fix (a bad argument, a file that cannot be read); printed plainly. */
final class UserError extends RuntimeException {

  UserError(String message) {
    super(message);
  }

  UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
