package org.gaitctl.core.command;

/** Why the {@link CommandGate} refused a command. */
public enum Refusal {
  /** NaN or infinite. */
  NOT_FINITE("not a finite number"),
  /** Outside the device profile's limits. */
  OUT_OF_RANGE("outside the limits"),
  /** A larger change of the setpoint than one command may make. */
  CHANGE_TOO_LARGE("too large a change"),
  /** A command that can move the patient while the safety supervisor runs no session. */
  NOT_PERMITTED("motion not permitted: the safety supervisor is not RUNNING");

  public static final int COUNT = values().length;

  private final String text;

  Refusal(String text) {
    this.text = text;
  }

  /** Plain words for logs and the console. */
  public String text() {
    return text;
  }
}
