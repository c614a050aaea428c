package org.gaitctl.hil.agent;

import java.io.IOException;
import net.bytebuddy.asm.Advice;

/**
 * The advice the agent inlines at the start of a product method. Each body is one call into {@link
 * FaultSwitch}, which does nothing until the runner arms a fault, so the advised method behaves as
 * before apart from one volatile read.
 */
final class FaultAdvice {

  private FaultAdvice() {}

  /** F17 on the gait stage's {@code process}. */
  static final class StageStall {
    private StageStall() {}

    @Advice.OnMethodEnter
    static void enter() {
      FaultSwitch.stallIfFired(AgentFault.F17);
    }
  }

  /** F18 on the gait stage's {@code process}. */
  static final class HandlerException {
    private HandlerException() {}

    @Advice.OnMethodEnter
    static void enter() {
      FaultSwitch.throwIfFired(AgentFault.F18);
    }
  }

  /** F20 on {@code FaultConditions.evaluate}. */
  static final class SupervisorCheck {
    private SupervisorCheck() {}

    @Advice.OnMethodEnter
    static void enter() {
      FaultSwitch.throwIfFired(AgentFault.F20);
    }
  }

  /** F27 on {@code FileJournalOutput.write}: before any byte of the call is written. */
  static final class DiskFull {
    private DiskFull() {}

    @Advice.OnMethodEnter
    static void enter() throws IOException {
      FaultSwitch.diskFullIfFired(AgentFault.F27);
    }
  }

  /** F28 on the session controller's {@code doWork}: the control loop hangs. */
  static final class ControlStall {
    private ControlStall() {}

    @Advice.OnMethodEnter
    static void enter() {
      FaultSwitch.controlStallIfFired(AgentFault.F28);
    }
  }
}
