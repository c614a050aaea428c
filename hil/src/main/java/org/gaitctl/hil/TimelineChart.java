package org.gaitctl.hil;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A scenario's timeline as a PNG: the belt's speed and the harness cable's tension (the unloading)
 * from the emulators' samples, with the injection, the watchdog trips and latched faults marked.
 * Time is seconds from the first sample.
 */
final class TimelineChart {

  private static final int WIDTH_PX = 1000;
  private static final int HEIGHT_PX = 400;

  private TimelineChart() {}

  static void write(EmulatorLog log, OptionalLong injectionNs, String title, Path png)
      throws IOException {
    List<EmulatorLog.Sample> samples = log.samples();
    long originNs = samples.get(0).timeNs();
    XYSeries belt = new XYSeries("belt speed (m/s)");
    XYSeries tension = new XYSeries("harness tension (N)");
    for (EmulatorLog.Sample s : samples) {
      double t = seconds(s.timeNs(), originNs);
      belt.add(t, s.fastestBeltMps());
      tension.add(t, s.tensionN());
    }
    NumberAxis time = new NumberAxis("time (s)");
    NumberAxis speedAxis = new NumberAxis("belt speed (m/s)");
    NumberAxis forceAxis = new NumberAxis("harness tension (N)");
    XYPlot plot =
        new XYPlot(new XYSeriesCollection(belt), time, speedAxis, line(new Color(0x1f77b4)));
    plot.setRangeAxis(1, forceAxis);
    plot.setDataset(1, new XYSeriesCollection(tension));
    plot.mapDatasetToRangeAxis(1, 1);
    plot.setRenderer(1, line(new Color(0xff7f0e)));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    if (injectionNs.isPresent()) {
      plot.addDomainMarker(
          marker(seconds(injectionNs.getAsLong(), originNs), "injection", Color.RED));
    }
    for (EmulatorLog.Event event : log.events()) {
      if (event.type().equals("watchdog")) {
        plot.addDomainMarker(
            marker(seconds(event.timeNs(), originNs), event.device() + " watchdog", Color.MAGENTA));
      } else if (event.type().equals("latch")) {
        plot.addDomainMarker(
            marker(
                seconds(event.timeNs(), originNs),
                event.device() + " fault " + event.code(),
                Color.DARK_GRAY));
      }
    }
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH_PX, HEIGHT_PX);
  }

  private static double seconds(long timeNs, long originNs) {
    return (timeNs - originNs) / 1e9;
  }

  private static XYLineAndShapeRenderer line(Color color) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setSeriesPaint(0, color);
    renderer.setSeriesStroke(0, new BasicStroke(1.5f));
    return renderer;
  }

  private static ValueMarker marker(double atS, String label, Color color) {
    ValueMarker marker = new ValueMarker(atS, color, new BasicStroke(1f));
    marker.setLabel(label);
    marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    return marker;
  }
}
