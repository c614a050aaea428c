package org.gaitctl.hmi.feedback;

/**
 * A tone as 16-bit signed little-endian mono PCM: a sine with raised-cosine ramps at both ends, so
 * the speaker does not pop at the start and end of each burst.
 */
final class TonePcm {

  /** Length of each ramp, ms: long enough not to pop, short enough to keep a click crisp. */
  static final double RAMP_MS = 5.0;

  private TonePcm() {}

  /**
   * @param tone pitch and length
   * @param sampleRateHz samples per second
   * @param amplitude peak as a fraction of full scale, 0..1
   */
  static byte[] pcm16Mono(Tone tone, float sampleRateHz, double amplitude) {
    if (!(amplitude >= 0.0 && amplitude <= 1.0)) {
      throw new IllegalArgumentException("amplitude " + amplitude + " must be within 0..1");
    }
    int samples = Math.round(sampleRateHz * tone.durationMs() / 1000f);
    int rampSamples = (int) Math.round(sampleRateHz * RAMP_MS / 1000.0);
    byte[] pcm = new byte[2 * samples];
    for (int i = 0; i < samples; i++) {
      double sine = Math.sin(2.0 * Math.PI * tone.frequencyHz() * i / sampleRateHz);
      int fromEdge = Math.min(i, samples - 1 - i);
      double envelope =
          fromEdge >= rampSamples ? 1.0 : 0.5 - 0.5 * Math.cos(Math.PI * fromEdge / rampSamples);
      short value = (short) Math.round(sine * envelope * amplitude * Short.MAX_VALUE);
      pcm[2 * i] = (byte) value;
      pcm[2 * i + 1] = (byte) (value >> 8);
    }
    return pcm;
  }
}
