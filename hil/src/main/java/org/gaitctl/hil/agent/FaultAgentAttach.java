package org.gaitctl.hil.agent;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The runner's side of the agent: writes the agent jar (a manifest only: the agent's classes are
 * already on the controller's class path, which is the runner's) and loads it into the controller
 * by its process id with the Attach API, as a debugger would. Needs the same user and a JDK (module
 * jdk.attach) on both sides.
 */
public final class FaultAgentAttach {

  private final Path agentJar;

  private FaultAgentAttach(Path agentJar) {
    this.agentJar = agentJar;
  }

  /** Writes the agent jar to {@code jar}. */
  public static FaultAgentAttach writeAgentJar(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(new Attributes.Name("Agent-Class"), FaultAgent.class.getName());
    main.put(new Attributes.Name("Can-Retransform-Classes"), "true");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream ignored = new JarOutputStream(out, manifest)) {
      // The manifest is the whole jar.
    }
    return new FaultAgentAttach(jar);
  }

  /**
   * Attaches to the JVM {@code pid} and puts {@code fault}'s advice in place without arming it, on
   * its class now or when it loads: loading the agent and transforming a class cost the JVM CPU
   * time and a safepoint, which should not fall on the moment of the fault.
   *
   * @throws IOException as {@link #inject}
   */
  public void install(long pid, AgentFault fault) throws IOException {
    load(pid, fault.name());
  }

  /**
   * Attaches to the JVM {@code pid} and arms {@code fault} there (installing its advice if {@link
   * #install} did not); it fires at the next call of its advised method and appends its time to
   * {@code firedFile}.
   *
   * @throws IOException when the JVM cannot be attached to or the agent fails there (the agent's
   *     reason goes to that JVM's standard error: the controller's {@code session.err})
   */
  public void inject(long pid, AgentFault fault, Path firedFile) throws IOException {
    load(pid, fault.name() + FaultAgent.ARGUMENT_SEPARATOR + firedFile.toAbsolutePath());
  }

  private void load(long pid, String arguments) throws IOException {
    VirtualMachine vm;
    try {
      vm = VirtualMachine.attach(Long.toString(pid));
    } catch (AttachNotSupportedException e) {
      throw new IOException("cannot attach to JVM " + pid + ": " + e.getMessage(), e);
    }
    try {
      vm.loadAgent(agentJar.toString(), arguments);
    } catch (AgentLoadException | AgentInitializationException e) {
      throw new IOException(
          "the fault agent failed in JVM "
              + pid
              + ": "
              + e.getMessage()
              + " (the reason is on that JVM's standard error)",
          e);
    } finally {
      vm.detach();
    }
  }

  /** When {@code fault} fired, from the agent's file; empty when it has not (or no file). */
  public static OptionalLong firedNs(Path firedFile, AgentFault fault) throws IOException {
    if (!Files.exists(firedFile)) {
      return OptionalLong.empty();
    }
    for (String line : Files.readAllLines(firedFile, StandardCharsets.UTF_8)) {
      String[] fields = line.trim().split(" ");
      if (fields.length == 2 && fields[0].equals(fault.name())) {
        return OptionalLong.of(Long.parseLong(fields[1]));
      }
    }
    return OptionalLong.empty();
  }
}
