package org.gaitctl.hil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the emulated patient's ground truth ({@code gaitctl sim --ground-truth}). */
final class GroundTruthCsv {

  private GroundTruthCsv() {}

  /**
   * The controller's detected steps from the session's {@code steps.csv} (side L/R, heel strike,
   * stance time), heel strikes moved from the table's origin to the host clock ({@code originNs} +
   * the step's time: the ground truth's clock), or {@code null} when there is no such file.
   */
  static List<Observations.StepTime> readDetected(Path csv, long originNs) throws IOException {
    if (!Files.exists(csv)) {
      return null;
    }
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<Observations.StepTime> steps = new ArrayList<>();
    if (lines.isEmpty()) {
      return steps;
    }
    List<String> header = Arrays.asList(lines.get(0).split(",", -1));
    int side = header.indexOf("side");
    int heelStrike = header.indexOf("heel_strike_s");
    int stance = header.indexOf("stance_s");
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      if (cells.length == header.size()) {
        steps.add(
            new Observations.StepTime(
                cells[side],
                originNs / 1e9 + Double.parseDouble(cells[heelStrike]),
                stance < 0 || cells[stance].isEmpty()
                    ? Double.NaN
                    : Double.parseDouble(cells[stance])));
      }
    }
    return steps;
  }

  /** The true steps, empty when the file is absent; a last row cut short by a kill is left out. */
  static List<Observations.TruthStep> read(Path csv) throws IOException {
    if (!Files.exists(csv)) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return List.of();
    }
    List<String> header = Arrays.asList(lines.get(0).split(","));
    int side = header.indexOf("side");
    int stance = header.indexOf("stance_s");
    int heelStrike = header.indexOf("heel_strike_s");
    List<Observations.TruthStep> steps = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      if (cells.length == header.size()) {
        try {
          steps.add(
              new Observations.TruthStep(
                  cells[side],
                  Double.parseDouble(cells[heelStrike]),
                  Double.parseDouble(cells[stance])));
        } catch (NumberFormatException e) {
          // A row cut short mid-number by a kill: not a step.
        }
      }
    }
    return steps;
  }
}
