package org.gaitctl.hil.agent;

/**
 * The faults the agent injects inside the running controller, each on one product method (the
 * catalogue rows of docs/SAFETY.md that no wire can cause).
 */
public enum AgentFault {
  /** The gait stage parks for {@link FaultSwitch#STALL_NS} once, with events waiting behind it. */
  F17(
      "org.gaitctl.core.pipeline.GaitAnalysisStage",
      "process",
      FaultAdvice.StageStall.class,
      false),
  /** The gait stage's handler throws once. */
  F18(
      "org.gaitctl.core.pipeline.GaitAnalysisStage",
      "process",
      FaultAdvice.HandlerException.class,
      false),
  /** The supervisor's evaluation of its fault conditions throws once. */
  F20("org.gaitctl.safety.FaultConditions", "evaluate", FaultAdvice.SupervisorCheck.class, false),
  /** The journal's file writes fail with "No space left on device" from the first one on. */
  F27("org.gaitctl.core.journal.FileJournalOutput", "write", FaultAdvice.DiskFull.class, true),
  /** The session's control loop parks for {@link FaultSwitch#CONTROL_STALL_NS} once. */
  F28("org.gaitctl.session.SessionController", "doWork", FaultAdvice.ControlStall.class, false);

  private final String className;
  private final String methodName;
  private final Class<?> advice;
  private final boolean staysOn;

  AgentFault(String className, String methodName, Class<?> advice, boolean staysOn) {
    this.className = className;
    this.methodName = methodName;
    this.advice = advice;
    this.staysOn = staysOn;
  }

  /** The product class whose method gets the advice. */
  public String className() {
    return className;
  }

  /** The advised method (every overload of that name). */
  public String methodName() {
    return methodName;
  }

  Class<?> advice() {
    return advice;
  }

  /** Whether the fault, once fired, lasts (a full disk stays full) rather than happening once. */
  public boolean staysOn() {
    return staysOn;
  }

  /** The fault of that catalogue code, or {@code null}. */
  public static AgentFault of(String code) {
    for (AgentFault fault : values()) {
      if (fault.name().equals(code)) {
        return fault;
      }
    }
    return null;
  }
}
