package org.gaitctl.core.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitctl.core.contact.DriftSettings;
import org.gaitctl.core.gait.EventSettings;
import org.gaitctl.core.gait.FootSampleView;
import org.gaitctl.core.gait.GaitEventKind;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepRecordView;
import org.gaitctl.core.recording.ForceRecording;
import org.gaitctl.core.symmetry.StepParameter;
import org.gaitctl.core.symmetry.SymmetryMath;
import org.gaitctl.core.symmetry.SymmetryTracker;

/**
 * Runs a {@link ForceRecording} through the live gait stages ({@link GaitAnalyzer}: event detection
 * and step assembly, the same code as the pipeline) sample by sample, and collects the steps,
 * events and a summary. Each foot's unloaded level ({@link UnloadedLevel}) is subtracted first.
 * Recordings not in newtons use thresholds relative to each foot's running force range, and their
 * summary says so; force-derived values are in the recording's unit. A first pass finds the
 * cadence, a second bounds stance and swing by it. Without belt speed, step lengths stay unknown.
 * The summary's warnings say when the result does not look like one person walking ({@link
 * ConsistencyCheck}) or why no step was found.
 *
 * <p>Not for the live path: allocates freely. Any thread; one call at a time per instance.
 */
public final class OfflineAnalysis {

  /** Force floors of symmetry scale with this fraction of the largest force in a non-N file. */
  private static final double RELATIVE_FORCE_FLOOR_FRACTION = 0.05;

  private static final StepParameter[] PARAMETERS = StepParameter.values();

  /** Steps the first pass must find before their cadence bounds stance and swing. */
  private static final int MIN_STEPS_FOR_CADENCE = 6;

  /** Stance is about 60 % of a stride, even in slow pathological gait over 50 %. */
  private static final double MIN_STANCE_STRIDE_FRACTION = 0.20;

  /** Swing is about 40 % of a stride, over 25 % even on the affected side after a stroke. */
  private static final double MIN_SWING_STRIDE_FRACTION = 0.15;

  private final AnalysisSettings settings;

  public OfflineAnalysis(AnalysisSettings settings) {
    this.settings = settings;
  }

  public AnalysisReport run(ForceRecording recording) {
    EventSettings events = settings.eventsFor(recording);
    double leftUnloaded =
        UnloadedLevel.of(recording.leftFz(), loadedAboveFloor(recording.leftFz(), events));
    double rightUnloaded =
        UnloadedLevel.of(recording.rightFz(), loadedAboveFloor(recording.rightFz(), events));
    double[] left = UnloadedLevel.subtract(recording.leftFz(), leftUnloaded);
    double[] right = UnloadedLevel.subtract(recording.rightFz(), rightUnloaded);
    double forceFloorScale = recording.isNewtons() ? 1.0 : relativeFloorScale(left, right);
    Collector collector = analyse(recording, left, right, events, forceFloorScale);
    double strideS = medianStrideS(collector.rows);
    if (collector.rows.size() >= MIN_STEPS_FOR_CADENCE && Double.isFinite(strideS)) {
      // Second pass with stance and swing bounded by the walker's own cadence: a noise dip in
      // mid-stance or a bounce in swing, shorter than any real phase at this cadence, splits no
      // stance and makes no contact.
      events = atCadence(events, strideS);
      collector = analyse(recording, left, right, events, forceFloorScale);
    }
    int heelStrikes = 0;
    for (DetectedEvent e : collector.events) {
      heelStrikes += e.kind() == GaitEventKind.HEEL_STRIKE ? 1 : 0;
    }
    String unit = recording.forceUnit();
    String note =
        recording.isNewtons()
            ? ""
            : "forces are in "
                + unit
                + ", not newtons: thresholds were "
                + percent(events.heelStrikeFraction())
                + " / "
                + percent(events.toeOffFraction())
                + " of each foot's running force range, and force values are in "
                + unit;
    Map<StepParameter, ParameterSummary> parameters = collector.summarise(forceFloorScale, unit);
    List<String> warnings = new ArrayList<>();
    if (recording.isNewtons()) {
      warnings.addAll(ConsistencyCheck.unloadedLevelWarnings(leftUnloaded, rightUnloaded));
    }
    warnings.addAll(
        ConsistencyCheck.warnings(
            collector.steps[0],
            collector.steps[1],
            collector.discardedSteps,
            parameters.get(StepParameter.STRIDE_TIME),
            collector.events,
            noStepsReason(recording, events, heelStrikes, left, right)));
    AnalysisSummary summary =
        new AnalysisSummary(
            recording.source(),
            unit,
            note,
            leftUnloaded,
            rightUnloaded,
            heelStrikes,
            collector.events.size() - heelStrikes,
            collector.steps[0],
            collector.steps[1],
            collector.discardedSteps,
            parameters,
            warnings);
    return new AnalysisReport(collector.rows, collector.events, summary);
  }

  private static Collector analyse(
      ForceRecording recording,
      double[] left,
      double[] right,
      EventSettings events,
      double forceFloorScale) {
    GaitSettings gait =
        GaitSettings.defaults()
            .withEvents(events)
            .withDrift(DriftSettings.disabled())
            .withForceFloorScale(forceFloorScale);
    // Without belt speed the analyzer would add a belt travel of 0 m: lengths stay unknown.
    Collector collector = new Collector(recording.beltSpeedMps() != null);
    GaitAnalyzer analyzer = new GaitAnalyzer(gait, null, collector);
    double[] time = recording.timeS();
    for (int i = 0; i < time.length; i++) {
      long timeNs = Math.round(time[i] * 1e9);
      if (recording.beltSpeedMps() != null) {
        analyzer.onBeltSpeed(timeNs, recording.beltSpeedMps()[i]);
      }
      analyzer.onFootForces(
          timeNs,
          left[i],
          right[i],
          recording.leftCopApM() == null ? Double.NaN : recording.leftCopApM()[i],
          recording.rightCopApM() == null ? Double.NaN : recording.rightCopApM()[i]);
    }
    return collector;
  }

  /**
   * The longer of the two feet's median strides: both feet walk the same cadence, and noise that
   * splits contacts on one foot shortens only that foot's strides.
   */
  private static double medianStrideS(List<StepRow> rows) {
    return Math.max(medianStrideS(rows, Side.LEFT), medianStrideS(rows, Side.RIGHT));
  }

  private static double medianStrideS(List<StepRow> rows, Side side) {
    double[] strides =
        rows.stream()
            .filter(r -> r.side() == side)
            .mapToDouble(StepRow::strideS)
            .filter(Double::isFinite)
            .sorted()
            .toArray();
    return strides.length == 0 ? Double.NEGATIVE_INFINITY : strides[strides.length / 2];
  }

  /**
   * How far above a channel's floor a force is a loaded foot ({@link UnloadedLevel}): the toe-off
   * threshold in newtons, the heel-strike fraction of the channel's range in other units.
   */
  private static double loadedAboveFloor(double[] force, EventSettings events) {
    if (!events.relative()) {
      return events.toeOffThreshold();
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : force) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return force.length == 0 ? 0.0 : events.heelStrikeFraction() * (max - min);
  }

  /** {@code events} with minimum stance and swing no shorter than their share of the stride. */
  private static EventSettings atCadence(EventSettings events, double strideS) {
    return new EventSettings(
        events.heelStrikeThreshold(),
        events.toeOffThreshold(),
        events.relative(),
        events.heelStrikeFraction(),
        events.toeOffFraction(),
        events.rangeTimeConstantS(),
        events.warmupS(),
        Math.max(events.minStanceS(), MIN_STANCE_STRIDE_FRACTION * strideS),
        Math.max(events.minSwingS(), MIN_SWING_STRIDE_FRACTION * strideS),
        events.maxGapS(),
        events.heelStrikeConfirmS());
  }

  /** Why no step was found, in the recording's unit. */
  private static String noStepsReason(
      ForceRecording recording,
      EventSettings events,
      int heelStrikes,
      double[] left,
      double[] right) {
    if (heelStrikes > 0) {
      return heelStrikes
          + " heel strikes but no complete step (a step ends at the same foot's next heel strike)";
    }
    String unit = recording.forceUnit();
    String threshold =
        events.relative()
            ? percent(events.heelStrikeFraction()) + " of its force range"
            : format(events.heelStrikeThreshold()) + " " + unit;
    return "no foot contact above "
        + threshold
        + " on either foot (largest force above the unloaded level: left "
        + format(max(left))
        + " "
        + unit
        + ", right "
        + format(max(right))
        + " "
        + unit
        + ")";
  }

  private static double max(double[] values) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      max = Math.max(max, v);
    }
    return max;
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String percent(double fraction) {
    return Math.round(fraction * 100) + " %";
  }

  private static double relativeFloorScale(double[] left, double[] right) {
    double max = 0;
    for (double v : left) {
      max = Math.max(max, Math.abs(v));
    }
    for (double v : right) {
      max = Math.max(max, Math.abs(v));
    }
    double scale = RELATIVE_FORCE_FLOOR_FRACTION * max / StepParameter.PEAK_FORCE.defaultFloor();
    return scale > 0 ? scale : 1.0;
  }

  /** The parameter's unit with the recording's force unit in place of newtons. */
  static String unitOf(StepParameter p, String forceUnit) {
    return p.isForce() ? p.unit().replace(ForceRecording.NEWTONS, forceUnit) : p.unit();
  }

  /** The analyzer's sink: every event and step row, and whole-recording sums per side. */
  private static final class Collector implements GaitAnalysisSink {
    final List<StepRow> rows = new ArrayList<>();
    final List<DetectedEvent> events = new ArrayList<>();
    final int[] steps = new int[2];
    final double[][] sums = new double[2][PARAMETERS.length];
    final int[][] counts = new int[2][PARAMETERS.length];
    final boolean lengthsKnown;
    long discardedSteps;

    Collector(boolean lengthsKnown) {
      this.lengthsKnown = lengthsKnown;
    }

    @Override
    public void onFoot(Side side, FootSampleView sample, boolean inStance) {
      // Per-sample forces are the recording's own; the report holds events and steps.
    }

    @Override
    public void onGaitEvent(Side side, GaitEventKind kind, long timeNs) {
      events.add(new DetectedEvent(side, kind, timeNs * 1e-9));
    }

    @Override
    public void onStep(StepRecordView step, SymmetryTracker symmetry) {
      StepRow row = StepRow.of(step);
      rows.add(lengthsKnown ? row : row.withoutLengths());
      int s = step.side().ordinal();
      steps[s]++;
      for (StepParameter p : PARAMETERS) {
        double v = !lengthsKnown && p == StepParameter.STEP_LENGTH ? Double.NaN : p.of(step);
        if (!Double.isNaN(v)) {
          sums[s][p.ordinal()] += v;
          counts[s][p.ordinal()]++;
        }
      }
    }

    @Override
    public void onStepDiscarded(Side side) {
      discardedSteps++;
    }

    Map<StepParameter, ParameterSummary> summarise(double forceFloorScale, String forceUnit) {
      Map<StepParameter, ParameterSummary> out = new EnumMap<>(StepParameter.class);
      for (StepParameter p : PARAMETERS) {
        int i = p.ordinal();
        int l = Side.LEFT.ordinal();
        int r = Side.RIGHT.ordinal();
        double left = counts[l][i] > 0 ? sums[l][i] / counts[l][i] : Double.NaN;
        double right = counts[r][i] > 0 ? sums[r][i] / counts[r][i] : Double.NaN;
        double floor = SymmetryTracker.floor(p, forceFloorScale);
        out.put(
            p,
            new ParameterSummary(
                unitOf(p, forceUnit),
                counts[l][i],
                counts[r][i],
                left,
                right,
                floor,
                SymmetryMath.symmetryIndexPercent(left, right, floor),
                SymmetryMath.ratio(left, right, floor),
                SymmetryMath.symmetryAnglePercent(left, right, floor)));
      }
      return out;
    }
  }
}
