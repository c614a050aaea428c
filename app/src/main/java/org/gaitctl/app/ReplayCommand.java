package org.gaitctl.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gaitctl.core.analysis.StepRow;
import org.gaitctl.core.analysis.StepsCsvWriter;
import org.gaitctl.core.gait.StepRecord;
import org.gaitctl.core.journal.JournalSink;
import org.gaitctl.core.replay.JournalNotReplayableException;
import org.gaitctl.core.replay.JournalReplay;
import org.gaitctl.core.replay.ReplayOutcome;
import org.gaitctl.core.replay.ReplaySetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gaitctl replay}: runs a session journal's recorded inputs through the pipeline's stages
 * again ({@link JournalReplay}) and writes the steps table the live session wrote, byte for byte.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Run a session journal's recorded samples through the same pipeline code, with their"
          + " recorded arrival times, and write the steps table (docs/JOURNAL.md, Replay).",
      "The table is the live session's steps.csv byte for byte. A journal cut short replays up"
          + " to its last good record, says where it stopped and exits with 2."
    })
final class ReplayCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "JOURNAL", description = "The session journal (journal.gjl).")
  private Path journal;

  @Option(names = "--steps-csv", paramLabel = "OUT", description = "Write the steps table.")
  private Path stepsCsv;

  @Option(
      names = "--summary-json",
      paramLabel = "OUT",
      description = "Write what the replay read and recomputed as JSON.")
  private Path summaryJson;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    long startNs = System.nanoTime();
    ReplaySetup setup = setup();
    // Kept as the pipeline hands them over; their times need the table's origin, which the
    // journal may give after the first steps.
    List<StepRecord> steps = new ArrayList<>();
    ReplayOutcome outcome;
    try {
      outcome =
          JournalReplay.run(
              journal,
              setup,
              (step, symmetry, frameArrivalNs) -> {
                StepRecord copy = new StepRecord();
                copy.copyFrom(step);
                steps.add(copy);
              });
    } catch (IOException e) {
      throw new UserError("replay: cannot read " + journal + ": " + e.getMessage(), e);
    }
    long replayNs = System.nanoTime() - startNs;
    long liveRows = outcome.stepsTableRows();
    List<StepRow> rows = tableRows(steps, outcome.originNs(), liveRows);
    write(rows, outcome, liveRows);
    out.printf(
        Locale.ROOT,
        "Replayed %d inputs: %d steps, %d in the table%s.%n",
        outcome.events(),
        outcome.steps(),
        rows.size(),
        liveRows == JournalSink.STEPS_TABLE_OPEN
            ? " (the journal does not say where the live table ended)"
            : "");
    if (outcome.events() > 0) {
      // The replay's speed, reading included; the JVM's start is not in it.
      out.printf(
          Locale.ROOT,
          "%.1f s recorded, replayed in %.2f s: %.0fx real time.%n",
          outcome.recordedNs() / 1e9,
          replayNs / 1e9,
          (double) outcome.recordedNs() / replayNs);
    }
    if (!outcome.read().complete()) {
      out.println(
          "Journal "
              + journal
              + " ends early: "
              + outcome.read().describe()
              + "; replayed up to its last good record.");
      return ExitCodes.USAGE_OR_CONFIGURATION;
    }
    return ExitCodes.DONE;
  }

  /** The live table holds the steps drained until the session ended, in this order. */
  private static List<StepRow> tableRows(List<StepRecord> steps, long originNs, long liveRows) {
    int count =
        liveRows == JournalSink.STEPS_TABLE_OPEN
            ? steps.size()
            : (int) Math.min(steps.size(), liveRows);
    List<StepRow> rows = new ArrayList<>(count);
    for (StepRecord step : steps.subList(0, count)) {
      rows.add(SessionParts.stepRow(step, originNs));
    }
    return rows;
  }

  private ReplaySetup setup() {
    try {
      return ReplaySetup.read(journal);
    } catch (NoSuchFileException e) {
      throw new UserError("no such file: " + journal, e);
    } catch (IOException e) {
      throw new UserError("replay: cannot read " + journal + ": " + e.getMessage(), e);
    } catch (JournalNotReplayableException e) {
      throw new UserError("replay: " + e.getMessage(), e);
    }
  }

  private void write(List<StepRow> rows, ReplayOutcome outcome, long liveRows) {
    try {
      if (stepsCsv != null) {
        try (Writer csv = Files.newBufferedWriter(stepsCsv, StandardCharsets.UTF_8)) {
          StepsCsvWriter.write(rows, "N", csv);
        }
      }
      if (summaryJson != null) {
        Files.writeString(summaryJson, summaryJson(rows.size(), outcome, liveRows));
      }
    } catch (IOException e) {
      throw new UserError("replay: cannot write the results: " + e, e);
    }
  }

  private String summaryJson(int tableRows, ReplayOutcome outcome, long liveRows) {
    return String.format(
        Locale.ROOT,
        "{%n  \"journal\": \"%s\",%n  \"complete\": %b,%n  \"read\": \"%s\",%n"
            + "  \"inputs\": %d,%n  \"steps\": %d,%n  \"tableRows\": %d,%n"
            + "  \"liveTableRows\": %s%n}%n",
        escaped(journal.toString()),
        outcome.read().complete(),
        escaped(outcome.read().describe()),
        outcome.events(),
        outcome.steps(),
        tableRows,
        liveRows == JournalSink.STEPS_TABLE_OPEN ? "null" : Long.toString(liveRows));
  }

  private static String escaped(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
