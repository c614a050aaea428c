package org.gaitctl.session.protocol;

/** Told of a protocol run's events, on the session thread; must not block. */
public interface ProtocolListener {

  /** Stage {@code index} (from 0) begins. */
  default void onStageStarted(int index, String name) {}

  /**
   * A therapist's request that was not carried out, with the reason; {@code request} is null when
   * the session refused one of the executor's own commands.
   */
  default void onRequestRefused(OperatorRequest request, String reason) {}

  /** An override taken. */
  default void onOverride(TherapistOverride override) {}

  /** Paused ({@code true}) or resumed. */
  default void onPaused(boolean paused) {}

  /** The run ended; the belt is stopping (or never moved). */
  default void onEnded(ProtocolSummary summary) {}
}
