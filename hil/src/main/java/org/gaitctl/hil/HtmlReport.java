package org.gaitctl.hil;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The HTML report ({@code index.html} in the report folder): the pass/fail table, the latency
 * percentiles over all scenarios, and per scenario its expectations (measured against limit), its
 * latencies, its timeline PNG and links to the children's output and the event log.
 */
final class HtmlReport {

  static final String FILE_NAME = "index.html";

  private HtmlReport() {}

  static Path write(List<ScenarioResult> results, Path reportDir, String machineLoad)
      throws IOException {
    Files.createDirectories(reportDir);
    Path file = reportDir.resolve(FILE_NAME);
    long passed = results.stream().filter(ScenarioResult::passed).count();
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(
          "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>gaitctl hil</title>\n");
      out.write(
          "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
              + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
              + ".pass{color:#067d17}.fail{color:#c00;font-weight:bold}</style></head><body>\n");
      out.write(
          "<h1>gaitctl hil</h1>\n<p>"
              + passed
              + " of "
              + results.size()
              + " scenarios passed. "
              + h(machineLoad)
              + "</p>\n");
      out.write(
          "<table><tr><th>scenario</th><th>result</th><th>time (s)</th><th>injects</th><th>failed</th></tr>\n");
      for (ScenarioResult r : results) {
        String name = h(r.scenario().name());
        out.write(
            "<tr><td><a href=\"#"
                + name
                + "\">"
                + name
                + "</a></td>"
                + verdict(r)
                + String.format(Locale.ROOT, "<td>%.1f</td>", r.durationS())
                + "<td>"
                + h(injects(r.scenario()))
                + "</td><td>"
                + h(failures(r))
                + "</td></tr>\n");
      }
      out.write("</table>\n<h2>Latencies (all scenarios, emulator clock)</h2>\n");
      out.write(
          "<table><tr><th>latency</th><th>n</th><th>p50 ms</th><th>p90 ms</th><th>p99 ms</th><th>max ms</th></tr>\n");
      for (LatencyTable.Row row : LatencyTable.of(results)) {
        out.write(
            String.format(
                Locale.ROOT,
                "<tr><td>%s</td><td>%d</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td></tr>%n",
                h(row.name()),
                row.count(),
                row.p50Ms(),
                row.p90Ms(),
                row.p99Ms(),
                row.maxMs()));
      }
      out.write(
          "</table>\n<h2>Safety figures (docs/SAFETY.md section 9, measured from outside)</h2>\n");
      out.write(
          "<table><tr><th>figure</th><th>n</th><th>p50 ms</th><th>p99 ms</th><th>max ms</th><th>target</th><th></th></tr>\n");
      for (SafetyFigures.Row row : SafetyFigures.of(results)) {
        out.write(
            String.format(
                Locale.ROOT,
                "<tr><td>%s</td><td>%d</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%s</td><td>%s</td></tr>%n",
                h(row.name()),
                row.count(),
                row.p50Ms(),
                row.p99Ms(),
                row.maxMs(),
                h(row.target()),
                row.count() == 0 ? "not measured" : row.met() ? "met" : "NOT MET"));
      }
      out.write("</table>\n");
      for (ScenarioResult r : results) {
        scenario(out, r, reportDir);
      }
      out.write("</body></html>\n");
    }
    return file;
  }

  private static void scenario(Writer out, ScenarioResult r, Path reportDir) throws IOException {
    String name = h(r.scenario().name());
    out.write(
        "<h2 id=\""
            + name
            + "\">"
            + name
            + "</h2>\n<p>"
            + h(r.scenario().description())
            + "</p>\n");
    if (r.error() != null) {
      out.write("<p class=\"fail\">Run failed: " + h(r.error()) + "</p>\n");
    }
    out.write(
        "<table><tr><th>expectation</th><th>result</th><th>measured</th><th>limit</th></tr>\n");
    for (ExpectationResult e : r.results()) {
      out.write(
          "<tr><td>"
              + h(e.expectation())
              + "</td>"
              + (e.passed() ? "<td class=\"pass\">pass</td>" : "<td class=\"fail\">FAIL</td>")
              + "<td>"
              + h(e.measured())
              + "</td><td>"
              + h(e.limit())
              + "</td></tr>\n");
    }
    out.write("</table>\n");
    if (!r.latenciesMs().isEmpty()) {
      out.write("<ul>\n");
      for (var latency : r.latenciesMs().entrySet()) {
        out.write(
            String.format(
                Locale.ROOT, "<li>%s: %.1f ms</li>%n", h(latency.getKey()), latency.getValue()));
      }
      out.write("</ul>\n");
    }
    Path resources = r.folder().resolve(ResourceCsv.FILE_NAME);
    if (Files.exists(resources)) {
      out.write(
          "<table><tr><th>after first stage s</th><th>RSS MiB</th><th>heap used MiB</th>"
              + "<th>heap outside young MiB</th></tr>\n");
      for (ResourceSample s : ResourceCsv.read(resources)) {
        out.write(
            String.format(
                Locale.ROOT,
                "<tr><td>%.0f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td></tr>%n",
                s.atS(),
                s.rssKb() / 1024.0,
                s.heapUsedKb() / 1024.0,
                s.heapOldKb() / 1024.0));
      }
      out.write("</table>\n");
    }
    if (r.timelinePng() != null) {
      out.write(
          "<p><img src=\""
              + h(link(reportDir, r.timelinePng()))
              + "\" alt=\"timeline of "
              + name
              + "\"></p>\n");
    }
    out.write("<p>Files:");
    for (String child :
        List.of(
            "session.out",
            "session.err",
            "sim.out",
            "sim.err",
            "events.jsonl",
            "ground-truth.csv",
            "profile.yaml",
            ResourceCsv.FILE_NAME,
            ScenarioRun.PHASES_FILE,
            "session/summary.json",
            "session/report.pdf")) {
      Path path = r.folder().resolve(child);
      if (Files.exists(path)) {
        out.write(" <a href=\"" + h(link(reportDir, path)) + "\">" + h(child) + "</a>");
      }
    }
    out.write("</p>\n");
  }

  private static String link(Path reportDir, Path file) {
    return reportDir
        .toAbsolutePath()
        .relativize(file.toAbsolutePath())
        .toString()
        .replace('\\', '/');
  }

  private static String verdict(ScenarioResult r) {
    return r.passed() ? "<td class=\"pass\">pass</td>" : "<td class=\"fail\">FAIL</td>";
  }

  static String injects(Scenario scenario) {
    if (scenario.injections().isEmpty()) {
      return scenario.stopAfterS() == null
          ? "nothing"
          : "nothing (Ctrl-C after " + fmt(scenario.stopAfterS()) + " s)";
    }
    StringBuilder text = new StringBuilder();
    for (Injection i : scenario.injections()) {
      text.append(text.length() == 0 ? "" : "; ")
          .append(i.describe())
          .append(" at ")
          .append(fmt(i.atS()))
          .append(" s");
    }
    return text.toString();
  }

  private static String fmt(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private static String failures(ScenarioResult r) {
    if (r.error() != null) {
      return r.error();
    }
    StringBuilder text = new StringBuilder();
    for (ExpectationResult e : r.results()) {
      if (!e.passed()) {
        text.append(text.length() == 0 ? "" : "; ")
            .append(e.expectation())
            .append(": ")
            .append(e.measured());
      }
    }
    return text.toString();
  }

  private static String h(String text) {
    return JUnitXmlWriter.escape(text);
  }
}
