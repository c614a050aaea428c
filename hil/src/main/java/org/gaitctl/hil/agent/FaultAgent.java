package org.gaitctl.hil.agent;

import static net.bytebuddy.matcher.ElementMatchers.named;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * The agent's entry point in the controller, called by the JVM when the runner loads the agent
 * ({@link FaultAgentAttach}). The first time for a fault it puts the fault's advice ({@link
 * FaultAdvice}) on that fault's product class, loaded or still to be loaded; with a file it arms
 * the fault ({@link FaultSwitch}), and refuses if the class has not been advised. The controller
 * carries no trace of this before the attach.
 *
 * <p>Arguments: {@code CODE} installs the advice only (the runner does this as soon as the
 * controller runs, before the belt moves, so the transformation's cost falls outside the session);
 * {@code CODE;FIRED_FILE}, e.g. {@code F18;/tmp/report/F18/agent-fired.txt}, also arms the fault.
 */
public final class FaultAgent {

  static final String ARGUMENT_SEPARATOR = ";";

  /** What installing each fault's advice did so far, so a second attach only arms. */
  private static final Map<AgentFault, Outcome> INSTALLED = new EnumMap<>(AgentFault.class);

  private FaultAgent() {}

  /**
   * Installs (once) and, with a file, arms the fault in {@code arguments}.
   *
   * @throws IllegalArgumentException for arguments that do not name a fault
   * @throws IllegalStateException when the product class could not be advised, or is to be armed
   *     before it was (the runner's {@code loadAgent} then fails with it)
   */
  public static void agentmain(String arguments, Instrumentation instrumentation) {
    String[] parts = arguments == null ? new String[0] : arguments.split(ARGUMENT_SEPARATOR, 2);
    AgentFault fault = parts.length > 0 ? AgentFault.of(parts[0]) : null;
    if (fault == null) {
      throw new IllegalArgumentException(
          "HIL fault agent: arguments must be CODE or CODE"
              + ARGUMENT_SEPARATOR
              + "FILE, not "
              + arguments);
    }
    synchronized (INSTALLED) {
      Outcome outcome = INSTALLED.get(fault);
      if (outcome == null) {
        outcome = install(fault, instrumentation);
        INSTALLED.put(fault, outcome);
      }
      if (!outcome.errors.isEmpty()) {
        throw new IllegalStateException(
            "HIL fault agent: cannot advise " + fault.className() + ": " + outcome.errors);
      }
      if (parts.length == 2) {
        if (outcome.transformed.isEmpty()) {
          throw new IllegalStateException(
              "HIL fault agent: " + fault.className() + " is not loaded yet, nothing to arm");
        }
        FaultSwitch.arm(fault, Path.of(parts[1]));
      }
    }
  }

  private static Outcome install(AgentFault fault, Instrumentation instrumentation) {
    Outcome outcome = new Outcome();
    new AgentBuilder.Default()
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(outcome)
        .type(named(fault.className()))
        .transform(
            (builder, type, loader, module, domain) ->
                builder.visit(Advice.to(fault.advice()).on(named(fault.methodName()))))
        .installOn(instrumentation);
    return outcome;
  }

  /**
   * Collects what the transformation did (now for a loaded class, or when the class loads), so
   * arming fails when the class was not advised.
   */
  private static final class Outcome extends AgentBuilder.Listener.Adapter {
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<String> transformed = new CopyOnWriteArrayList<>();

    @Override
    public void onTransformation(
        TypeDescription type,
        ClassLoader loader,
        JavaModule module,
        boolean loadedBefore,
        DynamicType dynamicType) {
      transformed.add(type.getName());
    }

    @Override
    public void onError(
        String typeName,
        ClassLoader loader,
        JavaModule module,
        boolean loadedBefore,
        Throwable error) {
      errors.add(typeName + ": " + error);
    }
  }
}
