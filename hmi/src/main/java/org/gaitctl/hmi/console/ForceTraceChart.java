package org.gaitctl.hmi.console;

import java.awt.BasicStroke;
import java.awt.Color;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.pipeline.SignalHistories;
import org.gaitctl.core.pipeline.SignalWindow;
import org.gaitctl.hmi.SideColours;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * Left and right vertical foot force over the last {@link #WINDOW_S} s, newest at 0 on the right.
 * Refilled from the pipeline's signal histories on the EDT without locks (a lapped read shows a
 * shorter window, never a torn pair).
 */
final class ForceTraceChart {

  static final double WINDOW_S = 5;
  private static final long WINDOW_NS = (long) (WINDOW_S * 1e9);
  private static final int MAX_POINTS = 4096;

  private final Traces traces = new Traces();
  private final ChartPanel panel;

  ForceTraceChart() {
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "Vertical force, last 5 s",
            "s",
            "N",
            traces,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    // Redrawn 30 times a second on a machine whose cores the controller needs: no anti-aliasing.
    chart.setAntiAlias(false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    // One path per foot instead of a line object per pair: a fraction of the drawing time.
    renderer.setDrawSeriesLineAsPath(true);
    renderer.setSeriesPaint(0, SideColours.LEFT);
    renderer.setSeriesPaint(1, SideColours.RIGHT);
    renderer.setSeriesStroke(0, new BasicStroke(2f));
    renderer.setSeriesStroke(1, new BasicStroke(2f));
    plot.setRenderer(renderer);
    plot.getDomainAxis().setRange(-WINDOW_S, 0);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    panel = new ChartPanel(chart, false);
    panel.setName("forceChart");
    panel.setMouseWheelEnabled(false);
    panel.setPopupMenu(null);
  }

  ChartPanel panel() {
    return panel;
  }

  /** EDT: copies the newest window of both feet and redraws. */
  void refresh(SignalHistories histories) {
    traces.left.read(histories, Side.LEFT);
    traces.right.read(histories, Side.RIGHT);
    long newestNs = Math.max(traces.left.newestNs(), traces.right.newestNs());
    traces.left.relativeTo(newestNs);
    traces.right.relativeTo(newestNs);
    traces.changed();
  }

  /** One foot's window, in seconds before the newest pair of either foot. */
  private static final class Trace {
    private final SignalWindow window = new SignalWindow(MAX_POINTS);
    private final double[] xS = new double[MAX_POINTS];
    private int count;

    void read(SignalHistories histories, Side side) {
      count = histories.footForce(side).readLast(WINDOW_NS, window);
    }

    long newestNs() {
      return count == 0 ? Long.MIN_VALUE : window.timeNs(count - 1);
    }

    void relativeTo(long newestNs) {
      for (int i = 0; i < count; i++) {
        xS[i] = (window.timeNs(i) - newestNs) * 1e-9;
      }
    }
  }

  private static final class Traces extends AbstractXYDataset {
    private final Trace left = new Trace();
    private final Trace right = new Trace();

    private Trace trace(int series) {
      return series == 0 ? left : right;
    }

    void changed() {
      fireDatasetChanged();
    }

    @Override
    public int getSeriesCount() {
      return 2;
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
      return series == 0 ? "left" : "right";
    }

    @Override
    public int getItemCount(int series) {
      return trace(series).count;
    }

    @Override
    public Number getX(int series, int item) {
      return trace(series).xS[item];
    }

    @Override
    public double getXValue(int series, int item) {
      return trace(series).xS[item];
    }

    @Override
    public Number getY(int series, int item) {
      return trace(series).window.value(item);
    }

    @Override
    public double getYValue(int series, int item) {
      return trace(series).window.value(item);
    }
  }
}
