package org.gaitctl.hmi.console;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepRecordView;
import org.gaitctl.core.pipeline.StepSymmetry;
import org.gaitctl.core.symmetry.StepParameter;

/**
 * The last {@link #CAPACITY} steps for the symmetry charts: for each, its number, its side, and the
 * rolling left/right ratio of every charted quantity after it. Copies the values out of the step
 * feed's reused holders. EDT only.
 */
public final class StepHistory {

  /** Steps kept for the charts. */
  public static final int CAPACITY = 60;

  private final Deque<Point> points = new ArrayDeque<>(CAPACITY);
  private long stepsSeen;
  private double lastCadenceStepsPerMin = Double.NaN;

  /** Adds a completed step with the symmetry after it; drops the oldest beyond the capacity. */
  public void add(StepRecordView step, StepSymmetry symmetry) {
    add(step.side(), step.cadenceStepsPerMin(), symmetry::ratio);
  }

  /**
   * Adds a step of {@code side} with the cadence and the left/right ratios after it.
   *
   * @param cadenceStepsPerMin cadence after the step; NaN when unknown (the last one is kept)
   * @param ratio the rolling left/right ratio of each quantity; NaN where not meaningful
   */
  public void add(Side side, double cadenceStepsPerMin, ToDoubleFunction<StepParameter> ratio) {
    Map<StepParameter, Double> ratios = new EnumMap<>(StepParameter.class);
    for (StepParameter p : SymmetryBands.CHARTED) {
      ratios.put(p, ratio.applyAsDouble(p));
    }
    if (points.size() == CAPACITY) {
      points.removeFirst();
    }
    stepsSeen++;
    points.addLast(new Point(stepsSeen, side, ratios));
    if (Double.isFinite(cadenceStepsPerMin)) {
      lastCadenceStepsPerMin = cadenceStepsPerMin;
    }
  }

  /** Empties the charts for a new run; the count since the console opened goes on. */
  public void clear() {
    points.clear();
    lastCadenceStepsPerMin = Double.NaN;
  }

  /** Steps added since the console opened. */
  public long stepsSeen() {
    return stepsSeen;
  }

  /** Cadence after the latest step, steps/min; NaN before the first. */
  public double cadenceStepsPerMin() {
    return lastCadenceStepsPerMin;
  }

  /** The kept steps, oldest first. */
  public Iterable<Point> points() {
    return points;
  }

  public int size() {
    return points.size();
  }

  /**
   * One step on the charts.
   *
   * @param number the step's number since the console opened, from 1
   * @param side the foot whose step it was
   * @param ratios the left/right ratio of each charted quantity after it (NaN: not meaningful)
   */
  public record Point(long number, Side side, Map<StepParameter, Double> ratios) {

    public double ratio(StepParameter p) {
      return ratios.getOrDefault(p, Double.NaN);
    }
  }
}
