package org.gaitctl.hil;

import org.gaitctl.hil.agent.AgentFault;

/**
 * One timed fault of a scenario, {@code atS} seconds after the belt reached the first stage's
 * speed.
 *
 * @param atS seconds after the belt reached the first stage
 * @param simCommand a fault console line sent to the emulators' standard input, or {@code null}
 * @param processFault a process-level fault, or {@code null}
 * @param agentFault a fault inside the controller, caused by the fault agent the runner attaches
 *     ({@link org.gaitctl.hil.agent.FaultAgent}), or {@code null} (exactly one of the three is set)
 */
public record Injection(
    double atS, String simCommand, ProcessFault processFault, AgentFault agentFault) {

  /** A console line or a process fault. */
  public Injection(double atS, String simCommand, ProcessFault processFault) {
    this(atS, simCommand, processFault, null);
  }

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

  /** What it injects, for people: the console line, the process fault's or the agent's fault. */
  public String describe() {
    if (agentFault != null) {
      return "agent: " + agentFault.name();
    }
    return simCommand != null ? "sim: " + simCommand : processFault.yamlName();
  }
}
