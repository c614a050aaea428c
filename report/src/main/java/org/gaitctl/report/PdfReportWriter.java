package org.gaitctl.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.symmetry.StepParameter;
import org.gaitctl.hmi.SideColours;
import org.gaitctl.hmi.console.SymmetryBands;
import org.jfree.chart.JFreeChart;

/**
 * Writes a {@link SessionReport} as a PDF: header (patient, body mass, protocol), stages, per-side
 * step metrics with symmetry, the ratio charts with their MDC bands, the unloading over time, and
 * the events. Charts are drawn through OpenPDF's Graphics2D, so they stay vectors.
 */
public final class PdfReportWriter {

  private static final float CHART_WIDTH_PT = 520;
  private static final float CHART_HEIGHT_PT = 190;
  private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
  private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD);
  private static final Font BODY = new Font(Font.HELVETICA, 9, Font.NORMAL);
  private static final Font CELL_HEAD = new Font(Font.HELVETICA, 8, Font.BOLD);
  private static final Font CELL = new Font(Font.HELVETICA, 8, Font.NORMAL);

  private PdfReportWriter() {}

  /** Writes {@code report} to {@code out} (not closed). */
  public static void write(SessionReport report, OutputStream out) throws IOException {
    Document document = new Document(PageSize.A4, 36, 36, 36, 36);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      writer.setCloseStream(false);
      document.addTitle("gaitctl session report " + report.patientId());
      document.open();
      header(document, report);
      stages(document, report);
      sideMetrics(document, report);
      document.newPage();
      document.add(new Paragraph("Symmetry over the session", HEADING));
      for (StepParameter p : SymmetryBands.CHARTED) {
        chart(document, writer, ReportCharts.ratio(p, report.ratios().get(p)));
      }
      document.newPage();
      document.add(new Paragraph("Unloading and steps", HEADING));
      chart(document, writer, ReportCharts.unloading(report.unloadingPercentBw(), report.stages()));
      chart(document, writer, ReportCharts.perSide(StepParameter.STANCE_TIME, report.steps()));
      chart(document, writer, ReportCharts.perSide(StepParameter.STEP_LENGTH, report.steps()));
      document.newPage();
      events(document, report);
    } catch (DocumentException e) {
      throw new IOException("the report PDF cannot be written: " + e.getMessage(), e);
    } finally {
      if (document.isOpen()) {
        document.close();
      }
    }
  }

  private static void header(Document document, SessionReport r) {
    document.add(new Paragraph("gaitctl session report", TITLE));
    long left = r.steps().stream().filter(s -> s.side() == Side.LEFT).count();
    document.add(
        new Paragraph(
            String.format(
                Locale.ROOT,
                "Patient: %s    Body mass: %.1f kg%nProtocol: %s%nStarted: %s    Duration: %.1f s"
                    + "    gaitctl %s%nSteps: %d (left %d, right %d)%nJournal: %s",
                r.patientId(),
                r.bodyMassKg(),
                r.protocolName(),
                r.sessionStart(),
                r.durationS(),
                r.softwareVersion(),
                r.steps().size(),
                left,
                r.steps().size() - left,
                r.readResult().describe()),
            BODY));
  }

  private static void stages(Document document, SessionReport r) {
    document.add(new Paragraph("Stages", HEADING));
    PdfPTable table =
        table(
            new float[] {3, 1.3f, 1.3f, 2.2f, 1.5f, 1.3f, 1.3f, 1.3f, 1.3f, 1.3f, 1},
            "stage",
            "from s",
            "to s",
            "set speed",
            "measured m/s",
            "set incl. %",
            "meas. incl. %",
            "target % BW",
            "mean % BW",
            "RMS err % BW",
            "steps");
    for (StageReport s : r.stages()) {
      cells(
          table,
          (s.index() + 1) + " " + s.name(),
          number(s.startS(), 1),
          number(s.endS(), 1),
          s.setSpeed(),
          number(s.measuredSpeedMeanMps(), 2),
          number(s.setInclinePercent(), 1),
          number(s.measuredInclineMeanPercent(), 1),
          number(s.targetUnloadingPercentBw(), 1),
          number(s.measuredUnloadingMeanPercentBw(), 1),
          number(s.unloadingErrorRmsPercentBw(), 2),
          Integer.toString(s.steps()));
    }
    document.add(table);
  }

  private static void sideMetrics(Document document, SessionReport r) {
    document.add(new Paragraph("Step metrics per side", HEADING));
    PdfPTable table = table(new float[] {3, 1.5f, 1.5f, 1.5f, 1.5f});
    headingCells(table, "parameter");
    table.addCell(sideHeading("left", SideColours.LEFT));
    table.addCell(sideHeading("right", SideColours.RIGHT));
    headingCells(table, "SI %", "L/R");
    table.setHeaderRows(1);
    for (SideMetric m : r.sideMetrics()) {
      int decimals = m.parameter().isForce() ? 1 : 3;
      cells(
          table,
          m.parameter().name().toLowerCase(Locale.ROOT) + " [" + m.parameter().unit() + "]",
          number(m.leftMean(), decimals),
          number(m.rightMean(), decimals),
          number(m.symmetryIndexPercent(), 1),
          number(m.ratio(), 3));
    }
    document.add(table);
    document.add(
        new Paragraph(
            "SI = 200 (L - R) / (L + R). Ratio charts shade 1 +/- the minimal detectable change"
                + " (Lewek & Randall 2011): step length 0.15, swing time 0.26, stance time 0.09.",
            BODY));
  }

  private static void events(Document document, SessionReport r) {
    document.add(new Paragraph("Faults, stops and operator actions", HEADING));
    PdfPTable table = table(new float[] {1.2f, 1.2f, 8}, "time s", "kind", "what");
    for (SessionEvent e : r.events()) {
      cells(table, number(e.timeS(), 2), e.kind(), e.text());
    }
    if (r.events().isEmpty()) {
      cells(table, "-", "-", "none journaled");
    }
    document.add(table);
  }

  private static void chart(Document document, PdfWriter writer, JFreeChart chart) {
    PdfContentByte content = writer.getDirectContent();
    PdfTemplate template = content.createTemplate(CHART_WIDTH_PT, CHART_HEIGHT_PT);
    Graphics2D g = template.createGraphics(CHART_WIDTH_PT, CHART_HEIGHT_PT);
    try {
      chart.draw(g, new Rectangle2D.Double(0, 0, CHART_WIDTH_PT, CHART_HEIGHT_PT));
    } finally {
      g.dispose();
    }
    Image image = Image.getInstance(template);
    image.setAlignment(Element.ALIGN_CENTER);
    document.add(image);
  }

  private static PdfPTable table(float[] widths, String... headings) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setSpacingBefore(4);
    table.setSpacingAfter(8);
    headingCells(table, headings);
    if (headings.length > 0) {
      table.setHeaderRows(1);
    }
    return table;
  }

  private static void headingCells(PdfPTable table, String... headings) {
    for (String heading : headings) {
      table.addCell(new PdfPCell(new Phrase(heading, CELL_HEAD)));
    }
  }

  private static PdfPCell sideHeading(String text, Color colour) {
    return new PdfPCell(
        new Phrase(new Chunk(text, new Font(Font.HELVETICA, 8, Font.BOLD, colour))));
  }

  private static void cells(PdfPTable table, String... texts) {
    for (String text : texts) {
      table.addCell(new PdfPCell(new Phrase(text, CELL)));
    }
  }

  private static String number(double value, int decimals) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "-";
  }
}
