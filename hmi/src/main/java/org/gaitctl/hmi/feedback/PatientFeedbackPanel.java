package org.gaitctl.hmi.feedback;

import java.awt.Color;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;

/**
 * The patient's view, readable from 2-3 m: white on black, type sized from the panel's height (the
 * time left and the step count in the largest), top to bottom: time left, stage, the symmetry
 * quantity, its bar, what to do, steps. Shows a {@link PatientFeedbackState}; EDT only.
 */
final class PatientFeedbackPanel extends JPanel {

  static final String TIME_LEFT = "patientFeedback.timeLeft";
  static final String STAGE = "patientFeedback.stage";
  static final String PARAMETER = "patientFeedback.parameter";
  static final String BAR = "patientFeedback.bar";
  static final String INSTRUCTION = "patientFeedback.instruction";
  static final String STEPS = "patientFeedback.steps";

  /** Each row's share of the height; a row's type is sized from its share. */
  private static final double TIME_LEFT_WEIGHT = 2.0;

  private static final double STAGE_WEIGHT = 1.0;
  private static final double PARAMETER_WEIGHT = 1.0;
  private static final double BAR_WEIGHT = 2.0;
  private static final double INSTRUCTION_WEIGHT = 1.5;
  private static final double STEPS_WEIGHT = 2.0;
  private static final double TOTAL_WEIGHT =
      TIME_LEFT_WEIGHT
          + STAGE_WEIGHT
          + PARAMETER_WEIGHT
          + BAR_WEIGHT
          + INSTRUCTION_WEIGHT
          + STEPS_WEIGHT;

  /** Cap height of the type as a share of its row. */
  private static final float TYPE_SHARE_OF_ROW = 0.7f;

  /** The widest a line of text may be, as a share of the panel's width. */
  private static final float WIDTH_SHARE = 0.95f;

  private final JLabel timeLeft = label(TIME_LEFT);
  private final JLabel stage = label(STAGE);
  private final JLabel parameter = label(PARAMETER);
  private final SymmetryBar bar = new SymmetryBar();
  private final JLabel instruction = label(INSTRUCTION);
  private final JLabel steps = label(STEPS);

  PatientFeedbackPanel() {
    super(new GridBagLayout());
    setBackground(Color.BLACK);
    bar.setName(BAR);
    int row = 0;
    addRow(timeLeft, row++, TIME_LEFT_WEIGHT);
    addRow(stage, row++, STAGE_WEIGHT);
    addRow(parameter, row++, PARAMETER_WEIGHT);
    addRow(bar, row++, BAR_WEIGHT);
    addRow(instruction, row++, INSTRUCTION_WEIGHT);
    addRow(steps, row, STEPS_WEIGHT);
    addComponentListener(
        new ComponentAdapter() {
          @Override
          public void componentResized(ComponentEvent e) {
            sizeType();
          }
        });
  }

  void show(PatientFeedbackState state) {
    timeLeft.setText(state.timeLeftText());
    stage.setText(state.stageName());
    parameter.setText(
        state.verdict() == SymmetryVerdict.NO_TARGET ? " " : state.parameter().displayName());
    bar.show(state);
    instruction.setText(state.instruction());
    steps.setText(state.stepsText());
    sizeType();
  }

  private void addRow(JComponent component, int row, double weight) {
    GridBagConstraints constraints = new GridBagConstraints();
    constraints.gridx = 0;
    constraints.gridy = row;
    constraints.weightx = 1.0;
    constraints.weighty = weight;
    constraints.fill = GridBagConstraints.BOTH;
    add(component, constraints);
  }

  /** Sizes each row's type from its share of the height, shrunk where its text is too wide. */
  private void sizeType() {
    float unit = (float) (getHeight() / TOTAL_WEIGHT) * TYPE_SHARE_OF_ROW;
    fit(timeLeft, Font.BOLD, unit * (float) TIME_LEFT_WEIGHT);
    fit(stage, Font.PLAIN, unit * (float) STAGE_WEIGHT);
    fit(parameter, Font.PLAIN, unit * (float) PARAMETER_WEIGHT);
    fit(instruction, Font.BOLD, unit * (float) INSTRUCTION_WEIGHT);
    fit(steps, Font.BOLD, unit * (float) STEPS_WEIGHT);
  }

  private void fit(JLabel label, int style, float heightSize) {
    if (heightSize <= 0f) {
      return;
    }
    Font font = label.getFont().deriveFont(style, heightSize);
    int textWidth = label.getFontMetrics(font).stringWidth(label.getText());
    float widthLimit = getWidth() * WIDTH_SHARE;
    float size = textWidth > widthLimit ? heightSize * widthLimit / textWidth : heightSize;
    if (Math.abs(label.getFont().getSize2D() - size) >= 0.5f
        || label.getFont().getStyle() != style) {
      label.setFont(font.deriveFont(size));
    }
  }

  private static JLabel label(String name) {
    JLabel label = new JLabel(" ", SwingConstants.CENTER);
    label.setName(name);
    label.setForeground(Color.WHITE);
    return label;
  }
}
