package org.gaitctl.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.gaitctl.config.ConfigException;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.config.ProtocolCheck;
import org.gaitctl.config.protocol.PatientLimits;
import org.gaitctl.config.protocol.ProtocolDocument;
import org.gaitctl.config.protocol.ProtocolTotals;
import org.gaitctl.config.protocol.TherapyProtocol;
import org.gaitctl.core.analysis.StepRow;
import org.gaitctl.core.journal.Journal;
import org.gaitctl.core.journal.JournalSink;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.drivers.serial.JSerialCommShutdown;
import org.gaitctl.report.ReportFiles;
import org.gaitctl.report.SessionReport;
import org.gaitctl.safety.ArmedWatchdogs;
import org.gaitctl.safety.SafetySupervisor;
import org.gaitctl.session.protocol.ExecutorState;
import org.gaitctl.session.protocol.OperatorRequest;
import org.gaitctl.session.protocol.OverrideLimits;
import org.gaitctl.session.protocol.ProtocolExecutor;
import org.gaitctl.session.protocol.ProtocolListener;
import org.gaitctl.session.protocol.ProtocolOutcome;
import org.gaitctl.session.protocol.ProtocolStatus;
import org.gaitctl.session.protocol.ProtocolSummary;
import org.gaitctl.session.protocol.TherapistOverride;
import org.gaitctl.sim.hil.EmulatedHardware;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gaitctl session}: the product's main job. Checks a therapy protocol for the patient and
 * the device profile, connects to the devices, takes up the first stage's unloading, then runs the
 * stages ({@link ProtocolExecutor}) with the therapist's keys, and writes the session's files.
 */
@Command(
    name = "session",
    mixinStandardHelpOptions = true,
    description = {
      "Run a therapy protocol: stages of speed, incline and unloading, one after the other.",
      "Before any motion the protocol is checked for the patient and the device profile, the"
          + " devices are checked and the harness takes up the first stage's unloading.",
      "Without --devices, the built-in emulators are started in-process on real transports.",
      "Keys on a terminal: space stop, p pause/resume, n next stage, + - speed, u d unloading."
          + " Ctrl-C stops the belt (controlled stop, harness held)."
    })
final class TherapySessionCommand implements Callable<Integer> {

  private static final long LOOP_PERIOD_NS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long PLAIN_STATUS_EVERY_NS = TimeUnit.SECONDS.toNanos(10);
  private static final long STOP_WAIT_NS = TimeUnit.SECONDS.toNanos(15);

  @Spec private CommandSpec spec;

  @Mixin private ProfileOption profile;

  @Option(
      names = "--protocol",
      paramLabel = "FILE|NAME",
      description = "A protocol file, or a library name (default: ${DEFAULT-VALUE}).")
  private String protocolName = "demo";

  @Option(
      names = "--body-mass",
      paramLabel = "KG",
      description =
          "Patient's body mass, kg, 20..250 (default: the profile's simulation.patient"
              + ".bodyMassKg).")
  private Double bodyMassKg;

  @Option(
      names = "--patient",
      paramLabel = "ID",
      description = "Patient identifier for the session's folder (default: ${DEFAULT-VALUE}).")
  private String patient = "anonymous";

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Folder for steps.csv, summary.json and overrides.csv (default:"
              + " ~/.gaitctl/sessions/<date-time>-<patient>/).")
  private Path outDir;

  @Option(
      names = "--unloading-control",
      paramLabel = "MODE",
      description =
          "closed-loop: the outer loop on the harness load cell with the gait-phase feed-forward;"
              + " setpoint-only: the BWS unit's own force loop alone, for comparison by an"
              + " engineer (default: ${DEFAULT-VALUE}).")
  private UnloadingControl unloadingControl = UnloadingControl.CLOSED_LOOP;

  @Mixin private EmulationOptions emulation;

  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean interrupted;

  /** Set on the command's thread once the session wrote its files; the report follows them. */
  private boolean sessionFilesWritten;

  @Override
  public Integer call() {
    DevicesConfig devices = profile.load();
    double massKg = bodyMassKg != null ? bodyMassKg : devices.simulation().patient().bodyMassKg();
    if (!PatientLimits.BODY_MASS_KG.contains(massKg)) {
      throw new UserError(
          "--body-mass " + massKg + " kg is outside " + PatientLimits.BODY_MASS_KG + " kg");
    }
    if (!patient.matches("[A-Za-z0-9._-]+")) {
      throw new UserError("--patient must be letters, digits, '.', '_' or '-': " + patient);
    }
    // Before any device is touched: the protocol, for this patient and this profile.
    ProtocolDocument document = ProtocolSource.resolve(protocolName);
    PatientLimits patientLimits = PatientLimits.forBodyMass(massKg, devices.limits());
    ProtocolCheck.requireRunnable(document, patientLimits, devices.limits());
    TherapyProtocol protocol = document.protocol();
    Path folder = outDir != null ? outDir : defaultFolder();
    JournalRecording recording =
        JournalRecording.prepare(
            folder,
            devices,
            document.source(),
            patient,
            massKg,
            ProtocolTotals.of(protocol).maxDurationS());
    PrintWriter out = spec.commandLine().getOut();
    boolean emulated = emulation.emulated(profile);
    EmulatedHardware hardware = emulated ? SessionParts.startEmulators(devices, massKg, out) : null;
    // Ctrl-C: the controlled stop needs the serial links (and the emulators' ports) open until
    // it is done, so it runs before jSerialComm's own hook closes every port. The hook stays
    // registered (jSerialComm has no removal) and returns at once once the session has finished.
    JSerialCommShutdown.runBeforePortsClose(new Thread(this::interruptAndWait, "session-shutdown"));
    try {
      DevicesConfig target = hardware == null ? devices : hardware.controllerProfile();
      OverrideLimits limits =
          OverrideLimits.of(patientLimits, protocol.requirements(), devices.limits());
      int exit = run(target, document, patientLimits, limits, folder, recording, out);
      if (sessionFilesWritten) {
        writeReport(folder, out);
      }
      return exit;
    } finally {
      if (hardware != null) {
        hardware.close();
      }
      finished.countDown();
    }
  }

  private Path defaultFolder() {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return Path.of(System.getProperty("user.home"), ".gaitctl", "sessions", stamp + "-" + patient);
  }

  private int run(
      DevicesConfig devices,
      ProtocolDocument document,
      PatientLimits patientLimits,
      OverrideLimits limits,
      Path folder,
      JournalRecording recording,
      PrintWriter out) {
    TherapyProtocol protocol = document.protocol();
    double massKg = patientLimits.bodyMassKg();
    boolean terminal = System.console() != null;
    MonitorReport report = new MonitorReport(out, NanoClock.SYSTEM, 5);
    try (DeviceSession session = DeviceSession.open(devices, NanoClock.SYSTEM, massKg, recording)) {
      StepPrintQueue steps = new StepPrintQueue(session.pipeline().steps());
      ProtocolExecutor executor =
          SessionParts.executor(
              session, protocol, massKg, limits, unloadingControl.settings(devices.limits()));
      StatusLine status = new StatusLine(out, terminal);
      executor.addListener(status);
      executor.addListener(new JournalListeners(session.journal().sink(), NanoClock.SYSTEM));
      session.session().addListener(report);
      out.printf(
          Locale.ROOT,
          "Connected. Protocol %s: %d stages. Patient %s, %.1f kg.%n",
          protocol.name(),
          protocol.stages().size(),
          patient,
          massKg);
      out.println("Pre-session checks; the belt does not move until all pass:");
      PreSessionChecks.Result checks =
          new PreSessionChecks(session, document, patientLimits)
              .run(() -> interrupted, new PreSessionChecksPrinter(out));
      if (!checks.allPassed()) {
        out.println(
            "Start refused, the belt did not move. Failed: "
                + String.join("; ", checks.failedNames()));
        return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.REFUSED_TO_START;
      }
      out.println("Harness take-up first, then the belt starts.");
      boolean ctrlCIgnored = InterruptSignal.ignored();
      if (terminal) {
        out.println(TerminalKeys.help() + (ctrlCIgnored ? "" : " | Ctrl-C stop"));
      }
      if (!terminal || ctrlCIgnored) {
        out.println(InterruptSignal.howToStop(ctrlCIgnored));
      }
      out.flush();
      TerminalKeys keys = terminal ? openKeys(executor, out) : null;
      try {
        executor.start();
        List<StepRow> rows = new ArrayList<>();
        ProtocolSummary summary =
            loop(
                executor,
                session.safety().supervisor(),
                steps,
                report,
                status,
                rows,
                session.journal().sink());
        status.clear();
        ProtocolSummaryText.printSummary(out, summary);
        writeFiles(folder, rows, summary, massKg, out);
        return exitCode(session, summary, report);
      } finally {
        if (keys != null) {
          keys.close();
        }
      }
    }
  }

  private static TerminalKeys openKeys(ProtocolExecutor executor, PrintWriter out) {
    try {
      return TerminalKeys.open(executor::request);
    } catch (IOException e) {
      out.println("Keys not available (" + e.getMessage() + "); " + InterruptSignal.howToStop());
      return null;
    }
  }

  private ProtocolSummary loop(
      ProtocolExecutor executor,
      SafetySupervisor supervisor,
      StepPrintQueue steps,
      MonitorReport report,
      StatusLine status,
      List<StepRow> rows,
      JournalSink journal) {
    long originNs = NanoClock.SYSTEM.nanoTime();
    // What gaitctl replay needs to write this steps table again, byte for byte (docs/JOURNAL.md).
    journal.stepsTable(originNs, originNs, JournalSink.STEPS_TABLE_OPEN);
    boolean headerPrinted = false;
    boolean watchdogsPrinted = false;
    boolean stopAsked = false;
    long stopAskedNs = 0;
    while (executor.state() != ExecutorState.ENDED) {
      if (interrupted && !stopAsked) {
        executor.request(OperatorRequest.STOP);
        stopAsked = true;
        stopAskedNs = NanoClock.SYSTEM.nanoTime();
      }
      if (stopAsked && NanoClock.SYSTEM.nanoTime() - stopAskedNs > STOP_WAIT_NS) {
        break; // Closing the device session stops the belt through the supervisor.
      }
      ArmedWatchdogs watchdogs = supervisor.armedWatchdogs();
      if (!watchdogsPrinted && watchdogs != null) {
        // Set by the supervisor's accepted start: what protects the patient if we die from here on.
        status.clear();
        report.printLine(
            "Watchdogs armed and read back: drive "
                + watchdogs.driveMs()
                + " ms, BWS "
                + watchdogs.bwsMs()
                + " ms");
        watchdogsPrinted = true;
      }
      if (!headerPrinted && executor.status().stageIndex() >= 0) {
        status.clear();
        report.printStepHeader();
        headerPrinted = true;
      }
      steps.drain(
          (step, symmetry) -> {
            status.clear();
            report.printStep(step, symmetry);
            rows.add(SessionParts.stepRow(step, originNs));
          });
      status.show(executor.status());
      LockSupport.parkNanos(LOOP_PERIOD_NS);
    }
    steps.drain((step, symmetry) -> rows.add(SessionParts.stepRow(step, originNs)));
    journal.stepsTable(NanoClock.SYSTEM.nanoTime(), originNs, rows.size());
    ProtocolSummary summary = executor.summary();
    // Published when the executor ends the run; missing only if the session thread stopped.
    return summary != null
        ? summary
        : new ProtocolSummary(
            protocolName,
            ProtocolOutcome.STOPPED_BY_FAULT,
            "the session thread did not finish the stop in time",
            executor.status().stageIndex(),
            Double.NaN,
            List.of(),
            List.of());
  }

  private void writeFiles(
      Path folder, List<StepRow> rows, ProtocolSummary summary, double massKg, PrintWriter out) {
    try {
      SessionFiles.write(folder, rows, summary, patient, massKg);
      sessionFilesWritten = true;
      out.println("Session files: " + folder.toAbsolutePath());
    } catch (IOException e) {
      out.println("Could NOT write the session files to " + folder + ": " + e);
    }
    out.flush();
  }

  /**
   * {@code report.pdf} beside the session's files, from its journal once the session has closed it
   * (so the report holds the stop and everything after the last stage).
   */
  private static void writeReport(Path folder, PrintWriter out) {
    try {
      SessionReport report = SessionReport.read(folder.resolve(Journal.FILE_NAME));
      out.println("Session report: " + ReportFiles.writePdf(report, folder).toAbsolutePath());
    } catch (IOException | ConfigException e) {
      out.println("Could NOT write the session report to " + folder + ": " + e);
    }
    out.flush();
  }

  private int exitCode(DeviceSession session, ProtocolSummary summary, MonitorReport report) {
    return switch (summary.outcome()) {
      case COMPLETED -> ExitCodes.DONE;
      case STOPPED_BY_OPERATOR -> interrupted ? ExitCodes.INTERRUPTED : ExitCodes.DONE;
      case REFUSED_TO_START -> {
        report.printLine("Start refused, the belt did not move: " + summary.reason());
        yield ExitCodes.REFUSED_TO_START;
      }
      case STOPPED_BY_FAULT -> {
        session.awaitStopSettled();
        var supervisor = session.safety().supervisor();
        report.printLine(
            "SAFE STOP. "
                + StopOutcomeText.describe(supervisor.lastSafeStop(), supervisor.firstFault()));
        report.printLine(
            "The fault is latched: remove the cause, then run `gaitctl ack` (with the same"
                + " --devices) before the next session.");
        yield ExitCodes.STOPPED_BY_FAULT;
      }
    };
  }

  /** Ctrl-C: ask the loop to stop the belt and wait for it, so the JVM does not exit mid-stop. */
  private void interruptAndWait() {
    interrupted = true;
    try {
      finished.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The status: on a terminal one line rewritten in place ({@code \r}); otherwise a plain line
   * every few seconds and at each stage. Stage starts, overrides and refusals as lines of their
   * own.
   */
  private static final class StatusLine implements ProtocolListener {
    private final PrintWriter out;
    private final boolean terminal;
    private boolean shown;
    private long lastPlainNs;

    StatusLine(PrintWriter out, boolean terminal) {
      this.out = out;
      this.terminal = terminal;
    }

    synchronized void show(ProtocolStatus status) {
      if (status.stageIndex() < 0) {
        return;
      }
      String line = ProtocolSummaryText.statusLine(status);
      if (terminal) {
        out.print("\r" + line + "\u001b[K");
        shown = true;
      } else if (NanoClock.SYSTEM.nanoTime() - lastPlainNs > PLAIN_STATUS_EVERY_NS) {
        out.println(line);
        lastPlainNs = NanoClock.SYSTEM.nanoTime();
      }
      out.flush();
    }

    synchronized void clear() {
      if (shown) {
        out.print("\r\u001b[K");
        shown = false;
      }
    }

    private synchronized void line(String text) {
      clear();
      out.println(text);
      out.flush();
    }

    @Override
    public void onStageStarted(int index, String name) {
      line("== stage " + (index + 1) + ": " + name);
      lastPlainNs = 0;
    }

    @Override
    public void onRequestRefused(OperatorRequest request, String reason) {
      line("refused" + (request == null ? "" : " " + request) + ": " + reason);
    }

    @Override
    public void onOverride(TherapistOverride o) {
      line(String.format(Locale.ROOT, "override: %s %.2f -> %.2f", o.what(), o.from(), o.to()));
    }

    @Override
    public void onPaused(boolean paused) {
      line(paused ? "PAUSED: belt to 0, unloading held (p resumes)" : "resumed");
    }
  }
}
