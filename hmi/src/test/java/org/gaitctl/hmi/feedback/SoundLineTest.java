package org.gaitctl.hmi.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.Test;

class SoundLineTest {

  @Test
  void shouldReportNoLineWithTheSystemsReasonInsteadOfThrowing() {
    SoundLine line =
        SoundLine.open(
            format -> {
              throw new IllegalArgumentException("No line matching interface SourceDataLine");
            });

    assertThat(line.available()).isFalse();
    assertThat(line.unavailableReason()).startsWith("no audio output").contains("No line matching");
    assertThatThrownBy(() -> line.play(Tone.CLICK)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldReportABusyDeviceAsUnavailable() {
    SoundLine line =
        SoundLine.open(
            format -> {
              throw new LineUnavailableException("device busy");
            });

    assertThat(line.available()).isFalse();
    assertThat(line.unavailableReason()).contains("device busy");
  }

  @Test
  void shouldOpenTheDefaultLineWithoutThrowingWhateverTheMachineHas() {
    SoundLine line = SoundLine.openDefault();

    assertThat(line.unavailableReason().isEmpty()).isEqualTo(line.available());
    line.close();
  }
}
