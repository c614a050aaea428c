package org.gaitctl.hil;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitctl.core.journal.JournalReader;
import org.gaitctl.core.journal.JournalRecord;
import org.gaitctl.core.journal.JournalRecordType;

/**
 * The soak's expectations (docs/HIL.md, "The soak"): a long normal session ends by the operator
 * with no fault on the way, its memory flat, no frame lost. Measured from outside (the controller's
 * memory by {@link ResourceSampler}) or from the session's journal.
 */
final class SoakExpectations {

  /** The exit code after the operator's Ctrl-C and the controlled stop. */
  static final int OPERATOR_STOP_EXIT = 130;

  /** A Ctrl-C is journalled as this fault code; it is not a trip. */
  static final String OPERATOR_STOP = "F21";

  private SoakExpectations() {}

  /** Exit 130 after the final Ctrl-C, and no fault other than the operator's stop journalled. */
  record NoFalseTrip() implements Expectation {
    @Override
    public String describe() {
      return "no false trip";
    }

    @Override
    public ExpectationResult check(Observations run) {
      Integer exit = run.exitCode();
      if (exit == null || exit != OPERATOR_STOP_EXIT) {
        return ExpectationResult.of(
            this, false, exit == null ? "no exit" : "exit code " + exit, "exit 130, no fault");
      }
      if (!Files.exists(run.journal())) {
        return ExpectationResult.of(this, false, "no journal", "exit 130, no fault");
      }
      try {
        List<String> faults = new ArrayList<>();
        JournalReader.read(
            run.journal(),
            record -> {
              if (record.type() == JournalRecordType.FAULT
                  && !record.texts()[0].startsWith(OPERATOR_STOP)) {
                faults.add(record.texts()[0]);
              }
            });
        return ExpectationResult.of(
            this,
            faults.isEmpty(),
            faults.isEmpty() ? "exit 130, no fault" : "faults " + faults,
            "exit 130, no fault");
      } catch (IOException e) {
        return ExpectationResult.of(this, false, "journal unreadable: " + e, "exit 130, no fault");
      }
    }
  }

  /** RSS at the last sample at most {@code maxGrowthPercent} above the first. */
  record RssFlat(double maxGrowthPercent) implements Expectation {
    @Override
    public String describe() {
      return String.format(Locale.ROOT, "RSS flat (growth ≤ %.0f %%)", maxGrowthPercent);
    }

    @Override
    public ExpectationResult check(Observations run) {
      List<ResourceSample> samples = run.resources();
      String limit = String.format(Locale.ROOT, "≤ %.0f %%", maxGrowthPercent);
      if (samples.size() < 2) {
        return ExpectationResult.of(this, false, samples.size() + " sample(s)", limit);
      }
      long first = samples.get(0).rssKb();
      long last = samples.get(samples.size() - 1).rssKb();
      double growth = 100.0 * (last - first) / first;
      return ExpectationResult.of(
          this,
          growth <= maxGrowthPercent,
          String.format(
              Locale.ROOT,
              "%.1f MiB → %.1f MiB (%+.1f %%) over %d samples",
              first / 1024.0,
              last / 1024.0,
              growth,
              samples.size()),
          limit);
    }
  }

  /**
   * The heap outside the young generation at the last sample at most {@code maxGrowthMb} above the
   * first: what a leak accumulates in (young objects come and go with each collection).
   */
  record HeapFlat(double maxGrowthMb) implements Expectation {
    @Override
    public String describe() {
      return String.format(
          Locale.ROOT, "heap flat (old generation growth ≤ %.0f MiB)", maxGrowthMb);
    }

    @Override
    public ExpectationResult check(Observations run) {
      List<ResourceSample> samples =
          run.resources().stream().filter(s -> s.heapOldKb() >= 0).toList();
      String limit = String.format(Locale.ROOT, "≤ %.0f MiB", maxGrowthMb);
      if (samples.size() < 2) {
        return ExpectationResult.of(this, false, samples.size() + " heap sample(s)", limit);
      }
      double firstMb = samples.get(0).heapOldKb() / 1024.0;
      double lastMb = samples.get(samples.size() - 1).heapOldKb() / 1024.0;
      return ExpectationResult.of(
          this,
          lastMb - firstMb <= maxGrowthMb,
          String.format(
              Locale.ROOT, "%.1f MiB → %.1f MiB over %d samples", firstMb, lastMb, samples.size()),
          limit);
    }
  }

  /**
   * Every pressure frame (per belt) and load sample the devices sent is in the journal: their
   * device sequence numbers without a gap, and no RECORDS_LOST record (the journal's own losses).
   */
  record NoLostFrames() implements Expectation {
    @Override
    public String describe() {
      return "no lost frames";
    }

    @Override
    public ExpectationResult check(Observations run) {
      if (!Files.exists(run.journal())) {
        return ExpectationResult.of(this, false, "no journal", "0 lost");
      }
      SequenceGaps gaps = new SequenceGaps();
      try {
        JournalReader.read(run.journal(), gaps::accept);
      } catch (IOException e) {
        return ExpectationResult.of(this, false, "journal unreadable: " + e, "0 lost");
      }
      if (gaps.frames == 0 || gaps.loadSamples == 0) {
        return ExpectationResult.of(
            this,
            false,
            gaps.frames + " pressure frames, " + gaps.loadSamples + " load samples journalled",
            "0 lost");
      }
      long lost = gaps.missingFrames + gaps.missingLoadSamples + gaps.recordsLost;
      return ExpectationResult.of(
          this,
          lost == 0,
          String.format(
              Locale.ROOT,
              "%d of %d pressure frames, %d of %d load samples missing, %d journal loss record(s)",
              gaps.missingFrames,
              gaps.frames + gaps.missingFrames,
              gaps.missingLoadSamples,
              gaps.loadSamples + gaps.missingLoadSamples,
              gaps.recordsLost),
          "0 lost");
    }
  }

  /** Counts the sequence numbers skipped per stream (pressure belt 0/1, load cell). */
  static final class SequenceGaps {
    private static final int LOAD_CELL = -1;
    private final Map<Integer, Long> lastSeq = new HashMap<>();
    long frames;
    long loadSamples;
    long missingFrames;
    long missingLoadSamples;
    long recordsLost;

    void accept(JournalRecord record) {
      switch (record.type()) {
        case PRESSURE_FRAME -> {
          frames++;
          missingFrames += skipped(record.payload().get(24), record.payload().getLong(8));
        }
        case LOAD_SAMPLE -> {
          loadSamples++;
          missingLoadSamples += skipped(LOAD_CELL, record.payload().getLong(8));
        }
        case RECORDS_LOST -> recordsLost++;
        default -> {
          // Other records carry no device sequence.
        }
      }
    }

    private long skipped(int stream, long seq) {
      Long last = lastSeq.put(stream, seq);
      return last == null || seq <= last ? 0 : seq - last - 1;
    }
  }
}
