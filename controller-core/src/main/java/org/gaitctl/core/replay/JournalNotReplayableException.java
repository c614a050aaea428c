package org.gaitctl.core.replay;

/** A journal that cannot be replayed: it lacks what the pipeline needs to recompute its steps. */
public final class JournalNotReplayableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public JournalNotReplayableException(String message) {
    super(message);
  }
}
