package org.gaitctl.core.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitctl.core.contact.DriftSettings;
import org.gaitctl.core.gait.EventSettings;
import org.gaitctl.core.gait.FootEventDetector;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepRecordView;
import org.gaitctl.core.recording.ForceRecording;
import org.gaitctl.core.recording.ReferenceEvent;
import org.gaitctl.core.symmetry.StepParameter;
import org.gaitctl.core.symmetry.SymmetryMath;

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
    List<StepRow> steps = new ArrayList<>();
    List<DetectedEvent> detected = new ArrayList<>();
    Accumulator accumulator = new Accumulator();
    GaitAnalyzer analyzer =
        new GaitAnalyzer(
            gait,
            null,
            (side, kind, timeNs) ->
                detected.add(
                    new DetectedEvent(
                        side,
                        kind == FootEventDetector.HEEL_STRIKE
                            ? ReferenceEvent.Kind.HEEL_STRIKE
                            : ReferenceEvent.Kind.TOE_OFF,
                        timeNs * 1e-9)),
            step -> {
              steps.add(StepRow.of(step));
              accumulator.add(step);
            });
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
    for (DetectedEvent e : detected) {
      heelStrikes += e.kind() == ReferenceEvent.Kind.HEEL_STRIKE ? 1 : 0;
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
            detected.size() - heelStrikes,
            accumulator.steps[0],
            accumulator.steps[1],
            analyzer.steps().discardedSteps(),
            accumulator.summarise(analyzer));
    return new AnalysisReport(steps, detected, summary);
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

  /** Whole-recording sums per side and parameter. */
  private static final class Accumulator {
    final int[] steps = new int[2];
    final double[][] sums = new double[2][PARAMETERS.length];
    final int[][] counts = new int[2][PARAMETERS.length];

    void add(StepRecordView step) {
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

    Map<StepParameter, ParameterSummary> summarise(GaitAnalyzer analyzer) {
      Map<StepParameter, ParameterSummary> out = new EnumMap<>(StepParameter.class);
      for (StepParameter p : PARAMETERS) {
        int i = p.ordinal();
        int l = Side.LEFT.ordinal();
        int r = Side.RIGHT.ordinal();
        double left = counts[l][i] > 0 ? sums[l][i] / counts[l][i] : Double.NaN;
        double right = counts[r][i] > 0 ? sums[r][i] / counts[r][i] : Double.NaN;
        double floor = analyzer.symmetry().floor(p);
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
