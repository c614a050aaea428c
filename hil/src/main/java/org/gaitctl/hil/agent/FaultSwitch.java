package org.gaitctl.hil.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The state the inlined advice reads: which fault is armed (by the agent, when the runner attaches)
 * and which has fired and stays on. A fault fires at the first call of its advised method after it
 * was armed; the time it fired ({@code System.nanoTime()}, the clock the runner and the emulators
 * share) is appended to the file the runner named, as {@code CODE NANOS}.
 *
 * <p>Public because the advice is inlined into product classes, which call it from their own
 * package.
 */
public final class FaultSwitch {

  /** How long the F17 stall parks the stage: 5 × the 200 ms stall limit, backlog building. */
  public static final long STALL_NS = TimeUnit.SECONDS.toNanos(1);

  /** How long the F28 stall parks the session's control loop: 3 × the 1000 ms stall limit. */
  public static final long CONTROL_STALL_NS = TimeUnit.SECONDS.toNanos(3);

  private static final AtomicReference<AgentFault> ARMED = new AtomicReference<>();
  private static volatile AgentFault firedAndOn;
  private static volatile Path firedFile;

  private FaultSwitch() {}

  /** Arms {@code fault}: it fires at the next call of its advised method. */
  static void arm(AgentFault fault, Path firedTimesFile) {
    firedFile = firedTimesFile;
    ARMED.set(fault);
  }

  /** Whether {@code fault} happens in this call: it was armed (now fired), or it stays on. */
  static boolean fire(AgentFault fault) {
    if (firedAndOn == fault) {
      return true;
    }
    if (ARMED.get() != fault || !ARMED.compareAndSet(fault, null)) {
      return false;
    }
    long firedNs = System.nanoTime();
    if (fault.staysOn()) {
      firedAndOn = fault;
    }
    record(fault, firedNs);
    return true;
  }

  /** F17: parks the calling thread for {@link #STALL_NS} when the fault fires. */
  public static void stallIfFired(AgentFault fault) {
    stallIfFired(fault, STALL_NS);
  }

  /** F28: parks the calling thread for {@link #CONTROL_STALL_NS} when the fault fires. */
  public static void controlStallIfFired(AgentFault fault) {
    stallIfFired(fault, CONTROL_STALL_NS);
  }

  private static void stallIfFired(AgentFault fault, long stallNs) {
    if (!fire(fault)) {
      return;
    }
    long endNs = System.nanoTime() + stallNs;
    for (long leftNs = stallNs; leftNs > 0; leftNs = endNs - System.nanoTime()) {
      LockSupport.parkNanos(leftNs); // May return early (spurious wake-up): parks the rest.
    }
  }

  /** F18, F20: an unchecked exception out of the advised method when the fault fires. */
  public static void throwIfFired(AgentFault fault) {
    if (fire(fault)) {
      throw new IllegalStateException("injected by the HIL fault agent: " + fault.methodName());
    }
  }

  /** F27: the error a full disk gives, from the call the fault fires in on. */
  public static void diskFullIfFired(AgentFault fault) throws IOException {
    if (fire(fault)) {
      throw new IOException("No space left on device");
    }
  }

  private static void record(AgentFault fault, long firedNs) {
    Path file = firedFile;
    try {
      Files.writeString(
          file,
          fault.name() + " " + firedNs + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      // The fault still happens; the runner then measures from its own clock at the attach.
      System.err.println("HIL fault agent: cannot record the fired time in " + file + ": " + e);
    }
  }
}
