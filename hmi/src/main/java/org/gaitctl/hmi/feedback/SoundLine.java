package org.gaitctl.hmi.feedback;

import java.util.EnumMap;
import java.util.Map;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * The metronome's tones on a javax.sound {@link SourceDataLine}. Opening never throws: a machine
 * without an audio device (a headless CI runner, a console PC without speakers) gives a line that
 * is not {@link #available()} and says why. Every tone is generated once, at opening.
 */
final class SoundLine implements ToneSink {

  /** 16-bit signed little-endian mono at 44.1 kHz: every sound card plays it. */
  static final AudioFormat FORMAT = new AudioFormat(44_100f, 16, 1, true, false);

  /** Peak level, a fraction of full scale: loud enough over a belt, short of clipping. */
  static final double AMPLITUDE = 0.6;

  /** Where a line comes from: {@link AudioSystem#getSourceDataLine} in the product. */
  @FunctionalInterface
  interface LineSource {
    SourceDataLine lineFor(AudioFormat format) throws LineUnavailableException;
  }

  private final SourceDataLine line;
  private final String unavailableReason;
  private final Map<Tone, byte[]> pcm;

  private SoundLine(SourceDataLine line, String unavailableReason, Map<Tone, byte[]> pcm) {
    this.line = line;
    this.unavailableReason = unavailableReason;
    this.pcm = pcm;
  }

  /** The system's default line for {@link #FORMAT}. */
  static SoundLine openDefault() {
    return open(AudioSystem::getSourceDataLine);
  }

  /**
   * Opens and starts a line from {@code source}, with a buffer that holds the two longest tones, so
   * queuing a tone does not wait behind another.
   */
  static SoundLine open(LineSource source) {
    Map<Tone, byte[]> tones = new EnumMap<>(Tone.class);
    int bufferBytes = 0;
    for (Tone tone : Tone.values()) {
      byte[] bytes = TonePcm.pcm16Mono(tone, FORMAT.getSampleRate(), AMPLITUDE);
      tones.put(tone, bytes);
      bufferBytes = Math.max(bufferBytes, 2 * bytes.length);
    }
    SourceDataLine line;
    try {
      line = source.lineFor(FORMAT);
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      return unavailable("no audio output: " + e.getMessage(), tones);
    }
    try {
      line.open(FORMAT, bufferBytes);
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      return unavailable("the audio output could not be opened: " + e.getMessage(), tones);
    }
    line.start();
    return new SoundLine(line, "", tones);
  }

  private static SoundLine unavailable(String reason, Map<Tone, byte[]> tones) {
    return new SoundLine(null, reason, tones);
  }

  @Override
  public boolean available() {
    return line != null;
  }

  @Override
  public String unavailableReason() {
    return unavailableReason;
  }

  @Override
  public void play(Tone tone) {
    if (line == null) {
      throw new IllegalStateException("no audio output to play on: " + unavailableReason);
    }
    byte[] bytes = pcm.get(tone);
    line.write(bytes, 0, bytes.length);
  }

  @Override
  public void close() {
    if (line != null) {
      line.drain();
      line.close();
    }
  }
}
