package org.gaitctl.app;

import java.io.PrintWriter;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.gaitctl.core.analysis.GaitSettings;
import org.gaitctl.core.gait.StepRecordView;
import org.gaitctl.core.pipeline.LatencyRecorder;
import org.gaitctl.core.pipeline.Pipeline;
import org.gaitctl.core.pipeline.PipelineCounter;
import org.gaitctl.core.pipeline.StageId;
import org.gaitctl.core.pipeline.StepSymmetry;
import org.gaitctl.core.port.StreamCounters;
import org.gaitctl.core.symmetry.StepParameter;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.session.SessionCommand;
import org.gaitctl.session.SessionListener;
import org.gaitctl.session.SessionState;

/**
 * What {@code gaitctl monitor} prints: one line per completed step, and a status block with latency
 * percentiles (cumulative over the session) and the main counters; at the end, the session's
 * counter registry (every pipeline, link, gate, poller, loop and supervisor counter as a name/value
 * table). Printing thread only.
 */
final class MonitorReport implements SessionListener {

  static final String STEP_HEADER =
      "side  step   stride_s stance_s swing_s step_s dblsup_s length_m peak_N"
          + "  | running SI %: stance  step_t  length  peak_F";

  /** Marks a step left out of the running symmetry (the header's explanation names it). */
  static final String SETTLING_MARK = " settling";

  private final PrintWriter out;
  private final NanoClock clock;
  private final SteadyGaitSymmetry steady;
  private final int settlingStrides;
  private final LatencyProbe frameToStep = new LatencyProbe();
  private volatile String startRefusal;
  private final LatencyProbe loadToUnloading = new LatencyProbe();

  /**
   * @param clock the session's clock (the steps' times are on it)
   * @param settlingStrides strides after a speed change left out of the running symmetry
   */
  MonitorReport(PrintWriter out, NanoClock clock, int settlingStrides) {
    this.out = out;
    this.clock = clock;
    this.settlingStrides = settlingStrides;
    GaitSettings gait = GaitSettings.defaults();
    this.steady =
        new SteadyGaitSymmetry(gait.symmetryWindowSteps(), settlingStrides, gait.forceFloorScale());
  }

  /** The column header, and what a settling mark means. */
  void printStepHeader() {
    out.println(STEP_HEADER);
    out.printf(
        Locale.ROOT,
        "(%s: the belt's speed changed less than %d strides ago; left out of the running"
            + " symmetry)%n",
        SETTLING_MARK.strip(),
        settlingStrides);
    out.flush();
  }

  /**
   * One completed step, with the running symmetry over steady gait (the pipeline's own symmetry,
   * which includes every step, goes to the console).
   */
  void printStep(StepRecordView step, StepSymmetry pipelineSymmetry) {
    boolean counted = steady.onStep(step);
    out.printf(
        Locale.ROOT,
        "%-4s %5d %9s %8s %7s %6s %8s %8s %6s  |%-13s%7s %7s %7s %7s%n",
        step.side().letter(),
        step.stepIndex(),
        number(step.strideTimeS(), 3),
        number(step.stanceTimeS(), 3),
        number(step.swingTimeS(), 3),
        number(step.stepTimeS(), 3),
        number(step.doubleSupportS(), 3),
        number(step.stepLengthM(), 3),
        number(step.peakForceN(), 0),
        counted ? "" : SETTLING_MARK,
        signed(steady.indexPct(StepParameter.STANCE_TIME)),
        signed(steady.indexPct(StepParameter.STEP_TIME)),
        signed(steady.indexPct(StepParameter.STEP_LENGTH)),
        signed(steady.indexPct(StepParameter.PEAK_FORCE)));
    out.flush();
  }

  void printStatus(DeviceSession session, StepPrintQueue steps, double elapsedS) {
    Pipeline pipeline = session.pipeline();
    frameToStep.accumulate(pipeline.latency().stepRecord());
    loadToUnloading.accumulate(pipeline.latency().stage(StageId.LOAD_CELL));
    StreamCounters frames = session.pressureBelt().link().counters();
    StreamCounters load = session.loadCell().link().counters();
    out.printf(
        Locale.ROOT,
        "-- %.0f s | frames %d (CRC errors %d, gaps %d) | load samples %d (CRC errors %d, gaps %d)"
            + " | steps %d | ring backlog %d, dropped %d | not printed %d | safety %s%n",
        elapsedS,
        frames.samples(),
        frames.crcErrors(),
        frames.sequenceGaps(),
        load.samples(),
        load.crcErrors(),
        load.sequenceGaps(),
        pipeline.counters().get(PipelineCounter.STEPS),
        pipeline.counters().ringBacklog(),
        pipeline.counters().get(PipelineCounter.EVENTS_DROPPED_RING_FULL),
        steps.notPrinted(),
        session.safety().supervisor().state());
    out.println("   frame arrival -> step record    " + frameToStep.percentiles());
    out.println("   load sample -> unloading        " + loadToUnloading.percentiles());
    out.flush();
  }

  /** Every counter of the session (the registry), for the end of a run. */
  void printCounters(DeviceSession session) {
    out.print(session.counters().toTable());
    out.flush();
  }

  /** Session progress as it happens (session thread; the writer is synchronised). */
  @Override
  public void onStateChanged(SessionState from, SessionState to, String reason) {
    if (to == SessionState.RUNNING) {
      steady.speedSteadySince(clock.nanoTime());
    } else if (to == SessionState.RAMPING_BELT) {
      steady.speedChanging();
    }
    if (to == SessionState.STOPPING || to == SessionState.LATCHED) {
      return; // The printing thread reports the stop once it is complete.
    }
    printLine("Session " + to.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + reason);
  }

  @Override
  public void onCommandRefused(SessionCommand command, String reason) {
    if (command instanceof SessionCommand.Start) {
      startRefusal = reason;
    }
    printLine("Command refused: " + command + ": " + reason);
  }

  /** Why the session control refused the start before arming anything; null if it did not. */
  String startRefusal() {
    return startRefusal;
  }

  void printLine(String line) {
    out.println(line);
    out.flush();
  }

  private static String number(double value, int decimals) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static String signed(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%+.1f", value);
  }

  /** Session-long percentiles of one latency recorder, read without disturbing its writer. */
  private static final class LatencyProbe {
    private Histogram total;
    private Histogram interval;

    void accumulate(LatencyRecorder recorder) {
      if (total == null) {
        total = recorder.newAccumulator();
      }
      interval = recorder.intervalHistogram(interval);
      total.add(interval);
    }

    String percentiles() {
      if (total.getTotalCount() == 0) {
        return "no samples yet";
      }
      return String.format(
          Locale.ROOT,
          "p50 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  max %.3f ms  (n=%d)",
          total.getValueAtPercentile(50) / 1e6,
          total.getValueAtPercentile(99) / 1e6,
          total.getValueAtPercentile(99.9) / 1e6,
          total.getMaxValue() / 1e6,
          total.getTotalCount());
    }
  }
}
