package org.gaitctl.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Pressure frames of one belt cut from a session journal, as a gzipped text test resource: one
 * frame a line, its arrival ns relative to the first frame, then {@code cell:counts} for every cell
 * that does not read {@code restCounts} (the belt's unloaded reading), so a frame is a few hundred
 * numbers instead of 7168.
 */
public final class RecordedPressureFrames {

  public final long[] timeNs;
  private final List<char[]> frames;

  private RecordedPressureFrames(long[] timeNs, List<char[]> frames) {
    this.timeNs = timeNs;
    this.frames = frames;
  }

  /** Reads the classpath resource {@code resource}; every frame has {@code cellsPerBelt} cells. */
  public static RecordedPressureFrames load(String resource, int cellsPerBelt, char restCounts) {
    List<char[]> frames = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    try (InputStream in = RecordedPressureFrames.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(in), StandardCharsets.US_ASCII));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] fields = line.split(" ");
        char[] cells = new char[cellsPerBelt];
        Arrays.fill(cells, restCounts);
        for (int i = 1; i < fields.length; i++) {
          int colon = fields[i].indexOf(':');
          cells[Integer.parseInt(fields[i], 0, colon, 10)] =
              (char) Integer.parseInt(fields[i], colon + 1, fields[i].length(), 10);
        }
        times.add(Long.parseLong(fields[0]));
        frames.add(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RecordedPressureFrames(times.stream().mapToLong(Long::longValue).toArray(), frames);
  }

  public int size() {
    return frames.size();
  }

  public char[] cells(int frame) {
    return frames.get(frame);
  }
}
