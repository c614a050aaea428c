package org.gaitctl.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitctl.config.TherapyProtocolLoader;
import org.gaitctl.config.protocol.BeltMode;
import org.gaitctl.config.protocol.ProtocolStage;
import org.gaitctl.config.protocol.TherapyProtocol;
import org.gaitctl.core.analysis.StepRow;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.journal.JournalReadResult;
import org.gaitctl.core.journal.JournalReader;
import org.gaitctl.core.journal.JournalRecord;
import org.gaitctl.core.journal.JournalRecordType;
import org.gaitctl.core.symmetry.StepParameter;
import org.gaitctl.core.symmetry.SymmetryMath;
import org.gaitctl.hmi.console.SymmetryBands;

/**
 * Builds a {@link SessionReport} in one pass over a journal, keeping only primitives of the records
 * it needs (a 30-minute journal is hundreds of MB of frames it skips). Times are taken relative to
 * the first timed record in file order while reading and moved to the earliest one at the end, as
 * the other threads' records are interleaved as the writer drained them.
 */
final class SessionReportReader {

  private static final double UNLOADING_CHART_PERIOD_S = 0.1;

  private final Map<String, String> metadata = new HashMap<>();
  private final List<StepRow> steps = new ArrayList<>();
  private final GrowingSeries unloadingN = new GrowingSeries();
  private final GrowingSeries speedMps = new GrowingSeries();
  private final GrowingSeries inclinePercent = new GrowingSeries();
  private final List<StageStart> stageStarts = new ArrayList<>();
  private final List<SessionEvent> events = new ArrayList<>();
  private final List<Double> leftRunningS = new ArrayList<>();
  private boolean originSet;
  private long firstNs;
  private double earliestS;
  private double latestS;

  private record StageStart(double timeS, int index, String name) {}

  private SessionReportReader() {}

  static SessionReport read(Path file) throws IOException {
    SessionReportReader reader = new SessionReportReader();
    JournalReadResult result = JournalReader.read(file, reader::accept);
    return reader.build(result);
  }

  private void accept(JournalRecord record) {
    if (record.type() == null) {
      return;
    }
    if (record.type() == JournalRecordType.METADATA) {
      String[] keyValue = record.texts();
      metadata.put(keyValue[0], keyValue[1]);
      return;
    }
    double t = seconds(record.timeNs());
    ByteBuffer p = record.payload();
    switch (record.type()) {
      case STEP -> steps.add(step(p));
      case LOAD_SAMPLE -> {
        double filteredN = p.getDouble(32);
        if (Double.isFinite(filteredN)) {
          unloadingN.add(t, filteredN);
        }
      }
      case DRIVE_STATUS -> {
        speedMps.add(t, p.getDouble(9));
        inclinePercent.add(t, p.getDouble(25));
      }
      case PROTOCOL_STAGE ->
          stageStarts.add(new StageStart(t, p.getInt(8), RecordTexts.next(view(p, 12))));
      case OPERATOR_ACTION -> events.add(new SessionEvent(t, "operator", record.texts()[0]));
      case FAULT -> {
        String[] codeDetail = record.texts();
        events.add(new SessionEvent(t, "fault", (codeDetail[0] + " " + codeDetail[1]).strip()));
      }
      case SAFETY_STATE -> {
        String[] fromTo = record.texts();
        if (fromTo[0].equals("RUNNING") && !fromTo[1].equals("RUNNING")) {
          leftRunningS.add(t);
        }
        events.add(new SessionEvent(t, "safety", fromTo[0] + " -> " + fromTo[1]));
      }
      case COMMAND -> {
        ByteBuffer view = view(p, 8);
        String command = RecordTexts.next(view);
        view.getDouble();
        String result = RecordTexts.next(view);
        if (result.startsWith("REFUSED")) {
          events.add(new SessionEvent(t, "refused", command + ": " + result));
        }
      }
      default -> {
        // frames, contacts, ticks and the rest carry nothing the report shows
      }
    }
  }

  private double seconds(long ns) {
    if (!originSet) {
      firstNs = ns;
      originSet = true;
    }
    double s = (ns - firstNs) * 1e-9;
    earliestS = Math.min(earliestS, s);
    latestS = Math.max(latestS, s);
    return s;
  }

  private static ByteBuffer view(ByteBuffer payload, int position) {
    return payload.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(position);
  }

  private StepRow step(ByteBuffer p) {
    Side side = p.get(16) == 0 ? Side.LEFT : Side.RIGHT;
    double[] v = new double[13];
    for (int i = 0; i < v.length; i++) {
      v[i] = p.getDouble(41 + 8 * i);
    }
    return new StepRow(
        side,
        seconds(p.getLong(17)),
        seconds(p.getLong(25)),
        seconds(p.getLong(33)),
        v[0],
        v[1],
        v[2],
        v[3],
        v[4],
        v[5],
        v[10],
        v[11],
        v[12],
        v[6],
        v[7],
        v[8],
        v[9]);
  }

  private SessionReport build(JournalReadResult result) {
    double shiftS = -earliestS;
    double massKg = parseMass(metadata.get("patient.bodyMassKg"));
    double bodyWeightN = massKg * ProtocolStage.GRAVITY_MPS2;
    String protocolText = metadata.getOrDefault("protocol.yaml", "");
    Optional<TherapyProtocol> protocol =
        protocolText.isBlank()
            ? Optional.empty()
            : Optional.of(TherapyProtocolLoader.parse(protocolText, "journal protocol").protocol());
    List<StepRow> shiftedSteps =
        steps.stream()
            .map(s -> shifted(s, shiftS))
            .sorted(Comparator.comparingDouble(StepRow::heelStrikeS))
            .toList();
    GrowingSeries unloadingPercent = new GrowingSeries();
    for (int i = 0; i < unloadingN.size(); i++) {
      unloadingPercent.add(unloadingN.timeS(i) + shiftS, 100 * unloadingN.value(i) / bodyWeightN);
    }
    double durationS = latestS + shiftS;
    List<StageReport> stages = stages(protocol, shiftS, durationS, shiftedSteps, unloadingPercent);
    events.sort(Comparator.comparingDouble(SessionEvent::timeS));
    return new SessionReport(
        metadata.getOrDefault("patient.id", "(unknown)"),
        massKg,
        metadata.getOrDefault("session.start", ""),
        metadata.getOrDefault("software.version", ""),
        protocol.map(TherapyProtocol::name).orElse("(none)"),
        stages,
        shiftedSteps,
        sideMetrics(shiftedSteps),
        ratios(shiftedSteps),
        everyPeriod(unloadingPercent),
        events.stream().map(e -> new SessionEvent(e.timeS() + shiftS, e.kind(), e.text())).toList(),
        durationS,
        result);
  }

  private static double parseMass(String text) {
    if (text == null) {
      return Double.NaN;
    }
    return Double.parseDouble(text);
  }

  private static StepRow shifted(StepRow s, double shiftS) {
    return new StepRow(
        s.side(),
        s.heelStrikeS() + shiftS,
        s.toeOffS() + shiftS,
        s.nextHeelStrikeS() + shiftS,
        s.strideS(),
        s.stanceS(),
        s.swingS(),
        s.stepTimeS(),
        s.singleSupportS(),
        s.doubleSupportS(),
        s.peakFz(),
        s.loadingRatePerS(),
        s.impulseFzSeconds(),
        s.stepLengthM(),
        s.strideLengthM(),
        s.stepWidthM(),
        s.cadenceStepsPerMin());
  }

  private List<StageReport> stages(
      Optional<TherapyProtocol> protocol,
      double shiftS,
      double durationS,
      List<StepRow> shiftedSteps,
      GrowingSeries unloadingPercent) {
    List<StageStart> starts = new ArrayList<>(stageStarts);
    starts.sort(Comparator.comparingDouble(StageStart::timeS));
    List<StageReport> stages = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      StageStart start = starts.get(i);
      double fromS = start.timeS() + shiftS;
      double toS =
          Math.min(
              durationS,
              (i + 1 < starts.size() ? starts.get(i + 1).timeS() : stopAfter(start.timeS()))
                  + shiftS);
      Optional<ProtocolStage> stage =
          protocol
              .filter(p -> start.index() >= 0 && start.index() < p.stages().size())
              .map(p -> p.stages().get(start.index()));
      double targetPercent = stage.map(ProtocolStage::unloadingPercentBw).orElse(Double.NaN);
      double settledFromS = fromS + stage.map(ProtocolStage::rampS).orElse(0.0);
      double[] unloading = meanAndRmsError(unloadingPercent, settledFromS, toS, targetPercent);
      int stepCount =
          (int)
              shiftedSteps.stream()
                  .filter(s -> s.heelStrikeS() >= fromS && s.heelStrikeS() < toS)
                  .count();
      stages.add(
          new StageReport(
              start.index(),
              start.name(),
              fromS,
              toS,
              stage.map(s -> beltText(s.belt())).orElse("-"),
              mean(speedMps, settledFromS - shiftS, toS - shiftS),
              stage.map(ProtocolStage::inclinePercent).orElse(Double.NaN),
              mean(inclinePercent, settledFromS - shiftS, toS - shiftS),
              targetPercent,
              unloading[0],
              unloading[1],
              stepCount));
    }
    return stages;
  }

  /**
   * When the safety state first left RUNNING after {@code fromS} (the stop that ends the last
   * stage, so the belt's run-down is not averaged into it), or the journal's last record.
   */
  private double stopAfter(double fromS) {
    double stopS = latestS;
    for (double t : leftRunningS) {
      if (t >= fromS && t < stopS) {
        stopS = t;
      }
    }
    return stopS;
  }

  private static String beltText(BeltMode belt) {
    return belt.lowestSpeedMps() == belt.highestSpeedMps()
        ? String.format(Locale.ROOT, "%.2f m/s", belt.lowestSpeedMps())
        : String.format(
            Locale.ROOT, "self-paced %.2f-%.2f m/s", belt.lowestSpeedMps(), belt.highestSpeedMps());
  }

  /** Mean of the values with time in [fromS, toS); NaN when none. */
  private static double mean(GrowingSeries series, double fromS, double toS) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < series.size(); i++) {
      double t = series.timeS(i);
      if (t >= fromS && t < toS) {
        sum += series.value(i);
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Mean, and RMS of value minus {@code target}, over [fromS, toS); NaN when none. */
  private static double[] meanAndRmsError(
      GrowingSeries series, double fromS, double toS, double target) {
    double sum = 0;
    double squares = 0;
    int n = 0;
    for (int i = 0; i < series.size(); i++) {
      double t = series.timeS(i);
      if (t >= fromS && t < toS) {
        double v = series.value(i);
        sum += v;
        squares += (v - target) * (v - target);
        n++;
      }
    }
    return n == 0
        ? new double[] {Double.NaN, Double.NaN}
        : new double[] {sum / n, Math.sqrt(squares / n)};
  }

  private static TimeSeries everyPeriod(GrowingSeries series) {
    GrowingSeries kept = new GrowingSeries();
    double nextS = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < series.size(); i++) {
      if (series.timeS(i) >= nextS) {
        kept.add(series.timeS(i), series.value(i));
        nextS = series.timeS(i) + UNLOADING_CHART_PERIOD_S;
      }
    }
    return kept.toSeries();
  }

  private static List<SideMetric> sideMetrics(List<StepRow> steps) {
    List<SideMetric> metrics = new ArrayList<>();
    for (StepParameter p : StepParameter.values()) {
      double left = sideMean(steps, p, Side.LEFT);
      double right = sideMean(steps, p, Side.RIGHT);
      if (Double.isNaN(left) && Double.isNaN(right)) {
        continue;
      }
      metrics.add(
          new SideMetric(
              p,
              left,
              right,
              SymmetryMath.symmetryIndexPercent(left, right, p.defaultFloor()),
              SymmetryMath.ratio(left, right, p.defaultFloor())));
    }
    return metrics;
  }

  private static double sideMean(List<StepRow> steps, StepParameter p, Side side) {
    double sum = 0;
    int n = 0;
    for (StepRow s : steps) {
      double v = StepValues.of(p, s);
      if (s.side() == side && Double.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Per charted parameter, L/R of the latest left and right values after each step. */
  private static Map<StepParameter, TimeSeries> ratios(List<StepRow> steps) {
    Map<StepParameter, TimeSeries> ratios = new EnumMap<>(StepParameter.class);
    for (StepParameter p : SymmetryBands.CHARTED) {
      GrowingSeries series = new GrowingSeries();
      double left = Double.NaN;
      double right = Double.NaN;
      for (StepRow s : steps) {
        double v = StepValues.of(p, s);
        if (!Double.isFinite(v)) {
          continue;
        }
        if (s.side() == Side.LEFT) {
          left = v;
        } else {
          right = v;
        }
        double ratio = SymmetryMath.ratio(left, right, p.defaultFloor());
        if (Double.isFinite(ratio)) {
          series.add(s.heelStrikeS(), ratio);
        }
      }
      ratios.put(p, series.toSeries());
    }
    return ratios;
  }
}
