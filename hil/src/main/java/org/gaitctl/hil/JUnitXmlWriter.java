package org.gaitctl.hil;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The results as JUnit XML (the surefire schema CI servers read): one {@code testsuite} "gaitctl
 * hil", one {@code testcase} per scenario; a failed expectation is a {@code failure} carrying the
 * measured value and the limit, a run that could not complete an {@code error}.
 */
final class JUnitXmlWriter {

  private JUnitXmlWriter() {}

  static void write(List<ScenarioResult> results, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    long failures = results.stream().filter(r -> r.error() == null && !r.passed()).count();
    long errors = results.stream().filter(r -> r.error() != null).count();
    double totalS = results.stream().mapToDouble(ScenarioResult::durationS).sum();
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      out.write(
          String.format(
              Locale.ROOT,
              "<testsuite name=\"gaitctl hil\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"0\" time=\"%.3f\">%n",
              results.size(),
              failures,
              errors,
              totalS));
      for (ScenarioResult result : results) {
        out.write(
            String.format(
                Locale.ROOT,
                "  <testcase classname=\"hil\" name=\"%s\" time=\"%.3f\">%n",
                escape(result.scenario().name()),
                result.durationS()));
        if (result.error() != null) {
          out.write("    <error message=\"" + escape(result.error()) + "\"/>\n");
        }
        for (ExpectationResult failed : result.results()) {
          if (!failed.passed()) {
            String message =
                failed.expectation()
                    + ": measured "
                    + failed.measured()
                    + ", limit "
                    + failed.limit();
            out.write(
                "    <failure message=\""
                    + escape(message)
                    + "\">"
                    + escape(message)
                    + "</failure>\n");
          }
        }
        out.write("    <system-out>" + escape(systemOut(result)) + "</system-out>\n");
        out.write("  </testcase>\n");
      }
      out.write("</testsuite>\n");
    }
  }

  private static String systemOut(ScenarioResult result) {
    StringBuilder text = new StringBuilder();
    for (ExpectationResult r : result.results()) {
      text.append(r.passed() ? "PASS " : "FAIL ")
          .append(r.expectation())
          .append(": ")
          .append(r.measured())
          .append(" (limit ")
          .append(r.limit())
          .append(")\n");
    }
    result
        .latenciesMs()
        .forEach((name, ms) -> text.append(String.format(Locale.ROOT, "%s: %.1f ms%n", name, ms)));
    return text.append("folder: ").append(result.folder()).toString();
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}
