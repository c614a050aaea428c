package org.gaitctl.hmi.console;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;

/** A key number readable from two metres: caption, large value, unit, and a small second line. */
final class BigNumber extends JPanel {

  private static final Font VALUE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 56);
  private static final Font CAPTION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 16);

  private final JLabel value = new JLabel(ConsoleFormat.UNKNOWN, SwingConstants.CENTER);
  private final JLabel detail = new JLabel(" ", SwingConstants.CENTER);

  BigNumber(String name, String caption, String unit) {
    super(new BorderLayout());
    setName(name);
    value.setName(name + "Value");
    detail.setName(name + "Detail");
    value.setFont(VALUE_FONT);
    JLabel top =
        new JLabel(caption + (unit.isEmpty() ? "" : " (" + unit + ")"), SwingConstants.CENTER);
    top.setFont(CAPTION_FONT);
    detail.setFont(CAPTION_FONT);
    detail.setForeground(Color.DARK_GRAY);
    add(top, BorderLayout.NORTH);
    add(value, BorderLayout.CENTER);
    add(detail, BorderLayout.SOUTH);
    setBorder(BorderFactory.createEmptyBorder(4, 12, 4, 12));
  }

  void show(String valueText, String detailText) {
    value.setText(valueText);
    detail.setText(detailText.isEmpty() ? " " : detailText);
  }
}
