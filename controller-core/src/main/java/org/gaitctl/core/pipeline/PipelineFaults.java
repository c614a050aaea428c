package org.gaitctl.core.pipeline;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's latched fault flag, read by the safety supervisor on its own thread.
 *
 * <p>Reaction (see docs/PERFORMANCE.md): the pipeline itself keeps running, so that inputs stay
 * fresh and monitoring goes on, but once {@link #raised()} is true its outputs are no longer
 * trusted: the supervisor commands the safe stop (belt ramped to zero, harness held) and latches
 * its own fault. The flag is never cleared; a new session starts a new pipeline.
 *
 * <p>Raising counts per kind and logs at 1, 2, 4, 8, ... occurrences of a kind, so an input storm
 * cannot flood the log; the first fault is kept with its cause.
 */
public final class PipelineFaults {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineFaults.class);

  private final AtomicReference<PipelineFault> first = new AtomicReference<>();
  private final AtomicLongArray countByKind = new AtomicLongArray(PipelineFaultKind.COUNT);
  private volatile boolean raised;

  /**
   * Raises the fault flag. Any thread; lock-free; allocates only for the first fault and when it
   * logs.
   */
  void raise(PipelineFaultKind kind, String where, long sequence, String detail, Throwable cause) {
    long count = countByKind.incrementAndGet(kind.ordinal());
    if (first.get() == null) {
      first.compareAndSet(null, new PipelineFault(kind, where, sequence, detail, cause));
    }
    raised = true;
    if (Long.bitCount(count) == 1) {
      LOG.error(
          "pipeline fault {} in {} at sequence {} ({} so far): {}",
          kind,
          where,
          sequence,
          count,
          detail,
          cause);
    }
  }

  /** True once any fault was raised; never resets. Any thread. */
  public boolean raised() {
    return raised;
  }

  /** The first fault raised, or null. Any thread. */
  public PipelineFault firstFault() {
    return first.get();
  }

  /** How many faults of {@code kind} were raised. Any thread. */
  public long count(PipelineFaultKind kind) {
    return countByKind.get(kind.ordinal());
  }
}
