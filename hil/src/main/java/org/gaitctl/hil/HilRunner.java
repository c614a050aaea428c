package org.gaitctl.hil;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs scenarios one after the other (never two at once: each measures timing on a shared machine)
 * and writes the HTML report and, if asked, the JUnit XML.
 */
public final class HilRunner {

  private final ChildJvm jvm;
  private final Path reportDir;

  /**
   * @param mainClass the {@code gaitctl} main class the children run
   * @param reportDir where each scenario's folder and {@code index.html} go
   */
  public HilRunner(String mainClass, Path reportDir) {
    this.jvm = new ChildJvm(mainClass);
    this.reportDir = reportDir;
  }

  /**
   * Runs every scenario and writes the reports.
   *
   * @param junitXml where the JUnit XML goes, or {@code null}
   * @param progress told of each result as it comes
   */
  public List<ScenarioResult> run(
      List<Scenario> scenarios, Path junitXml, Consumer<ScenarioResult> progress)
      throws IOException {
    System.setProperty("java.awt.headless", "true"); // PNG charts without a display
    List<ScenarioResult> results = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      ScenarioResult result = new ScenarioRun(scenario, jvm, reportDir).run();
      results.add(result);
      progress.accept(result);
    }
    HtmlReport.write(results, reportDir, machineLoad());
    if (junitXml != null) {
      JUnitXmlWriter.write(results, junitXml);
    }
    return results;
  }

  /** The report of {@code reportDir}. */
  public Path htmlReport() {
    return reportDir.resolve(HtmlReport.FILE_NAME);
  }

  /** "Load average 1.52 on 2 processors": the timings are only as good as the machine was idle. */
  public static String machineLoad() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return String.format(
        Locale.ROOT,
        "Load average %.2f on %d processors at the end.",
        os.getSystemLoadAverage(),
        os.getAvailableProcessors());
  }
}
