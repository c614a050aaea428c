package org.gaitctl.hmi.console;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridLayout;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.DefaultTableModel;
import org.gaitctl.config.protocol.ProtocolTotals;
import org.gaitctl.config.protocol.TherapyProtocol;
import org.gaitctl.core.pipeline.DisplaySnapshot;
import org.gaitctl.core.pipeline.StepSubscription;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.symmetry.StepParameter;
import org.gaitctl.safety.FaultRecord;
import org.gaitctl.safety.PolledStatus;
import org.gaitctl.safety.SafetyListener;
import org.gaitctl.session.SessionState;
import org.gaitctl.session.checks.PreSessionCheck;
import org.gaitctl.session.protocol.ExecutorState;
import org.gaitctl.session.protocol.OperatorRequest;
import org.gaitctl.session.protocol.ProtocolExecutor;
import org.gaitctl.session.protocol.ProtocolListener;
import org.gaitctl.session.protocol.ProtocolSummary;
import org.gaitctl.session.protocol.TherapistOverride;

/**
 * The therapist console: setup, live view, summary, controls, alarms, and a STOP that is always
 * visible and bound to Space and Esc. A view and a set of commands on the session: it reads
 * lock-free snapshots on a Swing timer at ~30 Hz, sends every command as an {@link OperatorRequest}
 * through the executor's queue (acknowledge through the session to the supervisor), and does its
 * blocking work (opening devices, checks, files) on its own worker thread. Listeners called on the
 * supervisor's thread only put into a bounded queue.
 */
public final class ConsoleWindow {

  /** Refresh period of the live view, ms (~30 Hz). */
  static final int REFRESH_MS = 33;

  /** The mass a protocol is checked for while the typed one is not valid yet, kg. */
  private static final double TYPICAL_MASS_KG = 75;

  private static final int FAULT_QUEUE_CAPACITY = 256;
  private static final int STEP_QUEUE_CAPACITY = 256;
  private static final Color STOP_RED = new Color(0xC62828);
  private static final Font BUTTON_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);

  private final ConsoleBackend backend;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "console-worker"));
  private final JFrame frame = new JFrame("gaitctl console");
  private final Timer timer;

  private final SetupPanel setup;
  private final JTabbedPane views = new JTabbedPane();
  private final BigNumber speed = new BigNumber("speed", "Belt speed", "m/s");
  private final BigNumber incline = new BigNumber("incline", "Incline", "% grade");
  private final BigNumber unloading = new BigNumber("unloading", "Unloading measured", "%BW");
  private final BigNumber steps = new BigNumber("steps", "Steps", "");
  private final BigNumber timeLeft = new BigNumber("timeLeft", "Stage time left", "m:ss");
  private final JLabel stageLabel = new JLabel(" ");
  private final JProgressBar progress = new JProgressBar(0, 1000);
  private final JLabel sessionLabel = new JLabel(" ");

  private final JButton stop =
      new JButton("<html><center>STOP<br><font size='4'>Space / Esc</font></center></html>");
  private final JButton start = button("Start", "start");
  private final JLabel startReason = new JLabel(" ");
  private final JButton pause = button("Pause", "pause");
  private final JButton next = button("Next stage", "nextStage");
  private final JButton speedUp = button("Speed +", "speedUp");
  private final JButton speedDown = button("Speed −", "speedDown");
  private final JButton inclineUp = button("Incline +", "inclineUp");
  private final JButton inclineDown = button("Incline −", "inclineDown");
  private final JButton unloadingUp = button("Unloading +", "unloadingUp");
  private final JButton unloadingDown = button("Unloading −", "unloadingDown");
  private final JButton acknowledge = button("Acknowledge", "acknowledge");
  private final DefaultListModel<String> alarmRows = new DefaultListModel<>();
  private final JList<String> alarms = new JList<>(alarmRows);
  private final JLabel requestLabel = new JLabel(" ");
  private final JCheckBoxMenuItem feedbackWindow = new JCheckBoxMenuItem("Patient feedback window");
  private final JMenuItem metronomeNote = new JMenuItem(" ");
  private final PatientFeedbackLink patientFeedback;

  private final JPanel live = new JPanel(new BorderLayout());
  private final ForceTraceChart forceChart = new ForceTraceChart();
  private BufferedImage warmUpImage;
  private final List<SymmetryChart> symmetryCharts = new ArrayList<>();
  private final JLabel summaryHeadline = new JLabel(" ");
  private final JLabel summaryFiles = new JLabel(" ");
  private final DefaultTableModel summaryRows =
      new DefaultTableModel(SummaryTable.COLUMNS.toArray(), 0);

  private final ArrayBlockingQueue<ReportedFault> faults =
      new ArrayBlockingQueue<>(FAULT_QUEUE_CAPACITY);
  private final AtomicLong faultsNotShown = new AtomicLong();
  private final AlarmLog alarmLog;
  private final StepHistory stepHistory = new StepHistory();
  private final DisplaySnapshot snapshot = new DisplaySnapshot();

  private ConsoleFeeds feeds;
  private StepSubscription stepSubscription;
  private List<PreSessionCheck> checks = List.of();
  private boolean checksRunning;
  private double checkedMassKg = Double.NaN;
  private String checkedProtocol = "";
  private TherapyProtocol protocol;
  private String protocolProblem = "";
  private ProtocolExecutor executor;
  private double runDurationS = Double.NaN;
  private volatile String notice = " ";
  private boolean summaryShown;
  private int alarmsShown = -1;
  private boolean alarmsLatchedShown;
  private long alarmsNotShownShown;
  private long stepsCharted = -1;
  private Runnable onClosed = () -> {};
  private boolean minimised;

  /**
   * Builds the window (call on the EDT); {@link #open} shows it.
   *
   * @param protocolName the protocol chosen at start
   * @param bodyMassKg the body mass the setup starts with
   */
  public ConsoleWindow(ConsoleBackend backend, String protocolName, double bodyMassKg) {
    this.backend = backend;
    // The supervisor stamps faults on NanoClock.SYSTEM, which is System.nanoTime.
    this.alarmLog =
        new AlarmLog(System.currentTimeMillis(), System.nanoTime(), ZoneId.systemDefault());
    this.setup = new SetupPanel(backend.protocolNames());
    if (!backend.protocolNames().contains(protocolName)) {
      setup.protocol.addItem(protocolName);
    }
    setup.protocol.setSelectedItem(protocolName);
    setup.bodyMass.setText(ConsoleFormat.number(bodyMassKg, 1));
    this.timer = new Timer(REFRESH_MS, e -> refresh());
    this.patientFeedback = PatientFeedbackLink.onDefaultAudio();
    layOut();
    bindKeys();
    wireActions();
    chooseProtocol();
  }

  /** Shows the window, runs the pre-session checks and starts the refresh. EDT. */
  public void open() {
    frame.setVisible(true);

    timer.start();
    runChecks();
  }

  /** Runs {@code action} once the window has closed and the devices are closed. */
  public void onClosed(Runnable action) {
    this.onClosed = action;
  }

  /** The frame, for tests and screenshots. */
  public JFrame frame() {
    return frame;
  }

  /** Selects the setup (0), live (1) or summary (2) view. EDT. */
  public void showView(int index) {
    views.setSelectedIndex(index);
  }

  /** Saves the window as it is drawn now into a PNG. EDT. */
  public void saveScreenshot(Path png) throws IOException {
    JComponent content = frame.getRootPane();
    BufferedImage image =
        new BufferedImage(content.getWidth(), content.getHeight(), BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    try {
      content.printAll(g);
    } finally {
      g.dispose();
    }
    if (png.getParent() != null) {
      Files.createDirectories(png.getParent());
    }
    ImageIO.write(image, "png", png.toFile());
  }

  /** Steps seen by the charts since the console opened; EDT. */
  public long stepsSeen() {
    return stepHistory.stepsSeen();
  }

  /** The current run's executor, null before the first Start; EDT. */
  public ProtocolExecutor executor() {
    return executor;
  }

  /** The alarms as listed; EDT. */
  public List<AlarmRow> alarmRows() {
    return alarmLog.rows();
  }

  private void layOut() {
    frame.setDefaultCloseOperation(JFrame.DO_NOTHING_ON_CLOSE);
    frame.addWindowListener(
        new WindowAdapter() {
          @Override
          public void windowClosing(WindowEvent e) {
            close();
          }

          @Override
          public void windowIconified(WindowEvent e) {
            minimised = true;
          }

          @Override
          public void windowDeiconified(WindowEvent e) {
            minimised = false;
          }
        });
    JMenuBar menu = new JMenuBar();
    JMenu view = new JMenu("View");
    feedbackWindow.setName("feedbackWindow");
    feedbackWindow.addActionListener(e -> patientFeedback.showWindow(feedbackWindow.isSelected()));
    view.add(feedbackWindow);
    metronomeNote.setName("metronomeNote");
    metronomeNote.setEnabled(false);
    metronomeNote.setText(patientFeedback.metronomeNote());
    view.add(metronomeNote);
    menu.add(view);
    frame.setJMenuBar(menu);

    stop.setName("stop");
    stop.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
    stop.setBackground(STOP_RED);
    stop.setForeground(Color.WHITE);
    stop.setFocusable(false);
    stop.setPreferredSize(new Dimension(300, 130));

    JPanel numbers = new JPanel(new GridLayout(1, 5));
    numbers.add(speed);
    numbers.add(incline);
    numbers.add(unloading);
    numbers.add(steps);
    numbers.add(timeLeft);
    stageLabel.setName("stage");
    stageLabel.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
    progress.setName("progress");
    sessionLabel.setName("sessionState");
    sessionLabel.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
    JPanel stageLine = new JPanel(new BorderLayout(12, 0));
    stageLine.add(stageLabel, BorderLayout.WEST);
    stageLine.add(progress, BorderLayout.CENTER);
    stageLine.add(sessionLabel, BorderLayout.EAST);
    JPanel header = new JPanel(new BorderLayout(8, 4));
    header.add(numbers, BorderLayout.CENTER);
    header.add(stop, BorderLayout.EAST);
    header.add(stageLine, BorderLayout.SOUTH);
    header.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));

    layOutLive();
    views.setName("views");
    views.setFocusable(false);
    views.addTab("Setup", setup);
    views.addTab("Live", live);
    views.addTab("Summary", summaryPanel());

    frame.getContentPane().setLayout(new BorderLayout());
    frame.getContentPane().add(header, BorderLayout.NORTH);
    frame.getContentPane().add(views, BorderLayout.CENTER);
    frame.getContentPane().add(sidePanel(), BorderLayout.EAST);
    frame.setSize(1600, 1000);
  }

  private void layOutLive() {
    live.setName("live");
    JPanel grid = new JPanel(new GridLayout(1, SymmetryBands.CHARTED.length));
    for (StepParameter p : SymmetryBands.CHARTED) {
      SymmetryChart chart = new SymmetryChart(p);
      symmetryCharts.add(chart);
      grid.add(chart.panel());
    }
    grid.setPreferredSize(new Dimension(800, 300));
    live.add(forceChart.panel(), BorderLayout.CENTER);
    live.add(grid, BorderLayout.SOUTH);
  }

  private JPanel summaryPanel() {
    JPanel panel = new JPanel(new BorderLayout());
    panel.setName("summary");
    summaryHeadline.setName("summaryHeadline");
    summaryHeadline.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
    summaryFiles.setName("summaryFiles");
    JTable table = new JTable(summaryRows);
    table.setName("summaryTable");
    table.setFocusable(false);
    table.setRowHeight(26);
    panel.add(summaryHeadline, BorderLayout.NORTH);
    panel.add(new JScrollPane(table), BorderLayout.CENTER);
    panel.add(summaryFiles, BorderLayout.SOUTH);
    return panel;
  }

  private JPanel sidePanel() {
    JPanel controls = new JPanel(new GridLayout(0, 2, 6, 6));
    controls.setBorder(BorderFactory.createTitledBorder("Controls"));
    controls.add(start);
    controls.add(pause);
    controls.add(next);
    controls.add(new JLabel());
    controls.add(speedDown);
    controls.add(speedUp);
    controls.add(inclineDown);
    controls.add(inclineUp);
    controls.add(unloadingDown);
    controls.add(unloadingUp);
    startReason.setName("startReason");
    requestLabel.setName("requestRefused");
    JPanel controlBox = new JPanel(new BorderLayout());
    controlBox.add(controls, BorderLayout.CENTER);
    JPanel notes = new JPanel(new GridLayout(2, 1));
    notes.add(startReason);
    notes.add(requestLabel);
    controlBox.add(notes, BorderLayout.SOUTH);

    alarms.setName("alarms");
    alarms.setFocusable(false);
    alarms.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
    JPanel alarmBox = new JPanel(new BorderLayout());
    alarmBox.setName("alarmsPanel");
    alarmBox.setBorder(BorderFactory.createTitledBorder("Alarms"));
    alarmBox.add(new JScrollPane(alarms), BorderLayout.CENTER);
    alarmBox.add(acknowledge, BorderLayout.SOUTH);

    JPanel side = new JPanel(new BorderLayout(0, 8));
    side.add(controlBox, BorderLayout.NORTH);
    side.add(alarmBox, BorderLayout.CENTER);
    side.setPreferredSize(new Dimension(440, 600));
    side.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
    return side;
  }

  /**
   * Space and Esc stop, whatever has the focus: bound on the root pane for the whole window; the
   * buttons, tables and the combo box take no focus, so no component binds the keys before it.
   */
  private void bindKeys() {
    var keys = frame.getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW);
    keys.put(KeyStroke.getKeyStroke(KeyEvent.VK_SPACE, 0), "stop");
    keys.put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "stop");
    frame
        .getRootPane()
        .getActionMap()
        .put(
            "stop",
            new AbstractAction() {
              @Override
              public void actionPerformed(ActionEvent e) {
                stop();
              }
            });
  }

  private void wireActions() {
    stop.addActionListener(e -> stop());
    start.addActionListener(e -> start());
    pause.addActionListener(e -> request(OperatorRequest.PAUSE_OR_RESUME));
    next.addActionListener(e -> request(OperatorRequest.NEXT_STAGE));
    speedUp.addActionListener(e -> request(OperatorRequest.SPEED_UP));
    speedDown.addActionListener(e -> request(OperatorRequest.SPEED_DOWN));
    inclineUp.addActionListener(e -> request(OperatorRequest.INCLINE_UP));
    inclineDown.addActionListener(e -> request(OperatorRequest.INCLINE_DOWN));
    unloadingUp.addActionListener(e -> request(OperatorRequest.UNLOADING_UP));
    unloadingDown.addActionListener(e -> request(OperatorRequest.UNLOADING_DOWN));
    acknowledge.addActionListener(e -> backend.acknowledge());
    setup.runChecks.addActionListener(e -> runChecks());
    setup.protocol.addActionListener(e -> chooseProtocol());
    setup.bodyMass.getDocument().addDocumentListener(onEdit(this::chooseProtocol));
  }

  /**
   * STOP: the run's controlled stop through the executor's queue; should the queue be full, or no
   * run be active, the supervisor's operator stop directly. Never blocks.
   */
  private void stop() {
    boolean queued =
        executor != null
            && executor.state() != ExecutorState.ENDED
            && executor.request(OperatorRequest.STOP);
    ConsoleFeeds now = backend.feeds();
    if (!queued && now != null) {
      now.supervisor().requestOperatorStop();
    }
  }

  private void request(OperatorRequest request) {
    if (executor != null && !executor.request(request)) {
      notice = "Busy: " + request + " not taken, press again";
    }
  }

  private void start() {
    PatientEntry patient = PatientEntry.parse(setup.patientId.getText(), setup.bodyMass.getText());
    if (startRefusal(patient).isPresent() || protocol == null) {
      return;
    }
    stepHistory.clear();
    stepsCharted = -1;
    summaryShown = false;
    summaryRows.setRowCount(0);
    summaryHeadline.setText(" ");
    summaryFiles.setText(" ");
    notice = " ";
    runDurationS = ProtocolTotals.of(protocol).minDurationS();
    executor = backend.start(patient.patientId(), patient.bodyMassKg(), protocol);
    executor.addListener(new RunNotices());
    symmetryCharts.forEach(c -> c.setTarget(protocol.symmetryTarget()));
    views.setSelectedIndex(1);
  }

  /** Loads the chosen protocol and checks it for the patient as typed (or 75 kg until valid). */
  private void chooseProtocol() {
    PatientEntry patient = PatientEntry.parse(setup.patientId.getText(), setup.bodyMass.getText());
    String name = (String) setup.protocol.getSelectedItem();
    protocol = null;
    protocolProblem = "";
    try {
      protocol = backend.protocol(name, patient.valid() ? patient.bodyMassKg() : TYPICAL_MASS_KG);
    } catch (RuntimeException e) {
      protocolProblem = String.valueOf(e.getMessage());
    }
    setup.showProtocol(protocol, protocolProblem);
    patientFeedback.protocolChosen(protocol);
    metronomeNote.setText(patientFeedback.metronomeNote());
  }

  private void runChecks() {
    PatientEntry patient = PatientEntry.parse(setup.patientId.getText(), setup.bodyMass.getText());
    // Reopening the devices would drop the supervisor that latched: acknowledge first.
    if (checksRunning || !patient.valid() || runActive() || alarmLog.latched()) {
      return;
    }
    checksRunning = true;
    double massKg = patient.bodyMassKg();
    String protocolName = String.valueOf(setup.protocol.getSelectedItem());
    checks = List.of(PreSessionCheck.pending("Devices ready"));
    setup.showChecks(checks);
    worker.execute(
        () -> {
          List<PreSessionCheck> result;
          try {
            result =
                backend.prepare(
                    massKg,
                    protocolName,
                    list -> SwingUtilities.invokeLater(() -> setup.showChecks(list)));
          } catch (RuntimeException e) {
            result =
                List.of(PreSessionCheck.failed("Devices ready", String.valueOf(e.getMessage())));
          }
          List<PreSessionCheck> done = result;
          SwingUtilities.invokeLater(
              () -> {
                checks = done;
                checkedMassKg = massKg;
                checkedProtocol = protocolName;
                checksRunning = false;
                setup.showChecks(done);
              });
        });
  }

  private boolean runActive() {
    return executor != null && executor.state() != ExecutorState.ENDED;
  }

  private Optional<String> startRefusal(PatientEntry patient) {
    List<PreSessionCheck> current = checks;
    boolean massChanged =
        !checksRunning
            && !checks.isEmpty()
            && patient.valid()
            && Double.compare(patient.bodyMassKg(), checkedMassKg) != 0;
    boolean protocolChanged =
        !checksRunning
            && !checks.isEmpty()
            && !checkedProtocol.equals(String.valueOf(setup.protocol.getSelectedItem()));
    if (massChanged || protocolChanged) {
      // The checks were run for another patient or protocol: they no longer hold.
      current =
          List.of(
              PreSessionCheck.failed(
                  "Checks for this patient and protocol",
                  (massChanged ? "body mass" : "protocol") + " changed: run the checks again"));
    }
    Optional<String> protocolRefusal =
        protocol == null
            ? Optional.of(protocolProblem.isEmpty() ? "Choose a protocol" : protocolProblem)
            : Optional.empty();
    return StartGate.refusal(patient, protocolRefusal, current, alarmLog.latched(), runActive());
  }

  /** One refresh of everything shown: lock-free reads only. EDT. */
  private void refresh() {
    ConsoleFeeds current = backend.feeds();
    if (current != feeds) {
      attach(current);
    }
    boolean newFault = false;
    for (ReportedFault f = faults.poll(); f != null; f = faults.poll()) {
      alarmLog.onFault(f.fault(), f.first());
      newFault = true;
    }
    if (newFault && minimised) {
      // A fault never waits behind a minimised window: it comes back up with the alarm.
      frame.setExtendedState(JFrame.NORMAL);
      frame.toFront();
      minimised = false;
    }
    if (minimised) {
      // Nothing is drawn while minimised; the steps and the recording are still taken in.
      if (feeds != null) {
        alarmLog.onSafetyState(feeds.supervisor().state());
        drainSteps();
        backend.drainRecording();
      }
      patientFeedback.update(executor == null ? null : executor.status());
      return;
    }
    if (feeds != null) {
      alarmLog.onSafetyState(feeds.supervisor().state());
      drainSteps();
      backend.drainRecording();
      forceChart.refresh(feeds.pipeline().signalHistories());
      SessionState state = feeds.session().state();
      String reason = feeds.session().reason();
      // While the belt runs the session's reason is only how it began: the numbers say the rest.
      boolean moving = state == SessionState.RUNNING || state == SessionState.RAMPING_BELT;
      sessionLabel.setText("Session " + state + (reason.isEmpty() || moving ? "" : ": " + reason));
    }
    if (checksRunning && views.getSelectedComponent() != live) {
      drawLiveOffscreen();
    }
    showNumbers();
    requestLabel.setText(notice);
    showAlarms();
    showControls();
    showSummaryOnceEnded();
  }

  /**
   * While the checks run, draws the hidden live view into an image at the refresh rate: the JIT
   * compiles the drawing code now, inside the stream warm-up the checks wait for (which waits for
   * the compiler to settle), not at Start while the harness takes up and the belt starts.
   */
  private void drawLiveOffscreen() {
    if (live.getWidth() <= 0 || live.getHeight() <= 0) {
      return;
    }
    if (warmUpImage == null
        || warmUpImage.getWidth() != live.getWidth()
        || warmUpImage.getHeight() != live.getHeight()) {
      warmUpImage =
          new BufferedImage(live.getWidth(), live.getHeight(), BufferedImage.TYPE_INT_RGB);
    }
    var g = warmUpImage.createGraphics();
    try {
      live.printAll(g);
    } finally {
      g.dispose();
    }
  }

  private void attach(ConsoleFeeds current) {
    if (stepSubscription != null && feeds != null) {
      feeds.pipeline().steps().unsubscribe(stepSubscription);
      stepSubscription = null;
    }
    feeds = current;
    if (current != null) {
      stepSubscription = current.pipeline().steps().subscribe("console", STEP_QUEUE_CAPACITY);
      current.supervisor().addListener(new FaultHandover());
    }
  }

  private void drainSteps() {
    stepSubscription.drain((step, symmetry, arrivalNs) -> stepHistory.add(step, symmetry));
    if (stepHistory.stepsSeen() != stepsCharted) {
      stepsCharted = stepHistory.stepsSeen();
      symmetryCharts.forEach(c -> c.refresh(stepHistory));
    }
  }

  private void showNumbers() {
    patientFeedback.update(executor == null ? null : executor.status());
    if (executor != null) {
      LiveReadout r =
          LiveReadout.of(
              executor.status(),
              measuredInclinePercent(),
              stepHistory.cadenceStepsPerMin(),
              runDurationS);
      speed.show(r.speedMeasured(), r.speedTarget());
      incline.show(r.inclineMeasured(), r.inclineTarget());
      unloading.show(r.unloadingMeasured(), r.unloadingTarget());
      steps.show(r.steps(), "cadence " + r.cadence() + " steps/min");
      timeLeft.show(r.stageTimeLeft(), "protocol " + r.protocolTimeLeft() + " left");
      stageLabel.setText(r.state() + "  stage " + r.stage());
      progress.setValue((int) Math.round(r.progress() * 1000));
      pause.setText(r.pauseLabel());
    } else if (feeds != null && feeds.pipeline().snapshots().readInto(snapshot)) {
      speed.show(ConsoleFormat.number(snapshot.beltSpeedMps(), 2), "no session");
      incline.show(ConsoleFormat.number(measuredInclinePercent(), 1), "no session");
      unloading.show(
          ConsoleFormat.number(snapshot.measuredUnloadingPercentBodyWeight(), 0), "no session");
      steps.show("0", " ");
    }
  }

  private double measuredInclinePercent() {
    if (feeds == null) {
      return Double.NaN;
    }
    PolledStatus<DriveStatus> drive = feeds.drive().latest();
    return drive.lastGood() == null ? Double.NaN : drive.lastGood().inclinePercent();
  }

  private void showAlarms() {
    List<AlarmRow> rows = alarmLog.rows();
    long notShown = faultsNotShown.get();
    if (rows.size() != alarmsShown
        || alarmLog.latched() != alarmsLatchedShown
        || notShown != alarmsNotShownShown) {
      alarmRows.clear();
      if (notShown > 0) {
        alarmRows.addElement(notShown + " more faults than the list holds: see the log");
      }
      // Wrapped to the panel's width: a cause is never cut off.
      rows.forEach(
          r -> alarmRows.addElement("<html><body style='width:300px'>" + escape(r.text())));
      alarmsShown = rows.size();
      alarmsLatchedShown = alarmLog.latched();
      alarmsNotShownShown = notShown;
    }
    alarms.setBackground(alarmLog.latched() ? new Color(0xFFEBEE) : null);
  }

  private void showControls() {
    PatientEntry patient = PatientEntry.parse(setup.patientId.getText(), setup.bodyMass.getText());
    Optional<String> refusal = startRefusal(patient);
    start.setEnabled(refusal.isEmpty() && feeds != null);
    startReason.setText(refusal.map(r -> "Start: " + r).orElse("Ready to start"));
    boolean stageActive =
        executor != null
            && (executor.state() == ExecutorState.RUNNING
                || executor.state() == ExecutorState.PAUSED);
    for (JButton b :
        List.of(
            pause, next, speedUp, speedDown, inclineUp, inclineDown, unloadingUp, unloadingDown)) {
      b.setEnabled(stageActive);
    }
    acknowledge.setEnabled(
        alarmLog.latched() && feeds != null && feeds.session().state() == SessionState.LATCHED);
    setup.runChecks.setEnabled(!checksRunning && !runActive() && !alarmLog.latched());
    stop.setEnabled(true);
  }

  private void showSummaryOnceEnded() {
    if (executor == null || summaryShown || executor.state() != ExecutorState.ENDED) {
      return;
    }
    ProtocolSummary summary = executor.summary();
    if (summary == null) {
      return;
    }
    summaryShown = true;
    summaryHeadline.setText(SummaryTable.headline(summary));
    summaryRows.setRowCount(0);
    SummaryTable.rows(summary).forEach(row -> summaryRows.addRow(row.toArray()));
    summaryFiles.setText("Writing the session files…");
    views.setSelectedIndex(2);
    worker.execute(
        () -> {
          String where = backend.writeSessionFiles(summary);
          SwingUtilities.invokeLater(() -> summaryFiles.setText(where));
        });
  }

  private void close() {
    stop();
    timer.stop();
    patientFeedback.close();
    frame.setVisible(false);
    worker.execute(
        () -> {
          backend.close();
          SwingUtilities.invokeLater(
              () -> {
                frame.dispose();
                onClosed.run();
              });
        });
    worker.shutdown();
  }

  /** Closes the window as the window's close button does. EDT. */
  public void closeWindow() {
    close();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static JButton button(String text, String name) {
    JButton b = new JButton(text);
    b.setName(name);
    b.setFont(BUTTON_FONT);
    // A focused button takes Space as a click: no button may take the focus from STOP's key.
    b.setFocusable(false);
    return b;
  }

  private static DocumentListener onEdit(Runnable action) {
    return new DocumentListener() {
      @Override
      public void insertUpdate(DocumentEvent e) {
        action.run();
      }

      @Override
      public void removeUpdate(DocumentEvent e) {
        action.run();
      }

      @Override
      public void changedUpdate(DocumentEvent e) {
        action.run();
      }
    };
  }

  /**
   * On the session thread: the latest refusal or override as a line for the controls, handed over
   * through a volatile (only the latest matters).
   */
  private final class RunNotices implements ProtocolListener {
    @Override
    public void onRequestRefused(OperatorRequest request, String reason) {
      notice = "Refused" + (request == null ? "" : " " + request) + ": " + reason;
    }

    @Override
    public void onOverride(TherapistOverride o) {
      notice =
          "Override "
              + o.what()
              + " "
              + ConsoleFormat.number(o.from(), 2)
              + " → "
              + ConsoleFormat.number(o.to(), 2);
    }
  }

  /** A fault as reported on the supervisor's thread, waiting for the EDT. */
  private record ReportedFault(FaultRecord fault, boolean first) {}

  /** On the supervisor's thread: only hands the fault over (bounded queue, never blocks). */
  private final class FaultHandover implements SafetyListener {
    @Override
    public void onFault(FaultRecord fault, boolean first) {
      if (!faults.offer(new ReportedFault(fault, first))) {
        faultsNotShown.incrementAndGet();
      }
    }
  }
}
