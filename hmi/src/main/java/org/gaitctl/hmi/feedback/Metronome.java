package org.gaitctl.hmi.feedback;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.gaitctl.core.time.NanoClock;

/**
 * An auditory metronome at a target cadence, steps/min (one click per step), with an optional lower
 * tone when a step falls outside the symmetry zone.
 *
 * <p>One daemon thread, {@code metronome}, owns the {@link BeatSchedule} and the audio line: it
 * parks until the next absolute beat time (no busy wait; a change of cadence or a tone request
 * wakes it), clicks, and parks again. Callers on any thread (the console's EDT) only write a
 * volatile or a flag and unpark it: they never wait for audio. Where there is no audio device there
 * is no thread: the metronome is silent, {@link #available()} is false and {@link
 * #unavailableReason()} says why, for the console to show. A failure of the line while playing ends
 * the thread the same way, with its reason.
 */
public final class Metronome implements AutoCloseable {

  /** How long {@link #close()} waits for the thread to let the last tone play out, ms. */
  static final long CLOSE_TIMEOUT_MS = 2_000;

  private final NanoClock clock;
  private final ToneSink sink;
  private final Thread thread;
  private final AtomicBoolean outOfZoneRequested = new AtomicBoolean();
  private final AtomicLong clicksPlayed = new AtomicLong();
  private final AtomicLong outOfZoneTonesPlayed = new AtomicLong();
  private volatile double requestedCadenceStepsPerMin;
  private volatile long skippedBeats;
  private volatile boolean closing;
  private volatile String failureReason = "";

  private Metronome(NanoClock clock, ToneSink sink) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.thread = sink.available() ? new Thread(this::run, "metronome") : null;
  }

  /** A metronome on the system's default audio output, off until a cadence is set. */
  public static Metronome start(NanoClock clock) {
    return start(clock, SoundLine.openDefault());
  }

  static Metronome start(NanoClock clock, ToneSink sink) {
    Metronome metronome = new Metronome(clock, sink);
    if (metronome.thread != null) {
      metronome.thread.setDaemon(true);
      metronome.thread.start();
    }
    return metronome;
  }

  /** True while there is an audio output and it works. */
  public boolean available() {
    return sink.available() && failureReason.isEmpty();
  }

  /** Why the metronome is silent; empty while {@link #available()}. */
  public String unavailableReason() {
    return sink.available() ? failureReason : sink.unavailableReason();
  }

  /**
   * Sets the cadence, steps/min; 0 switches it off. Any thread; never blocks. The first beat after
   * switching on comes at once; a change while beating keeps the rhythm from the last beat.
   *
   * @throws IllegalArgumentException outside 0 or the protocol's range (see {@link BeatSchedule})
   */
  public void setCadenceStepsPerMin(double stepsPerMin) {
    BeatSchedule.requireCadence(stepsPerMin);
    requestedCadenceStepsPerMin = stepsPerMin;
    wake();
  }

  /** The cadence last set, steps/min; 0 when off. */
  public double cadenceStepsPerMin() {
    return requestedCadenceStepsPerMin;
  }

  /**
   * Asks for the out-of-zone tone once, e.g. when a step's symmetry falls outside the zone. Any
   * thread; never blocks; requests before the tone has played merge into one.
   */
  public void signalOutOfZone() {
    outOfZoneRequested.set(true);
    wake();
  }

  public long clicksPlayed() {
    return clicksPlayed.get();
  }

  public long outOfZoneTonesPlayed() {
    return outOfZoneTonesPlayed.get();
  }

  /** Beats not played because the thread woke too late for them (a stalled or loaded machine). */
  public long skippedBeats() {
    return skippedBeats;
  }

  /**
   * Stops the thread, lets the last tone play out and releases the audio line.
   *
   * @throws IllegalStateException when the thread has not stopped within {@link #CLOSE_TIMEOUT_MS}
   */
  @Override
  public void close() {
    closing = true;
    if (thread == null) {
      return;
    }
    LockSupport.unpark(thread);
    try {
      thread.join(CLOSE_TIMEOUT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (thread.isAlive()) {
      throw new IllegalStateException(
          "the metronome thread did not stop within " + CLOSE_TIMEOUT_MS + " ms");
    }
  }

  private void wake() {
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  private void run() {
    BeatSchedule schedule = new BeatSchedule();
    double appliedCadence = 0.0;
    try {
      while (!closing) {
        long nowNs = clock.nanoTime();
        double requested = requestedCadenceStepsPerMin;
        if (requested != appliedCadence) {
          schedule.setCadence(requested, nowNs);
          appliedCadence = requested;
        }
        if (schedule.takeBeatIfDue(nowNs)) {
          sink.play(Tone.CLICK);
          clicksPlayed.incrementAndGet();
          skippedBeats = schedule.skippedBeats();
        } else if (outOfZoneRequested.getAndSet(false)) {
          sink.play(Tone.OUT_OF_ZONE);
          outOfZoneTonesPlayed.incrementAndGet();
        } else if (schedule.isOn()) {
          LockSupport.parkNanos(this, schedule.nextBeatNs() - nowNs);
        } else {
          LockSupport.park(this);
        }
      }
    } catch (RuntimeException e) {
      failureReason = "the audio output failed: " + e;
    } finally {
      sink.close();
    }
  }
}
