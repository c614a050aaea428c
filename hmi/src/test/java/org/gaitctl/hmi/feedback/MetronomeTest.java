package org.gaitctl.hmi.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sound.sampled.LineUnavailableException;
import org.gaitctl.core.time.NanoClock;
import org.junit.jupiter.api.Test;

class MetronomeTest {

  @Test
  void shouldClickRepeatedlyAtACadenceOnItsOwnThread() throws InterruptedException {
    RecordingToneSink sink = new RecordingToneSink();
    try (Metronome metronome = Metronome.start(NanoClock.SYSTEM, sink)) {
      metronome.setCadenceStepsPerMin(BeatSchedule.MAX_CADENCE_STEPS_PER_MIN);

      assertThat(Await.until(() -> metronome.clicksPlayed() >= 3)).isTrue();
      assertThat(metronome.available()).isTrue();
      assertThat(metronome.unavailableReason()).isEmpty();
    }
    assertThat(sink.played).containsOnly(Tone.CLICK);
    assertThat(sink.closed).isTrue();
  }

  @Test
  void shouldPlayTheOutOfZoneToneOnceWhenAskedWhileTheBeatIsOff() throws InterruptedException {
    RecordingToneSink sink = new RecordingToneSink();
    try (Metronome metronome = Metronome.start(NanoClock.SYSTEM, sink)) {
      metronome.signalOutOfZone();

      assertThat(Await.until(() -> metronome.outOfZoneTonesPlayed() == 1)).isTrue();
    }
    assertThat(sink.played).containsExactly(Tone.OUT_OF_ZONE);
  }

  @Test
  void shouldStaySilentAndSayWhyWhenThereIsNoAudioOutput() {
    SoundLine noLine =
        SoundLine.open(
            format -> {
              throw new LineUnavailableException("no sound card");
            });

    try (Metronome metronome = Metronome.start(NanoClock.SYSTEM, noLine)) {
      assertThatCode(
              () -> {
                metronome.setCadenceStepsPerMin(100.0);
                metronome.signalOutOfZone();
              })
          .doesNotThrowAnyException();
      assertThat(metronome.available()).isFalse();
      assertThat(metronome.unavailableReason()).contains("no sound card");
      assertThat(metronome.cadenceStepsPerMin()).isEqualTo(100.0);
      assertThat(metronome.clicksPlayed()).isZero();
    }
  }

  @Test
  void shouldOpenOnTheSystemsAudioWithoutThrowingAndGiveAReasonWhenSilent() {
    try (Metronome metronome = Metronome.start(NanoClock.SYSTEM)) {
      assertThat(metronome.unavailableReason().isEmpty()).isEqualTo(metronome.available());
    }
  }

  @Test
  void shouldTurnUnavailableWithTheReasonWhenTheLineFailsWhilePlaying()
      throws InterruptedException {
    RecordingToneSink failing = new RecordingToneSink(new IllegalStateException("device gone"));
    try (Metronome metronome = Metronome.start(NanoClock.SYSTEM, failing)) {
      metronome.setCadenceStepsPerMin(60.0);

      assertThat(Await.until(() -> !metronome.available())).isTrue();
      assertThat(metronome.unavailableReason()).contains("device gone");
      assertThat(Await.until(() -> failing.closed)).isTrue();
    }
  }

  @Test
  void shouldRejectACadenceOutsideTheRangeFromTheCaller() {
    try (Metronome metronome = Metronome.start(NanoClock.SYSTEM, new RecordingToneSink())) {
      assertThatThrownBy(() -> metronome.setCadenceStepsPerMin(500.0))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(metronome.cadenceStepsPerMin()).isZero();
    }
  }
}
