package org.gaitctl.hil;

import org.gaitctl.hil.agent.AgentFault;

/**
 * One timed fault of a scenario, {@code atS} seconds after the belt reached the first stage's
 * speed.
 *
 * @param atS seconds after the belt reached the first stage
 * @param simCommand a fault console line sent to the emulators' standard input, or {@code null}
 * @param processFault a process-level fault, or {@code null}
 * @param target what a {@link ProcessFault#CLOSE_PTY} closes (the link's pseudo-terminal name,
 *     {@code pbu} or {@code lca}) or a {@link ProcessFault#RESET_TCP} resets ({@code drive} or
 *     {@code bws}); {@code null} for the others
 * @param pauseMs how long a {@link ProcessFault#PAUSE_CONTROLLER} stops the controller, ms; 0 for
 *     the others
 * @param agentFault a fault inside the controller, caused by the fault agent the runner attaches
 *     ({@link org.gaitctl.hil.agent.FaultAgent}), or {@code null} (exactly one of simCommand,
 *     processFault and agentFault is set)
 */
public record Injection(
    double atS,
    String simCommand,
    ProcessFault processFault,
    String target,
    long pauseMs,
    AgentFault agentFault) {

  /** A console line or a process fault that needs no target and no duration. */
  public Injection(double atS, String simCommand, ProcessFault processFault) {
    this(atS, simCommand, processFault, null, 0, null);
  }

  /** A process fault with its target and duration. */
  public Injection(double atS, ProcessFault processFault, String target, long pauseMs) {
    this(atS, null, processFault, target, pauseMs, null);
  }

  /** A fault the agent causes inside the controller. */
  public Injection(double atS, AgentFault agentFault) {
    this(atS, null, null, null, 0, agentFault);
  }

  /** Faults done to the processes rather than through the emulators' console. */
  public enum ProcessFault {
    /** SIGKILL of the controller ({@code gaitctl session}): no stop, no goodbye. */
    KILL_CONTROLLER("kill-controller"),
    /** SIGKILL of the emulators ({@code gaitctl sim}): every device goes silent at once. */
    KILL_EMULATOR("kill-emulator"),
    /**
     * SIGSTOP of the controller, SIGCONT {@code ms} later: every thread of it frozen at once (a
     * host that stalls: swapping, a debugger, a VM paused).
     */
    PAUSE_CONTROLLER("pause-controller"),
    /**
     * The pseudo-terminal of a serial link ({@code target: pbu|lca}) closed under the controller:
     * SIGKILL of the socat that joins its two ends, as a cable pulled out.
     */
    CLOSE_PTY("close-pty"),
    /**
     * The TCP connection of a Modbus device ({@code target: drive|bws}) reset by the device (RST,
     * SO_LINGER 0; the emulator's {@code disconnect} console line); the device listens on.
     */
    RESET_TCP("reset-tcp");

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
    if (simCommand != null) {
      return "sim: " + simCommand;
    }
    return processFault.yamlName()
        + (target != null ? " " + target : "")
        + (pauseMs > 0 ? " " + pauseMs + " ms" : "");
  }
}
