package org.gaitctl.hmi.console;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Optional;
import org.gaitctl.config.protocol.SymmetryTarget;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.symmetry.StepParameter;
import org.gaitctl.hmi.SideColours;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One quantity's rolling left/right ratio over the last {@link StepHistory#CAPACITY} steps: points
 * in the colour of the foot whose step it was, 1.0 (symmetric) as a line, the minimal detectable
 * change as a grey band and the protocol's target zone, where it has one, as a green band.
 */
final class SymmetryChart {

  private static final Color MDC_BAND = new Color(0, 0, 0, 28);
  private static final Color TARGET_ZONE = new Color(0, 158, 115, 45);

  private final StepParameter parameter;
  private final XYSeries left = new XYSeries("left", false, true);
  private final XYSeries right = new XYSeries("right", false, true);
  private final XYPlot plot;
  private final ChartPanel panel;
  private IntervalMarker target;

  SymmetryChart(StepParameter parameter) {
    this.parameter = parameter;
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(left);
    data.addSeries(right);
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            SymmetryBands.title(parameter),
            "step",
            "ratio",
            data,
            PlotOrientation.VERTICAL,
            false,
            false,
            false);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    plot = chart.getXYPlot();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    renderer.setSeriesPaint(0, SideColours.LEFT);
    renderer.setSeriesPaint(1, SideColours.RIGHT);
    plot.setRenderer(renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.getRangeAxis().setRange(0.6, 1.4);
    plot.addRangeMarker(new ValueMarker(1.0, Color.DARK_GRAY, new BasicStroke(1f)));
    SymmetryBands.mdcBand(parameter)
        .ifPresent(
            band ->
                plot.addRangeMarker(
                    new IntervalMarker(band.low(), band.high(), MDC_BAND), Layer.BACKGROUND));
    panel = new ChartPanel(chart, false);
    panel.setName("symmetry-" + parameter.name());
    panel.setMouseWheelEnabled(false);
    panel.setPopupMenu(null);
  }

  ChartPanel panel() {
    return panel;
  }

  /** The protocol's target zone (none when it has none). EDT. */
  void setTarget(Optional<SymmetryTarget> symmetryTarget) {
    if (target != null) {
      plot.removeRangeMarker(target, Layer.BACKGROUND);
      target = null;
    }
    Optional<SymmetryBands.RatioBand> band = SymmetryBands.targetBand(parameter, symmetryTarget);
    if (band.isPresent()) {
      target = new IntervalMarker(band.get().low(), band.get().high(), TARGET_ZONE);
      plot.addRangeMarker(target, Layer.BACKGROUND);
    }
  }

  /** Redraws from the kept steps. EDT. */
  void refresh(StepHistory history) {
    left.setNotify(false);
    right.setNotify(false);
    left.clear();
    right.clear();
    double low = 0.6;
    double high = 1.4;
    for (StepHistory.Point point : history.points()) {
      double ratio = point.ratio(parameter);
      if (Double.isFinite(ratio)) {
        (point.side() == Side.LEFT ? left : right).add(point.number(), ratio);
        low = Math.min(low, ratio - 0.05);
        high = Math.max(high, ratio + 0.05);
      }
    }
    plot.getRangeAxis().setRange(low, high);
    left.setNotify(true);
    right.setNotify(true);
  }
}
