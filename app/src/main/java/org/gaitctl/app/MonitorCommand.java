package org.gaitctl.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.config.InvalidSettingException;
import org.gaitctl.config.PatientSettings;
import org.gaitctl.config.SimulationSettings;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.drivers.serial.JSerialCommShutdown;
import org.gaitctl.session.SessionCommand;
import org.gaitctl.session.SessionController;
import org.gaitctl.session.SessionState;
import org.gaitctl.sim.hil.EmulatedHardware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gaitctl monitor}: connects to the devices, runs the belt at a fixed speed under the safety
 * supervisor, and prints every completed step with its running symmetry, and every few seconds the
 * latency percentiles and the counters.
 */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    description = {
      "Run the belt at a fixed speed and print each completed step (side, times, force, running"
          + " symmetry) and, every few seconds, latency percentiles and counters.",
      "Without --devices, the built-in emulators are started in-process on real transports"
          + " (Modbus TCP, socat pseudo-terminals) with the emulated patient walking.",
      "The belt stops on exit, Ctrl-C, or any fault (controlled stop, harness held)."
    })
final class MonitorCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(MonitorCommand.class);

  private static final long LOOP_PERIOD_NS = TimeUnit.MILLISECONDS.toNanos(50);

  /** A final report is printed unless the periodic one is more recent than this. */
  private static final long FINAL_REPORT_AFTER_NS = TimeUnit.SECONDS.toNanos(1);

  @Spec private CommandSpec spec;

  @Mixin private ProfileOption profile;

  @Option(
      names = "--speed",
      paramLabel = "M_PER_S",
      description =
          "Belt speed, m/s (default: ${DEFAULT-VALUE}; within (0, maxBeltSpeedMps] of the"
              + " profile).")
  private double speedMps = 1.0;

  @Option(
      names = "--unloading",
      paramLabel = "N",
      description =
          "Unloading force of the harness, N: 0 (force control off, the default) or within the"
              + " profile's [minUnloadingN, maxUnloadingN].")
  private double unloadingN = 0;

  @Option(
      names = "--incline",
      paramLabel = "PCT",
      description =
          "Incline, %% grade, within the profile's [minInclinePercent, maxInclinePercent]; set in"
              + " steps once the belt runs (default: the incline the treadmill is at).")
  private Double inclinePercent;

  @Option(
      names = "--body-mass",
      paramLabel = "KG",
      description =
          "Patient's body mass, kg (default: the profile's simulation.patient.bodyMassKg).")
  private Double bodyMassKg;

  @Option(
      names = "--asymmetry",
      paramLabel = "PCT",
      description =
          "Emulated patient only: symmetry index of stance time, step length and peak force, %%"
              + " (default: the profile's settings).")
  private Double asymmetryPercent;

  @Option(
      names = "--ground-truth",
      paramLabel = "CSV",
      description = "Emulated patient only: write its ground truth (one row per step) here.")
  private Path groundTruthCsv;

  @Option(
      names = "--record",
      paramLabel = "DIR",
      description =
          "Record the run into the session journal DIR/journal.gjl (docs/JOURNAL.md); refused"
              + " before any motion when DIR cannot be written or lacks room.")
  private Path recordDir;

  @Option(
      names = "--duration",
      paramLabel = "S",
      description = "Stop after this many seconds (default: run until Ctrl-C).")
  private double durationS;

  @Option(
      names = "--report-every",
      paramLabel = "S",
      description = "Seconds between latency and counter reports (default: ${DEFAULT-VALUE}).")
  private double reportEveryS = 5;

  @Option(
      names = "--settling-strides",
      paramLabel = "N",
      description =
          "Strides after a speed change left out of the running symmetry, until gait is steady"
              + " (default: ${DEFAULT-VALUE}); those steps are marked 'settling'.")
  private int settlingStrides = 5;

  @Mixin private EmulationOptions emulation;

  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean stopRequested;

  @Override
  public Integer call() {
    DevicesConfig devices = profile.load();
    checkOptions(devices);
    double journalMassKg =
        bodyMassKg != null ? bodyMassKg : devices.simulation().patient().bodyMassKg();
    JournalRecording recording =
        recordDir == null
            ? null
            : JournalRecording.prepare(recordDir, devices, null, "", journalMassKg, durationS);
    PrintWriter out = spec.commandLine().getOut();
    boolean emulated = emulation.emulated(profile);
    EmulatedHardware hardware = emulated ? startEmulators(devices, out) : null;
    // Ctrl-C: the controlled stop needs the serial links (and the emulators' ports) open until
    // it is done, so it runs before jSerialComm's own hook closes every port.
    JSerialCommShutdown.runBeforePortsClose(
        new Thread(this::requestStopAndWait, "monitor-shutdown"));
    try {
      DevicesConfig target = hardware == null ? devices : hardware.controllerProfile();
      double massKg = bodyMassKg != null ? bodyMassKg : devices.simulation().patient().bodyMassKg();
      return run(target, massKg, recording, out);
    } finally {
      if (hardware != null) {
        hardware.close();
      }
      finished.countDown();
    }
  }

  private void checkOptions(DevicesConfig devices) {
    SessionRanges ranges = new SessionRanges(devices);
    ranges.requireSpeed(speedMps);
    ranges.requireUnloading(unloadingN);
    if (inclinePercent != null) {
      ranges.requireIncline(inclinePercent);
    }
    if (bodyMassKg != null && !PatientSettings.BODY_MASS_KG.contains(bodyMassKg)) {
      throw new UserError(
          "--body-mass " + bodyMassKg + " kg is outside " + PatientSettings.BODY_MASS_KG + " kg");
    }
    if (asymmetryPercent != null) {
      try {
        PatientSettings.defaults().withAsymmetryPercent(asymmetryPercent);
      } catch (InvalidSettingException e) {
        throw new UserError("--asymmetry: " + e.getMessage(), e);
      }
    }
    if (settlingStrides < 0) {
      throw new UserError("--settling-strides must be >= 0, was " + settlingStrides);
    }
    if (!(reportEveryS > 0) || durationS < 0) {
      throw new UserError("--report-every must be > 0 and --duration >= 0");
    }
  }

  private EmulatedHardware startEmulators(DevicesConfig devices, PrintWriter out) {
    return EmulationOptions.start(withPatient(devices), groundTruthCsv, out);
  }

  private DevicesConfig withPatient(DevicesConfig devices) {
    PatientSettings patient = devices.simulation().patient();
    PatientSettings withMass = bodyMassKg == null ? patient : patient.withBodyMassKg(bodyMassKg);
    PatientSettings adjusted =
        asymmetryPercent == null ? withMass : withMass.withAsymmetryPercent(asymmetryPercent);
    return devices.withSimulation(
        new SimulationSettings(adjusted, devices.simulation().pressureBelt()));
  }

  private int run(
      DevicesConfig devices, double massKg, JournalRecording recording, PrintWriter out) {
    MonitorReport report = new MonitorReport(out, NanoClock.SYSTEM, settlingStrides);
    try (DeviceSession session = DeviceSession.open(devices, NanoClock.SYSTEM, massKg, recording)) {
      if (recording != null) {
        out.println("Recording the session journal " + recording.file().toAbsolutePath());
      }
      // Subscribed before the belt runs, so no step is missed.
      StepPrintQueue steps = new StepPrintQueue(session.pipeline().steps());
      out.printf(
          Locale.ROOT,
          "Connected. Pressure belt %s: %d belt(s) of %d x %d cells at %d Hz.%n",
          session.beltInfo().serial(),
          session.beltInfo().belts(),
          session.beltInfo().rows(),
          session.beltInfo().cols(),
          session.beltInfo().rateHz());
      out.println("Warming up: the streams run before the belt may move.");
      out.flush();
      out.println(session.warmUp(() -> stopRequested).describe());
      out.flush();
      SessionController control = session.session();
      control.addListener(report);
      control.submit(new SessionCommand.Start(speedMps, unloadingN));
      SessionState reached = awaitSettled(control, report);
      if (stopRequested) {
        // Ctrl-C during the start: closing the session stops the belt under control.
        report.printLine("Interrupted during the start; stopping the belt (controlled stop).");
        return ExitCodes.INTERRUPTED;
      }
      if (reached != SessionState.RUNNING) {
        return reportFault(session, report);
      }
      if (inclinePercent != null) {
        // The session ramps the incline once the belt runs; a refusal is printed by the report.
        control.submit(new SessionCommand.SetIncline(inclinePercent));
        out.printf(Locale.ROOT, "Incline going to %.1f %% grade.%n", inclinePercent);
      }
      out.printf(Locale.ROOT, "Belt running. %s%n", InterruptSignal.howToStop());
      report.printStepHeader();
      return loop(session, steps, report);
    }
  }

  /** Waits until the start has brought the belt to speed, or ended in a stop or refusal. */
  private SessionState awaitSettled(SessionController control, MonitorReport report) {
    while (!stopRequested) {
      if (report.startRefusal() != null) {
        // Refused before arming: the session stays IDLE without a reason of its own.
        throw new StartRefused(report.startRefusal());
      }
      SessionState state = control.state();
      if (state == SessionState.RUNNING
          || state == SessionState.STOPPING
          || state == SessionState.LATCHED
          || (state == SessionState.IDLE && !control.reason().isEmpty())) {
        return state;
      }
      LockSupport.parkNanos(LOOP_PERIOD_NS);
    }
    return control.state();
  }

  private int loop(DeviceSession session, StepPrintQueue steps, MonitorReport report) {
    NanoClock clock = NanoClock.SYSTEM;
    long startNs = clock.nanoTime();
    long endNs = startNs + (long) (durationS * 1e9);
    long reportPeriodNs = (long) (reportEveryS * 1e9);
    long nextReportNs = startNs + reportPeriodNs;
    while (!stopRequested) {
      long nowNs = clock.nanoTime();
      steps.drain(report::printStep);
      if (nowNs - nextReportNs >= 0) {
        report.printStatus(session, steps, (nowNs - startNs) / 1e9);
        nextReportNs += reportPeriodNs;
      }
      if (session.session().state() != SessionState.RUNNING) {
        return reportFault(session, report);
      }
      if (durationS > 0 && nowNs - endNs >= 0) {
        break;
      }
      LockSupport.parkNanos(LOOP_PERIOD_NS);
    }
    steps.drain(report::printStep);
    if (clock.nanoTime() - (nextReportNs - reportPeriodNs) > FINAL_REPORT_AFTER_NS) {
      report.printStatus(session, steps, (clock.nanoTime() - startNs) / 1e9);
    }
    report.printCounters(session);
    report.printLine("Stopping the belt (controlled stop).");
    return stopRequested ? ExitCodes.INTERRUPTED : ExitCodes.DONE;
  }

  /** The session ended in a stop or a refusal: wait for the latch, then say why. */
  private static int reportFault(DeviceSession session, MonitorReport report) {
    SessionController control = session.session();
    session.awaitStopSettled();
    var supervisor = session.safety().supervisor();
    if (control.state() == SessionState.IDLE) {
      report.printLine("Start refused, the belt did not move: " + control.reason());
      return ExitCodes.REFUSED_TO_START;
    }
    LOG.warn("safe stop: {}; outcome {}", supervisor.firstFault(), supervisor.lastSafeStop());
    report.printCounters(session);
    report.printLine(
        "SAFE STOP. "
            + StopOutcomeText.describe(supervisor.lastSafeStop(), supervisor.firstFault()));
    report.printLine(
        "The fault is latched: remove the cause, then run `gaitctl ack` (with the same --devices)"
            + " before the next session.");
    return ExitCodes.STOPPED_BY_FAULT;
  }

  /**
   * Ctrl-C: ask the loop to stop the belt and wait for it, so the JVM does not exit mid-stop. At a
   * normal exit the loop is already finished and this returns at once.
   */
  private void requestStopAndWait() {
    stopRequested = true;
    try {
      finished.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
