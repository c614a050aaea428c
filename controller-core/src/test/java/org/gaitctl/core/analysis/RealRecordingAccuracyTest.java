package org.gaitctl.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.recording.ForceRecording;
import org.gaitctl.core.recording.RecordingReaders;
import org.gaitctl.core.recording.ReferenceEvent;
import org.gaitctl.core.recording.ReferenceStride;
import org.gaitctl.core.recording.TsReference;
import org.gaitctl.core.recording.TsReferenceReader;
import org.gaitctl.core.symmetry.StepParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our detection against the events and strides that real recordings carry from their authors (test
 * resources, attribution beside them). Figures are logged and stated in docs/ACCURACY.md.
 */
class RealRecordingAccuracyTest {

  private static final Logger LOG = LoggerFactory.getLogger(RealRecordingAccuracyTest.class);
  private static final Path RECORDINGS = Path.of("src/test/resources/recordings");

  /** A detected stride matches a reference stride when both end within this of each other, s. */
  private static final double STRIDE_MATCH_S = 0.05;

  @ParameterizedTest
  @ValueSource(strings = {"control1", "als1", "park1"})
  void shouldMatchGaitnddStrideTimesOfTheAuthorsWithinFiveMilliseconds(String record)
      throws Exception {
    ForceRecording recording =
        RecordingReaders.read(RECORDINGS.resolve("gaitndd").resolve(record + ".hea"));
    TsReference reference =
        TsReferenceReader.read(RECORDINGS.resolve("gaitndd").resolve(record + ".ts"));
    AnalysisReport report = new OfflineAnalysis(AnalysisSettings.defaults()).run(recording);
    List<StepRow> left = report.steps().stream().filter(s -> s.side() == Side.LEFT).toList();
    List<Double> errorsS = new ArrayList<>();
    for (ReferenceStride stride : reference.strides()) {
      for (StepRow step : left) {
        if (Math.abs(step.nextHeelStrikeS() - stride.leftHeelStrikeS()) <= STRIDE_MATCH_S) {
          errorsS.add(Math.abs(step.strideS() - stride.leftStrideS()));
          break;
        }
      }
    }
    double matchRate = errorsS.size() / (double) reference.strides().size();
    double medianMs = percentile(errorsS, 0.5) * 1000;
    LOG.info(
        "gaitndd {}: {} reference strides, {} matched ({} %), stride |error| median {} ms,"
            + " p95 {} ms",
        record,
        reference.strides().size(),
        errorsS.size(),
        String.format("%.1f", matchRate * 100),
        String.format("%.2f", medianMs),
        String.format("%.2f", percentile(errorsS, 0.95) * 1000));
    assertThat(medianMs).isLessThanOrEqualTo(5.0);
    assertThat(matchRate).isGreaterThan(0.9);
  }

  /**
   * Only events of contacts on a force plate can be found from force; PiG_Motion3_FF has 12 events
   * of which 6 fall on its 3 plates. The files' events are marker-based or hand-placed.
   */
  @ParameterizedTest
  @CsvSource({"PiG_Motion3_FF.c3d, 6", "pc_real.c3d, 4", "pc_int.c3d, 4"})
  void shouldFindTheContactsThatC3dFilesRecordAsTheirOwnEvents(String file, int onPlates)
      throws Exception {
    ForceRecording recording = RecordingReaders.read(RECORDINGS.resolve("c3d").resolve(file));
    AnalysisReport report = new OfflineAnalysis(AnalysisSettings.defaults()).run(recording);
    int compared = 0;
    List<Double> errorsS = new ArrayList<>();
    StringBuilder detail = new StringBuilder();
    for (ReferenceEvent ref : recording.referenceEvents()) {
      DetectedEvent nearest = null;
      for (DetectedEvent e : report.events()) {
        if (e.side() == ref.side()
            && e.kind() == ref.kind()
            && (nearest == null
                || Math.abs(e.timeS() - ref.timeS()) < Math.abs(nearest.timeS() - ref.timeS()))) {
          nearest = e;
        }
      }
      detail.append(
          String.format(
              "%n  %s %s ref %.3f s detected %s",
              ref.side(),
              ref.kind(),
              ref.timeS(),
              nearest == null ? "-" : String.format("%.3f s", nearest.timeS())));
      if (nearest != null && Math.abs(nearest.timeS() - ref.timeS()) < 0.1) {
        compared++;
        errorsS.add(Math.abs(nearest.timeS() - ref.timeS()));
      }
    }
    LOG.info(
        "c3d {}: {} reference events, {} matched within 100 ms, |error| max {} ms{}",
        file,
        recording.referenceEvents().size(),
        compared,
        String.format("%.1f", errorsS.isEmpty() ? Double.NaN : percentile(errorsS, 1.0) * 1000),
        detail);
    assertThat(compared).isEqualTo(onPlates);
    assertThat(percentile(errorsS, 1.0)).isLessThanOrEqualTo(0.030);
  }

  /** GATK's example has 46 contacts of one foot on a noisy (±25 N) plate; gaitpdb has no events. */
  @ParameterizedTest
  @CsvSource({"gatk/example_vertical_grf.csv, 46", "gaitpdb/GaCo01_01.txt, 0"})
  void shouldAnalyseForceOnlyRecordingsOfOtherFormats(String file, int expectedContacts)
      throws Exception {
    ForceRecording recording = RecordingReaders.read(RECORDINGS.resolve(file));
    AnalysisReport report = new OfflineAnalysis(AnalysisSettings.defaults()).run(recording);
    LOG.info(
        "{}: {} heel strikes, {} toe offs, {} left / {} right steps, left stride {} s",
        file,
        report.summary().heelStrikes(),
        report.summary().toeOffs(),
        report.summary().stepsLeft(),
        report.summary().stepsRight(),
        String.format(
            "%.3f", report.summary().parameters().get(StepParameter.STRIDE_TIME).meanLeft()));
    if (expectedContacts > 0) {
      assertThat(report.summary().heelStrikes()).isEqualTo(expectedContacts);
    } else {
      assertThat(report.summary().stepsLeft()).isGreaterThan(50);
      assertThat(report.summary().stepsRight()).isGreaterThan(50);
    }
  }

  private static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
