package org.gaitctl.hmi.feedback;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A working audio output that keeps what it was asked to play, or fails on playing. */
final class RecordingToneSink implements ToneSink {

  final List<Tone> played = new CopyOnWriteArrayList<>();
  volatile boolean closed;
  private final RuntimeException failure;

  RecordingToneSink() {
    this(null);
  }

  /** One whose every play throws {@code failure}, as a line whose device went away. */
  RecordingToneSink(RuntimeException failure) {
    this.failure = failure;
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public String unavailableReason() {
    return "";
  }

  @Override
  public void play(Tone tone) {
    if (failure != null) {
      throw failure;
    }
    played.add(tone);
  }

  @Override
  public void close() {
    closed = true;
  }
}
