package org.gaitctl.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.safety.RequestOutcome;
import org.gaitctl.safety.SafetySupervisor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code gaitctl ack}: acknowledges what a stopped session left latched in the devices. A fresh
 * process's supervisor has nothing latched itself (it is IDLE), so the acknowledgement is the
 * supervisor's start check without a belt: belt commanded off, the drive's and the BWS unit's
 * latched faults reset where their causes are gone, every fault condition checked; then the belt
 * stays off and the harness is held as after any stop. Accepted: the next session can start.
 * Refused: the causes still present are named, exit code 4.
 */
@Command(
    name = "ack",
    mixinStandardHelpOptions = true,
    description = {
      "Acknowledge a latched fault after a safe stop: reset the devices' latched faults whose"
          + " cause is gone, check that no cause is present, and say what is still present.",
      "Connects to the devices of the profile as they are (start no emulators); the belt does not"
          + " move, the harness is held afterwards."
    })
final class AckCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(AckCommand.class);

  /** Longer than the supervisor's procedure: belt off, resets and status reads, each bounded. */
  private static final long ANSWER_TIMEOUT_S = 10;

  @Spec private CommandSpec spec;

  @Mixin private ProfileOption profile;

  @Override
  public Integer call() throws InterruptedException {
    DevicesConfig devices = profile.load();
    PrintWriter out = spec.commandLine().getOut();
    double bodyMassKg = devices.simulation().patient().bodyMassKg();
    try (DeviceSession session = DeviceSession.open(devices, NanoClock.SYSTEM, bodyMassKg)) {
      out.println("Connected. Resetting the devices' latched faults and checking for causes.");
      out.flush();
      RequestOutcome outcome = answer(session.safety().supervisor());
      LOG.info("acknowledge through the supervisor's start check: {}", outcome);
      if (!outcome.accepted()) {
        out.println("Not acknowledged: " + outcome.reason());
        out.println("Remove the cause and run `gaitctl ack` again; the belt stays off.");
        return ExitCodes.REFUSED_TO_START;
      }
      out.println(
          "Acknowledged: the devices' latched faults are reset and no cause is present."
              + " The next session may start. The harness is held until then.");
      return ExitCodes.DONE;
    }
  }

  private static RequestOutcome answer(SafetySupervisor supervisor) throws InterruptedException {
    try {
      return supervisor.requestStart().get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new StartRefused(
          "the safety supervisor did not answer within " + ANSWER_TIMEOUT_S + " s");
    } catch (ExecutionException e) {
      throw new IllegalStateException("the supervisor's start check failed", e.getCause());
    }
  }
}
