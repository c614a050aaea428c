package org.gaitctl.core.pipeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Lock-free latest-value exchange of a {@link DisplaySnapshot} between the snapshot stage (one
 * writer, a ring thread) and any number of readers (console timer, CLI), as a sequence lock: the
 * writer makes the version odd, copies, makes it even; a reader copies and retries when the version
 * changed or was odd during its copy. The writer never waits for readers; a reader never blocks the
 * ring.
 */
public final class SnapshotExchange {

  private static final VarHandle SEQUENCE;

  static {
    try {
      SEQUENCE =
          MethodHandles.lookup().findVarHandle(SnapshotExchange.class, "sequence", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final int READ_ATTEMPTS = 64;

  private final DisplaySnapshot shared = new DisplaySnapshot();

  @SuppressWarnings("unused") // accessed through SEQUENCE
  private volatile long sequence;

  /** Publishes {@code latest}; the single writer thread only; allocation-free. */
  void publish(DisplaySnapshot latest) {
    long current = (long) SEQUENCE.getOpaque(this);
    SEQUENCE.setOpaque(this, current + 1);
    VarHandle.storeStoreFence();
    shared.copyFrom(latest);
    SEQUENCE.setRelease(this, current + 2);
  }

  /**
   * Copies the latest published snapshot into {@code target}. Any thread; never blocks; does not
   * allocate.
   *
   * @return true with a consistent copy; false if the writer kept overwriting it (then {@code
   *     target} holds garbage and the caller tries again at its next refresh)
   */
  public boolean readInto(DisplaySnapshot target) {
    for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
      long before = (long) SEQUENCE.getAcquire(this);
      if ((before & 1) != 0) {
        Thread.onSpinWait();
        continue;
      }
      target.copyFrom(shared);
      VarHandle.loadLoadFence();
      long after = (long) SEQUENCE.getOpaque(this);
      if (before == after) {
        return true;
      }
    }
    return false;
  }
}
