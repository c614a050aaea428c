package org.gaitctl.hil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The scenario files named on the command line: files as given, folders by their *.yaml files and
 * those of their subfolders (faults/, sessions/, transport/, process/), except the subfolders that
 * hold what scenarios refer to ({@value #PROTOCOLS}/, {@value #PROFILES}/).
 */
public final class ScenarioLibrary {

  static final String PROTOCOLS = "protocols";
  static final String PROFILES = "profiles";

  private ScenarioLibrary() {}

  /** The scenario files of {@code paths}, folders expanded (sorted, recursive). */
  public static List<Path> files(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> list = Files.walk(path)) {
          list.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
              .filter(p -> !referenced(path.relativize(p)))
              .sorted()
              .forEach(files::add);
        }
      } else {
        files.add(path);
      }
    }
    return files;
  }

  /** A file under a protocols/ or profiles/ folder: referred to by scenarios, not one itself. */
  private static boolean referenced(Path relative) {
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      String folder = relative.getName(i).toString();
      if (folder.equals(PROTOCOLS) || folder.equals(PROFILES)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads every scenario of {@code paths}.
   *
   * @throws org.gaitctl.config.ConfigException with every problem of the first broken file
   */
  public static List<Scenario> read(List<Path> paths) throws IOException {
    List<Scenario> scenarios = new ArrayList<>();
    for (Path file : files(paths)) {
      scenarios.add(ScenarioReader.read(file));
    }
    return scenarios;
  }

  /** One line for the listing: name, what it injects, what it expects. */
  public static String describe(Scenario scenario) {
    List<String> alternative = describeAll(scenario.alternative());
    return scenario.name()
        + (scenario.fast() ? " [fast]" : "")
        + " | injects: "
        + HtmlReport.injects(scenario)
        + " | expects: "
        + String.join(", ", describeAll(scenario.expectations()))
        + (alternative.isEmpty() ? "" : " | or: " + String.join(", ", alternative));
  }

  private static List<String> describeAll(List<Expectation> expectations) {
    List<String> described = new ArrayList<>();
    for (Expectation expectation : expectations) {
      described.add(expectation.describe());
    }
    return described;
  }
}
