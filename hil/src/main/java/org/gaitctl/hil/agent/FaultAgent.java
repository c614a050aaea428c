package org.gaitctl.hil.agent;

import static net.bytebuddy.matcher.ElementMatchers.named;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * The agent's entry point in the controller, called by the JVM when the runner loads the agent
 * ({@link FaultAgentAttach}). The first time for a fault it retransforms that fault's product class
 * with the fault's advice ({@link FaultAdvice}); every time it arms the fault ({@link
 * FaultSwitch}). The controller carries no trace of this before the attach.
 *
 * <p>Arguments: {@code CODE} installs the advice only (the runner does this when the stage begins,
 * so the retransformation's pause is over before the fault); {@code CODE;FIRED_FILE}, e.g. {@code
 * F18;/tmp/report/F18/agent-fired.txt}, also arms the fault.
 */
public final class FaultAgent {

  static final String ARGUMENT_SEPARATOR = ";";

  /** Faults whose advice is in place, so a second attach only arms. */
  private static final Set<AgentFault> INSTALLED = EnumSet.noneOf(AgentFault.class);

  private FaultAgent() {}

  /**
   * Installs (once) and arms the fault in {@code arguments}.
   *
   * @throws IllegalArgumentException for arguments that do not name a fault and a file
   * @throws IllegalStateException when the product class is not loaded or cannot be retransformed
   *     (the runner's {@code loadAgent} then fails with it)
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
      if (!INSTALLED.contains(fault)) {
        install(fault, instrumentation);
        INSTALLED.add(fault);
      }
    }
    if (parts.length == 2) {
      FaultSwitch.arm(fault, Path.of(parts[1]));
    }
  }

  private static void install(AgentFault fault, Instrumentation instrumentation) {
    boolean loaded = false;
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      loaded |= type.getName().equals(fault.className());
    }
    if (!loaded) {
      throw new IllegalStateException(
          "HIL fault agent: " + fault.className() + " is not loaded in this JVM");
    }
    List<String> errors = new ArrayList<>();
    List<String> transformed = new ArrayList<>();
    new AgentBuilder.Default()
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(new Outcome(errors, transformed))
        .type(named(fault.className()))
        .transform(
            (builder, type, loader, module, domain) ->
                builder.visit(Advice.to(fault.advice()).on(named(fault.methodName()))))
        .installOn(instrumentation);
    if (!errors.isEmpty() || transformed.isEmpty()) {
      throw new IllegalStateException(
          "HIL fault agent: cannot advise " + fault.className() + ": " + errors);
    }
  }

  /** Collects what the retransformation did, so a failure fails the attach. */
  private static final class Outcome extends AgentBuilder.Listener.Adapter {
    private final List<String> errors;
    private final List<String> transformed;

    Outcome(List<String> errors, List<String> transformed) {
      this.errors = errors;
      this.transformed = transformed;
    }

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
