package org.gaitctl.hil;

/**
 * One timed fault of a scenario, {@code atS} seconds after the belt reached the first stage's
 * speed.
 *
 * @param atS seconds after the belt reached the first stage
 * @param simCommand a fault console line sent to the emulators' standard input, or {@code null}
 * @param processFault a process-level fault, or {@code null} (exactly one of the two is set)
 */
public record Injection(double atS, String simCommand, ProcessFault processFault) {

  /** Faults done to the processes rather than through the emulators' console. */
  public enum ProcessFault {
    /** SIGKILL of the controller ({@code gaitctl session}): no stop, no goodbye. */
    KILL_CONTROLLER("kill-controller"),
    /** SIGKILL of the emulators ({@code gaitctl sim}): every device goes silent at once. */
    KILL_EMULATOR("kill-emulator");

    private final String yamlName;

    ProcessFault(String yamlName) {
      this.yamlName = yamlName;
    }

    public String yamlName() {
      return yamlName;
    }
  }

  /** What it injects, for people: the console line or the process fault's name. */
  public String describe() {
    return simCommand != null ? "sim: " + simCommand : processFault.yamlName();
  }
}
