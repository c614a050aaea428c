package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaitctl.core.analysis.AnalysisReport;
import org.gaitctl.core.analysis.AnalysisSettings;
import org.gaitctl.core.analysis.OfflineAnalysis;
import org.gaitctl.core.analysis.StepRow;
import org.gaitctl.core.export.CsvExport;
import org.gaitctl.core.export.FixedRateResampler;
import org.gaitctl.core.export.JournalForces;
import org.gaitctl.core.gait.EventSettings;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.journal.Journal;
import org.gaitctl.core.journal.JournalReader;
import org.gaitctl.core.journal.JournalRecord;
import org.gaitctl.core.journal.JournalRecordType;
import org.gaitctl.core.recording.C3dReader;
import org.gaitctl.core.recording.CsvForceReader;
import org.gaitctl.core.recording.ForceRecording;
import org.gaitctl.core.recording.ReferenceEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gaitctl export} on the journal of a short monitor run against the emulators. */
class ExportJournalIT {

  /** The live detector's event settings (120 ms minimum stance, 100 ms minimum swing). */
  private static final EventSettings LIVE = EventSettings.newtonDefaults();

  @TempDir static Path dir;

  private static Path journalFile;
  private static JournalReader.Contents journal;
  private static JournalForces forces;
  private static double frameS;

  @BeforeAll
  static void recordAMonitorRun() throws IOException {
    Path folder = dir.resolve("run");
    StringWriter printed = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        CliRun.execute(
            dir.resolve("logs"),
            printed,
            err,
            "monitor",
            "--record",
            folder.toString(),
            "--duration",
            "10");
    assertThat(exit).as(printed + "\n" + err).isZero();
    journalFile = folder.resolve(Journal.FILE_NAME);
    journal = JournalReader.readAll(journalFile);
    forces = JournalForces.of(journal);
    frameS = 1 / FixedRateResampler.rateHz(forces.timeS());
    assertThat(journal.ofType(JournalRecordType.STEP)).hasSizeGreaterThan(4);
  }

  /**
   * The steps {@code analyze} finds in the exported forces are the live session's, heel strike and
   * toe off within one frame, with one difference by design: {@code analyze} runs a second pass
   * whose minimum stance and swing are 20 % and 15 % of the median stride (OfflineAnalysis), where
   * the live detector's are 120 ms and 100 ms. A live contact or swing shorter than that bound (a
   * stall of the loaded machine delays a frame burst) ends there in {@code analyze}, later than
   * live; such a step, and the same foot's next one, is checked to be no earlier than live.
   */
  @Test
  void shouldExportForcesThatAnalyzeTurnsIntoTheLiveSessionsStepsWithinOneFrame()
      throws IOException {
    Path out = dir.resolve("csv");

    int exit = export("--csv", out.toString());

    assertThat(exit).isZero();
    ForceRecording recording = CsvForceReader.read(out.resolve(CsvExport.FORCES));
    AnalysisReport report = new OfflineAnalysis(AnalysisSettings.defaults()).run(recording);
    List<JournalRecord> liveSteps = journal.ofType(JournalRecordType.STEP);
    assertThat(report.steps()).hasSameSizeAs(liveSteps);
    double strideS =
        Math.max(medianStrideS(liveSteps, Side.LEFT), medianStrideS(liveSteps, Side.RIGHT));
    double minStanceS = Math.max(LIVE.minStanceS(), 0.20 * strideS);
    double minSwingS = Math.max(LIVE.minSwingS(), 0.15 * strideS);
    double[] lastToeOffS = {Double.NaN, Double.NaN};
    boolean[] lastBounded = {false, false};
    int bounded = 0;
    for (JournalRecord live : liveSteps) {
      ByteBuffer p = live.payload();
      Side side = p.get(16) == 0 ? Side.LEFT : Side.RIGHT;
      double heelStrikeS = forces.secondsOf(p.getLong(17));
      double toeOffS = forces.secondsOf(p.getLong(25));
      StepRow nearest =
          report.steps().stream()
              .filter(row -> row.side() == side)
              .min((a, b) -> Double.compare(gap(a, heelStrikeS), gap(b, heelStrikeS)))
              .orElseThrow();
      int s = side.ordinal();
      boolean boundedByCadence =
          toeOffS - heelStrikeS < minStanceS
              || heelStrikeS - lastToeOffS[s] < minSwingS
              || lastBounded[s];
      if (boundedByCadence) {
        bounded++;
        assertThat(nearest.heelStrikeS()).isGreaterThanOrEqualTo(heelStrikeS - frameS);
        assertThat(nearest.toeOffS()).isGreaterThanOrEqualTo(toeOffS - frameS);
      } else {
        assertThat(nearest.heelStrikeS()).isCloseTo(heelStrikeS, within(frameS));
        assertThat(nearest.toeOffS()).isCloseTo(toeOffS, within(frameS));
      }
      lastBounded[s] =
          toeOffS - heelStrikeS < minStanceS || heelStrikeS - lastToeOffS[s] < minSwingS;
      lastToeOffS[s] = toeOffS;
    }
    System.out.printf(
        "export round trip: %d live steps, %d of them shorter than analyze's cadence bounds%n",
        liveSteps.size(), bounded);
    assertThat(Files.readAllLines(out.resolve(CsvExport.STEPS))).hasSize(liveSteps.size() + 1);
    assertThat(Files.readAllLines(out.resolve(CsvExport.COMMANDS)))
        .hasSize(journal.ofType(JournalRecordType.COMMAND).size() + 1);
    assertThat(out.resolve(CsvExport.FAULTS)).exists();
    assertThat(out.resolve(CsvExport.EVENTS)).exists();
  }

  @Test
  void shouldExportAC3dFileWhoseEventsReadBackAtTheirJournalTimesWithinOneSample()
      throws IOException {
    Path file = dir.resolve("session.c3d");

    int exit = export("--c3d", file.toString());

    assertThat(exit).isZero();
    ForceRecording read = C3dReader.read(file);
    assertThat(read.forceUnit()).isEqualTo(ForceRecording.NEWTONS);
    assertThat(read.timeS()[1]).isCloseTo(frameS, within(1e-9));
    List<ReferenceEvent> written =
        forces.events().stream()
            .filter(e -> e.timeS() <= read.timeS()[read.sampleCount() - 1])
            .toList();
    assertThat(read.referenceEvents()).hasSameSizeAs(written);
    for (ReferenceEvent event : written) {
      // Events of both feet at one time may read back in either order: match by foot and kind.
      assertThat(read.referenceEvents())
          .anySatisfy(
              back -> {
                assertThat(back.side()).isEqualTo(event.side());
                assertThat(back.kind()).isEqualTo(event.kind());
                assertThat(back.timeS()).isCloseTo(event.timeS(), within(frameS));
              });
    }
  }

  @Test
  void shouldRefuseAJournalThatDoesNotExist() {
    StringWriter err = new StringWriter();
    int exit =
        CliRun.execute(
            dir.resolve("logs"),
            new StringWriter(),
            err,
            "export",
            dir.resolve("none.gjl").toString(),
            "--csv",
            dir.resolve("x").toString());

    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("no such file");
  }

  @Test
  void shouldRefuseAFileThatIsNotAJournalNamingIt() throws IOException {
    Path notAJournal = dir.resolve("notes.txt");
    Files.writeString(notAJournal, "time_s,left_fz_n\n0,1\n");
    StringWriter err = new StringWriter();

    int exit = exportTo(err, notAJournal, "--csv", dir.resolve("never").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains(notAJournal.toString()).contains("not a gaitctl journal");
    assertThat(dir.resolve("never").resolve(CsvExport.FORCES)).doesNotExist();
  }

  @Test
  void shouldExportATruncatedJournalUpToItsLastGoodRecordAndSayWhereItStopped() throws IOException {
    byte[] whole = Files.readAllBytes(journalFile);
    Path cut = dir.resolve("cut.gjl");
    Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
    StringWriter err = new StringWriter();
    Path out = dir.resolve("cut-csv");

    int exit = exportTo(err, cut, "--csv", out.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("journal " + cut + " ends early")
        .contains("at offset")
        .contains("exported up to its last good record");
    assertThat(Files.readAllLines(out.resolve(CsvExport.FORCES)).size())
        .isBetween(2, forces.timeS().length);
  }

  @Test
  void shouldNameTheFolderItCannotWriteTo() throws IOException {
    Path aFile = dir.resolve("plain-file");
    Files.writeString(aFile, "x");
    Path unwritable = aFile.resolve("csv");
    StringWriter err = new StringWriter();

    int exit = exportTo(err, journalFile, "--csv", unwritable.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains(unwritable.toString());
  }

  private static int exportTo(StringWriter err, Path journal, String option, String target) {
    return CliRun.execute(
        dir.resolve("logs"), new StringWriter(), err, "export", journal.toString(), option, target);
  }

  /** The median stride of {@code side}'s live steps, s (next heel strike minus heel strike). */
  private static double medianStrideS(List<JournalRecord> steps, Side side) {
    double[] strides =
        steps.stream()
            .filter(step -> step.payload().get(16) == side.ordinal())
            .mapToDouble(step -> (step.payload().getLong(33) - step.payload().getLong(17)) / 1e9)
            .sorted()
            .toArray();
    return strides.length == 0 ? Double.NEGATIVE_INFINITY : strides[strides.length / 2];
  }

  private static double gap(StepRow row, double heelStrikeS) {
    return Math.abs(row.heelStrikeS() - heelStrikeS);
  }

  private static int export(String option, String target) {
    StringWriter printed = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        CliRun.execute(
            dir.resolve("logs"), printed, err, "export", journalFile.toString(), option, target);
    assertThat(exit).as(printed + "\n" + err).isZero();
    return exit;
  }
}
