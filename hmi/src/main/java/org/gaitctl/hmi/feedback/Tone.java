package org.gaitctl.hmi.feedback;

/** The metronome's sounds: sine bursts, told apart by pitch and length. */
public enum Tone {
  /** The beat: short and high, heard over the belt. */
  CLICK(1_000.0, 40),
  /** A step outside the symmetry zone: lower and longer than the click, so not taken for a beat. */
  OUT_OF_ZONE(400.0, 120);

  private final double frequencyHz;
  private final int durationMs;

  Tone(double frequencyHz, int durationMs) {
    this.frequencyHz = frequencyHz;
    this.durationMs = durationMs;
  }

  public double frequencyHz() {
    return frequencyHz;
  }

  public int durationMs() {
    return durationMs;
  }
}
