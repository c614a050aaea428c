package org.gaitctl.hil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The controller's memory samples of a run as {@value #FILE_NAME} in the scenario's folder: for the
 * report and for whoever compares soaks later.
 */
final class ResourceCsv {

  static final String FILE_NAME = "resources.csv";
  private static final String HEADER = "atS,rssKb,heapUsedKb,heapOldKb";

  private ResourceCsv() {}

  static void write(List<ResourceSample> samples, Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    for (ResourceSample s : samples) {
      lines.add(
          String.format(
              Locale.ROOT, "%.1f,%d,%d,%d", s.atS(), s.rssKb(), s.heapUsedKb(), s.heapOldKb()));
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  static List<ResourceSample> read(Path file) throws IOException {
    List<ResourceSample> samples = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      samples.add(
          new ResourceSample(
              Double.parseDouble(cells[0]),
              Long.parseLong(cells[1]),
              Long.parseLong(cells[2]),
              Long.parseLong(cells[3])));
    }
    return samples;
  }
}
