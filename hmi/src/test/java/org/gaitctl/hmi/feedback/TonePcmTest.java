package org.gaitctl.hmi.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TonePcmTest {

  private static short sample(byte[] pcm, int i) {
    return (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8));
  }

  @Test
  void shouldLastTheTonesLengthAndRiseFromAndFallToSilence() {
    byte[] pcm = TonePcm.pcm16Mono(Tone.CLICK, 44_100f, 0.5);

    int samples = pcm.length / 2;
    assertThat(samples).isEqualTo(44_100 * Tone.CLICK.durationMs() / 1000);
    assertThat(sample(pcm, 0)).isZero();
    assertThat(Math.abs(sample(pcm, samples - 1))).isLessThan((short) 100);
    int peak = 0;
    for (int i = 0; i < samples; i++) {
      peak = Math.max(peak, Math.abs(sample(pcm, i)));
    }
    assertThat(peak).isBetween((int) (0.49 * Short.MAX_VALUE), (int) (0.5 * Short.MAX_VALUE) + 1);
  }

  @Test
  void shouldRejectAnAmplitudeBeyondFullScale() {
    assertThatThrownBy(() -> TonePcm.pcm16Mono(Tone.CLICK, 44_100f, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
