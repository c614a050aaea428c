package org.gaitctl.hmi.console;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.List;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.table.DefaultTableModel;
import org.gaitctl.config.protocol.BeltMode;
import org.gaitctl.config.protocol.ProtocolStage;
import org.gaitctl.config.protocol.StageLength;
import org.gaitctl.config.protocol.TherapyProtocol;
import org.gaitctl.session.checks.PreSessionCheck;

/** The setup view: patient, protocol with its stages, and the pre-session check list. EDT only. */
final class SetupPanel extends JPanel {

  private static final Font FIELD_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 20);

  final JTextField patientId = new JTextField("anonymous", 16);
  final JTextField bodyMass = new JTextField(6);
  final JComboBox<String> protocol = new JComboBox<>();
  final JButton runChecks = new JButton("Run checks");
  private final JLabel description = new JLabel(" ");
  private final JLabel protocolProblem = new JLabel(" ");
  private final DefaultTableModel stages =
      readOnly("Stage", "Length", "Speed m/s", "Incline %", "Unloading %BW", "Ramp s");
  private final DefaultTableModel checks = readOnly("Check", "State", "Measured / reason");

  SetupPanel(List<String> protocolNames) {
    super(new BorderLayout());
    setName("setup");
    patientId.setName("patientId");
    bodyMass.setName("bodyMass");
    protocol.setName("protocol");
    runChecks.setName("runChecks");
    runChecks.setFocusable(false);
    // Space opens a combo box's list when it has the focus: the combo must not take it from STOP.
    protocol.setFocusable(false);
    protocol.setEditable(false);
    protocolNames.forEach(protocol::addItem);
    patientId.setFont(FIELD_FONT);
    bodyMass.setFont(FIELD_FONT);
    protocol.setFont(FIELD_FONT);
    protocolProblem.setName("protocolProblem");
    protocolProblem.setForeground(new Color(0xB00020));

    JPanel form = new JPanel(new GridBagLayout());
    GridBagConstraints c = new GridBagConstraints();
    c.insets = new Insets(4, 6, 4, 6);
    c.anchor = GridBagConstraints.WEST;
    addRow(form, c, 0, "Patient id", patientId);
    addRow(form, c, 1, "Body mass (kg, 20–250)", bodyMass);
    addRow(form, c, 2, "Protocol", protocol);
    c.gridx = 1;
    c.gridy = 3;
    form.add(description, c);
    c.gridy = 4;
    form.add(protocolProblem, c);

    JTable stageTable = table(stages, "stagesTable");
    JTable checkTable = table(checks, "checksTable");
    JPanel checksPanel = new JPanel(new BorderLayout());
    checksPanel.setBorder(BorderFactory.createTitledBorder("Pre-session checks"));
    checksPanel.add(new JScrollPane(checkTable), BorderLayout.CENTER);
    checksPanel.add(runChecks, BorderLayout.SOUTH);
    JPanel stagesPanel = new JPanel(new BorderLayout());
    stagesPanel.setBorder(BorderFactory.createTitledBorder("Stages"));
    stagesPanel.add(new JScrollPane(stageTable), BorderLayout.CENTER);

    add(form, BorderLayout.NORTH);
    JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, stagesPanel, checksPanel);
    split.setResizeWeight(0.5);
    split.setFocusable(false);
    add(split, BorderLayout.CENTER);
  }

  /** Shows the chosen protocol's stages, or why it cannot run. */
  void showProtocol(TherapyProtocol chosen, String problem) {
    stages.setRowCount(0);
    if (chosen != null) {
      description.setText(chosen.description());
      for (ProtocolStage s : chosen.stages()) {
        stages.addRow(
            new Object[] {
              s.name(),
              length(s),
              speed(s),
              ConsoleFormat.number(s.inclinePercent(), 1),
              ConsoleFormat.number(s.unloadingPercentBw(), 0),
              ConsoleFormat.number(s.rampS(), 0)
            });
      }
    } else {
      description.setText(" ");
    }
    protocolProblem.setText(problem.isEmpty() ? " " : problem);
  }

  void showChecks(List<PreSessionCheck> list) {
    checks.setRowCount(0);
    for (PreSessionCheck check : list) {
      checks.addRow(new Object[] {check.name(), check.state().name(), check.reason()});
    }
  }

  private static String length(ProtocolStage stage) {
    if (stage.length() instanceof StageLength.Timed timed) {
      return ConsoleFormat.minutesSeconds(timed.durationS());
    }
    return String.format(
        Locale.ROOT, "%.0f m", ((StageLength.Distance) stage.length()).distanceM());
  }

  private static String speed(ProtocolStage stage) {
    BeltMode belt = stage.belt();
    if (belt instanceof BeltMode.FixedSpeed fixed) {
      return ConsoleFormat.number(fixed.speedMps(), 2);
    }
    return "self "
        + ConsoleFormat.number(belt.lowestSpeedMps(), 2)
        + "–"
        + ConsoleFormat.number(belt.highestSpeedMps(), 2);
  }

  private static void addRow(
      JPanel form, GridBagConstraints c, int row, String label, java.awt.Component field) {
    c.gridx = 0;
    c.gridy = row;
    JLabel text = new JLabel(label);
    text.setFont(FIELD_FONT);
    form.add(text, c);
    c.gridx = 1;
    form.add(field, c);
  }

  private static JTable table(DefaultTableModel model, String name) {
    JTable table = new JTable(model);
    table.setName(name);
    // Tables bind Space to selection when focused: they must not take it from STOP.
    table.setFocusable(false);
    table.setRowHeight(24);
    return table;
  }

  private static DefaultTableModel readOnly(String... columns) {
    return new DefaultTableModel(columns, 0) {
      @Override
      public boolean isCellEditable(int row, int column) {
        return false;
      }
    };
  }
}
