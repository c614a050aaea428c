package org.gaitctl.safety;

import java.util.List;
import java.util.function.Supplier;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.time.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one safety command with bounded retries: at most {@link SupervisorSettings#stepAttempts()}
 * attempts within {@link SupervisorSettings#stepBudgetMs()}. Only transport failures (timeout, not
 * connected, I/O error) are retried; a device that refuses (rejected, out of range) is not asked
 * again, so the caller falls back at once. A port that throws despite its contract counts as an I/O
 * error.
 *
 * <p>Supervisor thread only; blocks for at most the budget plus one request timeout.
 */
final class DeviceCommands {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceCommands.class);

  private final NanoClock clock;
  private final int maxAttempts;
  private final long budgetNs;

  DeviceCommands(NanoClock clock, SupervisorSettings settings) {
    this.clock = clock;
    this.maxAttempts = settings.stepAttempts();
    this.budgetNs = settings.stepBudgetMs() * 1_000_000L;
  }

  /** Sends {@code call}, appends the step to {@code log}, and returns whether it was accepted. */
  boolean send(List<SafeStopOutcome.Step> log, String command, Supplier<CommandResult> call) {
    SafeStopOutcome.Step step = send(command, call);
    log.add(step);
    return step.result().isOk();
  }

  SafeStopOutcome.Step send(String command, Supplier<CommandResult> call) {
    long deadlineNs = clock.nanoTime() + budgetNs;
    int attempts = 0;
    CommandResult result;
    do {
      attempts++;
      result = invoke(command, call);
    } while (!result.isOk()
        && isTransportFailure(result)
        && attempts < maxAttempts
        && deadlineNs - clock.nanoTime() > 0);
    if (!result.isOk()) {
      LOG.warn("{} failed: {} after {} attempt(s)", command, result, attempts);
    }
    return new SafeStopOutcome.Step(command, result, attempts);
  }

  private static CommandResult invoke(String command, Supplier<CommandResult> call) {
    try {
      CommandResult result = call.get();
      return result == null ? CommandResult.IO_ERROR : result;
    } catch (RuntimeException e) {
      LOG.error("{} threw instead of returning a result; treated as IO_ERROR", command, e);
      return CommandResult.IO_ERROR;
    }
  }

  private static boolean isTransportFailure(CommandResult result) {
    return result == CommandResult.TIMEOUT
        || result == CommandResult.NOT_CONNECTED
        || result == CommandResult.IO_ERROR;
  }
}
