package org.gaitctl.core.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
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
 * events and a summary. Recordings not in newtons use thresholds relative to each foot's running
 * force range, and their summary says so.
 *
 * <p>Not for the live path: allocates freely. Any thread; one call at a time per instance.
 */
public final class OfflineAnalysis {

  /** Force floors of symmetry scale with this fraction of the largest force in a non-N file. */
  private static final double RELATIVE_FORCE_FLOOR_FRACTION = 0.05;

  private static final StepParameter[] PARAMETERS = StepParameter.values();

  private final AnalysisSettings settings;

  public OfflineAnalysis(AnalysisSettings settings) {
    this.settings = settings;
  }

  public AnalysisReport run(ForceRecording recording) {
    EventSettings events = settings.eventsFor(recording);
    double forceFloorScale = recording.isNewtons() ? 1.0 : relativeFloorScale(recording);
    GaitSettings gait =
        GaitSettings.defaults()
            .withEvents(events)
            .withDrift(DriftSettings.disabled())
            .withForceFloorScale(forceFloorScale);
    Collector collector = new Collector();
    GaitAnalyzer analyzer = new GaitAnalyzer(gait, null, collector);
    double[] time = recording.timeS();
    for (int i = 0; i < time.length; i++) {
      long timeNs = Math.round(time[i] * 1e9);
      if (recording.beltSpeedMps() != null) {
        analyzer.onBeltSpeed(timeNs, recording.beltSpeedMps()[i]);
      }
      analyzer.onFootForces(
          timeNs,
          recording.leftFz()[i],
          recording.rightFz()[i],
          recording.leftCopApM() == null ? Double.NaN : recording.leftCopApM()[i],
          recording.rightCopApM() == null ? Double.NaN : recording.rightCopApM()[i]);
    }
    int heelStrikes = 0;
    for (DetectedEvent e : collector.events) {
      heelStrikes += e.kind() == GaitEventKind.HEEL_STRIKE ? 1 : 0;
    }
    String note =
        recording.isNewtons()
            ? ""
            : "forces are in "
                + recording.forceUnit()
                + ", not newtons: thresholds were "
                + percent(events.heelStrikeFraction())
                + " / "
                + percent(events.toeOffFraction())
                + " of each foot's running force range, and force values are in "
                + recording.forceUnit();
    AnalysisSummary summary =
        new AnalysisSummary(
            recording.source(),
            recording.forceUnit(),
            note,
            heelStrikes,
            collector.events.size() - heelStrikes,
            collector.steps[0],
            collector.steps[1],
            collector.discardedSteps,
            collector.summarise(forceFloorScale));
    return new AnalysisReport(collector.rows, collector.events, summary);
  }

  private static String percent(double fraction) {
    return Math.round(fraction * 100) + " %";
  }

  private static double relativeFloorScale(ForceRecording recording) {
    double max = 0;
    for (double v : recording.leftFz()) {
      max = Math.max(max, Math.abs(v));
    }
    for (double v : recording.rightFz()) {
      max = Math.max(max, Math.abs(v));
    }
    double scale = RELATIVE_FORCE_FLOOR_FRACTION * max / StepParameter.PEAK_FORCE.defaultFloor();
    return scale > 0 ? scale : 1.0;
  }

  /** The analyzer's sink: every event and step row, and whole-recording sums per side. */
  private static final class Collector implements GaitAnalysisSink {
    final List<StepRow> rows = new ArrayList<>();
    final List<DetectedEvent> events = new ArrayList<>();
    final int[] steps = new int[2];
    final double[][] sums = new double[2][PARAMETERS.length];
    final int[][] counts = new int[2][PARAMETERS.length];
    long discardedSteps;

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
      rows.add(StepRow.of(step));
      int s = step.side().ordinal();
      steps[s]++;
      for (StepParameter p : PARAMETERS) {
        double v = p.of(step);
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

    Map<StepParameter, ParameterSummary> summarise(double forceFloorScale) {
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
                p.unit(),
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
