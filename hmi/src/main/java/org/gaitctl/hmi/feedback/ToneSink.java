package org.gaitctl.hmi.feedback;

/** Where the metronome's tones are heard. Used by the metronome's thread only, after opening. */
interface ToneSink {

  /** False when there is nothing to play on; then {@link #unavailableReason()} says why. */
  boolean available();

  /** Why there is no sound, for the console to show; empty when available. */
  String unavailableReason();

  /**
   * Queues {@code tone} for playing; returns once it is queued, which may take as long as the tone
   * already queued ahead of it.
   */
  void play(Tone tone);

  /** Lets what is queued play out and releases the device. */
  void close();
}
