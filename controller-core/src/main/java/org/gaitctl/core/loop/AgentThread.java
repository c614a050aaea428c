package org.gaitctl.core.loop;

import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.IdleStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent on its own daemon thread, named after the agent's role ({@code pbu-reader}), run by
 * Agrona's {@link AgentRunner}: {@code doWork()}, then the idle strategy when it did nothing, until
 * {@link #close()}. The one way every loop of gaitctl runs (serial readers, status pollers,
 * supervisor, simulation world, emulators).
 *
 * <p>Agents handle their own faults; an exception that still escapes {@code doWork()} is logged and
 * counted ({@link #escapedErrors()}) and the loop goes on. An agent ends itself by throwing {@link
 * AgentTerminationException} (e.g. an emulator whose port is gone).
 */
public final class AgentThread implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AgentThread.class);
  private static final int CLOSE_RETRY_MS = 2_000;

  private final AgentRunner runner;
  private final AtomicLong escapedErrors = new AtomicLong();

  private AgentThread(Agent agent, IdleStrategy idleStrategy, int priority) {
    this.runner = new AgentRunner(idleStrategy, error -> onEscapedError(agent, error), null, agent);
    AgentRunner.startOnThread(
        runner,
        task -> {
          Thread thread = new Thread(task, agent.roleName());
          thread.setDaemon(true);
          thread.setPriority(priority);
          return thread;
        });
  }

  /** Starts {@code agent} on a new thread at normal priority. */
  public static AgentThread start(Agent agent, IdleStrategy idleStrategy) {
    return new AgentThread(agent, idleStrategy, Thread.NORM_PRIORITY);
  }

  /** Starts {@code agent} on a new thread at the highest priority (the safety loops). */
  public static AgentThread startHighPriority(Agent agent, IdleStrategy idleStrategy) {
    return new AgentThread(agent, idleStrategy, Thread.MAX_PRIORITY);
  }

  private void onEscapedError(Agent agent, Throwable error) {
    if (error instanceof AgentTerminationException) {
      LOG.warn("{}: loop ended: {}", agent.roleName(), error.getMessage());
      return;
    }
    escapedErrors.incrementAndGet();
    LOG.error("{}: exception escaped the loop's work; the loop goes on", agent.roleName(), error);
  }

  /** Exceptions that escaped the agent's {@code doWork()}; any thread. */
  public long escapedErrors() {
    return escapedErrors.get();
  }

  /** Whether the loop's thread still runs (false once closed or the agent terminated itself). */
  public boolean isAlive() {
    Thread thread = runner.thread();
    return thread != null && thread != AgentRunner.TOMBSTONE && thread.isAlive();
  }

  /**
   * Stops the loop and waits for its thread; a thread that does not stop within 2 s is logged and
   * interrupted, and waited for again. Any thread except the loop's own.
   */
  @Override
  public void close() {
    runner.close(
        CLOSE_RETRY_MS,
        thread -> LOG.error("{} did not stop within {} ms", thread.getName(), CLOSE_RETRY_MS));
  }
}
