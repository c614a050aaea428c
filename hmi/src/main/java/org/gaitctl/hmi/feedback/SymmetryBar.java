package org.gaitctl.hmi.feedback;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.JComponent;
import org.gaitctl.hmi.SideColours;

/**
 * The symmetry target bar: the patient's left at the left end, right at the right end, the target
 * zone as a green band in the middle and a marker on the weaker side, in that side's colour. Drawn
 * from a {@link PatientFeedbackState} only; nothing is computed here.
 */
final class SymmetryBar extends JComponent {

  /** Okabe-Ito bluish green: apart from both side colours for every colour vision. */
  static final Color ZONE = new Color(0x00, 0x9E, 0x73);

  static final Color TRACK = new Color(0x33, 0x33, 0x33);

  private PatientFeedbackState state;

  SymmetryBar() {
    setOpaque(false);
    setPreferredSize(new Dimension(800, 120));
  }

  /** Shows {@code newState}; EDT only. */
  void show(PatientFeedbackState newState) {
    state = newState;
    setVisible(newState.verdict() != SymmetryVerdict.NO_TARGET);
    repaint();
  }

  /** What is drawn now; EDT only. */
  PatientFeedbackState shownState() {
    return state;
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    if (state == null || state.verdict() == SymmetryVerdict.NO_TARGET) {
      return;
    }
    Graphics2D g = (Graphics2D) graphics.create();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      int height = getHeight();
      g.setFont(getFont().deriveFont(Font.BOLD, height * 0.3f));
      FontMetrics metrics = g.getFontMetrics();
      int labelWidth = metrics.stringWidth("RIGHT") + height / 4;
      int trackX = labelWidth;
      int trackWidth = Math.max(1, getWidth() - 2 * labelWidth);
      int trackY = height / 4;
      int trackHeight = height / 2;
      int textY = trackY + (trackHeight + metrics.getAscent() - metrics.getDescent()) / 2;

      g.setColor(SideColours.LEFT);
      g.drawString("LEFT", (labelWidth - metrics.stringWidth("LEFT")) / 2, textY);
      g.setColor(SideColours.RIGHT);
      g.drawString(
          "RIGHT", trackX + trackWidth + (labelWidth - metrics.stringWidth("RIGHT")) / 2, textY);

      g.setColor(TRACK);
      g.fillRect(trackX, trackY, trackWidth, trackHeight);
      int zoneLeft = trackX + (int) Math.round(state.zoneLowPosition() * trackWidth);
      int zoneRight = trackX + (int) Math.round(state.zoneHighPosition() * trackWidth);
      g.setColor(ZONE);
      g.fillRect(zoneLeft, trackY, zoneRight - zoneLeft, trackHeight);
      g.setColor(Color.WHITE);
      g.setStroke(new BasicStroke(Math.max(2f, height / 40f)));
      g.drawRect(trackX, trackY, trackWidth, trackHeight);

      if (!Double.isNaN(state.markerPosition())) {
        int markerWidth = Math.max(8, trackWidth / 25);
        int centreX = trackX + (int) Math.round(state.markerPosition() * trackWidth);
        g.setColor(state.weakerSide().map(SideColours::of).orElse(Color.WHITE));
        g.fillRect(centreX - markerWidth / 2, height / 10, markerWidth, height - height / 5);
        g.setColor(Color.WHITE);
        g.drawRect(centreX - markerWidth / 2, height / 10, markerWidth, height - height / 5);
      }
    } finally {
      g.dispose();
    }
  }
}
