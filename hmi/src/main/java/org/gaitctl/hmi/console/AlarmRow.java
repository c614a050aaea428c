package org.gaitctl.hmi.console;

/**
 * One fault in the alarms panel.
 *
 * @param code the catalogue identifier ("F08")
 * @param cause what went wrong, in plain words, with the measured value and limit
 * @param time wall-clock time of detection, HH:mm:ss
 * @param stoppedSession whether it is the fault that stopped the session (the first)
 * @param acknowledged whether an acknowledgement has cleared it
 */
public record AlarmRow(
    String code, String cause, String time, boolean stoppedSession, boolean acknowledged) {

  /** The row as one line of the alarms list. */
  public String text() {
    return time
        + "  "
        + code
        + (acknowledged ? "  acknowledged" : "  LATCHED")
        + (stoppedSession ? ", stopped the session" : "")
        + ": "
        + cause;
  }
}
