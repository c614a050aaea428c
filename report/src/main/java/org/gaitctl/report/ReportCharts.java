package org.gaitctl.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.gaitctl.core.analysis.StepRow;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.symmetry.StepParameter;
import org.gaitctl.hmi.SideColours;
import org.gaitctl.hmi.console.SymmetryBands;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's charts, built with JFreeChart and drawn by {@link PdfReportWriter} as vectors. Left
 * and right in {@link SideColours}; the ratio charts' minimal-detectable-change bands from {@link
 * SymmetryBands}, the console's source of them.
 */
final class ReportCharts {

  private static final Color BAND = new Color(0xE0, 0xE0, 0xE0);
  private static final Color RATIO = new Color(0x33, 0x33, 0x33);
  private static final Color TARGET = new Color(0x00, 0x9E, 0x73);

  private ReportCharts() {}

  /** {@code p}'s L/R ratio over the session with 1 ± MDC shaded where an MDC is published. */
  static JFreeChart ratio(StepParameter p, TimeSeries ratios) {
    XYSeries series = new XYSeries("L/R");
    for (int i = 0; i < ratios.size(); i++) {
      series.add(ratios.timeS()[i], ratios.values()[i]);
    }
    String title =
        SymmetryBands.title(p)
            + SymmetryBands.mdcBand(p)
                .map(b -> String.format(Locale.ROOT, " (band: MDC %.2f)", (b.high() - b.low()) / 2))
                .orElse("");
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title,
            "time [s]",
            "L/R",
            new XYSeriesCollection(series),
            PlotOrientation.VERTICAL,
            false,
            false,
            false);
    XYPlot plot = plainPlot(chart);
    plot.getRenderer().setSeriesPaint(0, RATIO);
    SymmetryBands.mdcBand(p)
        .ifPresent(b -> plot.addRangeMarker(new IntervalMarker(b.low(), b.high(), BAND)));
    ValueMarker symmetric = new ValueMarker(1.0, Color.GRAY, new BasicStroke(0.5f));
    plot.addRangeMarker(symmetric);
    return chart;
  }

  /** Filtered unloading over the session, % BW, with each stage's target. */
  static JFreeChart unloading(TimeSeries percentBw, List<StageReport> stages) {
    XYSeries measured = new XYSeries("measured");
    for (int i = 0; i < percentBw.size(); i++) {
      measured.add(percentBw.timeS()[i], percentBw.values()[i]);
    }
    XYSeries target = new XYSeries("target");
    for (StageReport s : stages) {
      if (Double.isFinite(s.targetUnloadingPercentBw())) {
        target.add(s.startS(), s.targetUnloadingPercentBw());
        target.add(s.endS(), s.targetUnloadingPercentBw());
      }
    }
    XYSeriesCollection data = new XYSeriesCollection(measured);
    data.addSeries(target);
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "Measured unloading",
            "time [s]",
            "unloading [% BW]",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = plainPlot(chart);
    plot.getRenderer().setSeriesPaint(0, RATIO);
    plot.getRenderer().setSeriesPaint(1, TARGET);
    return chart;
  }

  /** {@code p} per step over the session, left and right in their colours. */
  static JFreeChart perSide(StepParameter p, List<StepRow> steps) {
    XYSeries left = new XYSeries("left");
    XYSeries right = new XYSeries("right");
    for (StepRow s : steps) {
      double v = StepValues.of(p, s);
      if (Double.isFinite(v)) {
        (s.side() == Side.LEFT ? left : right).add(s.heelStrikeS(), v);
      }
    }
    XYSeriesCollection data = new XYSeriesCollection(left);
    data.addSeries(right);
    String title = SymmetryBands.title(p).replace(" L/R", "") + " per step";
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title, "time [s]", p.unit(), data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = plainPlot(chart);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    renderer.setSeriesPaint(0, SideColours.LEFT);
    renderer.setSeriesPaint(1, SideColours.RIGHT);
    plot.setRenderer(renderer);
    return chart;
  }

  private static XYPlot plainPlot(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return plot;
  }
}
