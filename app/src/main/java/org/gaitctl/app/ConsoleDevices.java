package org.gaitctl.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.gaitctl.config.ConfigException;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.config.ProtocolCheck;
import org.gaitctl.config.ProtocolLibrary;
import org.gaitctl.config.protocol.PatientLimits;
import org.gaitctl.config.protocol.ProtocolDocument;
import org.gaitctl.config.protocol.TherapyProtocol;
import org.gaitctl.core.analysis.StepRow;
import org.gaitctl.core.pipeline.StepSubscription;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.hmi.console.ConsoleBackend;
import org.gaitctl.hmi.console.ConsoleFeeds;
import org.gaitctl.safety.SupervisorSettings;
import org.gaitctl.session.SessionCommand;
import org.gaitctl.session.checks.PreSessionCheck;
import org.gaitctl.session.protocol.OverrideLimits;
import org.gaitctl.session.protocol.ProtocolExecutor;
import org.gaitctl.session.protocol.ProtocolSummary;
import org.gaitctl.sim.hil.EmulatedHardware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's devices: the emulators (when emulated) and the {@link DeviceSession} for the
 * patient's body mass, the pre-session checks, one {@link ProtocolExecutor} per run built as {@code
 * gaitctl session} builds it, and the run's session files. Opening and closing happen on the
 * console's worker thread; the feeds are published through a volatile for the EDT.
 */
final class ConsoleDevices implements ConsoleBackend {

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleDevices.class);
  private static final int RECORDING_QUEUE_CAPACITY = 256;

  private final DevicesConfig devices;
  private final boolean emulated;
  private final Path outDir;
  private final PrintWriter out;
  private final Optional<SupervisorSettings> supervision;

  private EmulatedHardware hardware;
  private volatile DeviceSession session;
  private double openMassKg = Double.NaN;
  private volatile ConsoleFeeds feeds;

  // The run being recorded: EDT (drainRecording, start) and worker (writeSessionFiles, after end).
  private final List<StepRow> rows = new ArrayList<>();
  private StepSubscription recording;
  private long originNs;
  private String patientId = "anonymous";
  private double runMassKg;

  /**
   * @param devices the profile as loaded
   * @param emulated whether to start the built-in emulators for it
   * @param outDir the folder for the session files, or null for ~/.gaitctl/sessions/...
   * @param out where the emulators' addresses are printed
   * @param supervision the supervisor's settings; empty: the defaults with the profile's own, as
   *     {@code gaitctl session} runs
   */
  ConsoleDevices(
      DevicesConfig devices,
      boolean emulated,
      Path outDir,
      PrintWriter out,
      Optional<SupervisorSettings> supervision) {
    this.devices = devices;
    this.emulated = emulated;
    this.outDir = outDir;
    this.out = out;
    this.supervision = supervision;
  }

  @Override
  public List<String> protocolNames() {
    return ProtocolLibrary.NAMES;
  }

  @Override
  public TherapyProtocol protocol(String fileOrName, double bodyMassKg) {
    ProtocolDocument document = ProtocolSource.resolve(fileOrName);
    PatientLimits patient = PatientLimits.forBodyMass(bodyMassKg, devices.limits());
    ProtocolCheck.requireRunnable(document, patient, devices.limits());
    return document.protocol();
  }

  @Override
  public synchronized List<PreSessionCheck> prepare(
      double bodyMassKg, String protocolFileOrName, Consumer<List<PreSessionCheck>> progress) {
    if (session == null || Double.compare(bodyMassKg, openMassKg) != 0) {
      closeDevices();
      try {
        if (emulated) {
          hardware = SessionParts.startEmulators(devices, bodyMassKg, out);
        }
        DevicesConfig target = hardware == null ? devices : hardware.controllerProfile();
        session =
            supervision.isPresent()
                ? DeviceSession.open(target, NanoClock.SYSTEM, bodyMassKg, supervision.get())
                : DeviceSession.open(target, NanoClock.SYSTEM, bodyMassKg);
        openMassKg = bodyMassKg;
      } catch (StartRefused | UserError e) {
        LOG.error("console: devices not ready: {}", e.getMessage());
        closeDevices();
        return ConsoleChecks.notConnected(e.getMessage());
      }
      feeds =
          new ConsoleFeeds(
              session.pipeline(),
              session.safety().supervisor(),
              session.session(),
              session.safety().drivePoller());
    }
    ProtocolDocument document;
    try {
      document = ProtocolSource.resolve(protocolFileOrName);
    } catch (ConfigException unreadable) {
      return ConsoleChecks.protocolUnreadable(unreadable.getMessage());
    }
    PatientLimits patient = PatientLimits.forBodyMass(bodyMassKg, devices.limits());
    // The same list, in the same order, as `gaitctl session` prints; the supervisor stays IDLE.
    return new PreSessionChecks(session, document, patient).run(() -> false, progress).checks();
  }

  @Override
  public ConsoleFeeds feeds() {
    return feeds;
  }

  @Override
  public ProtocolExecutor start(String patientId, double bodyMassKg, TherapyProtocol protocol) {
    DeviceSession open = session;
    if (open == null) {
      throw new IllegalStateException("the devices are not open");
    }
    OverrideLimits limits =
        OverrideLimits.of(
            PatientLimits.forBodyMass(bodyMassKg, devices.limits()),
            protocol.requirements(),
            devices.limits());
    ProtocolExecutor executor =
        SessionParts.executor(
            open,
            protocol,
            bodyMassKg,
            limits,
            UnloadingControl.CLOSED_LOOP.settings(devices.limits()));
    synchronized (rows) {
      rows.clear();
      if (recording != null) {
        open.pipeline().steps().unsubscribe(recording);
      }
      recording = open.pipeline().steps().subscribe("session files", RECORDING_QUEUE_CAPACITY);
      originNs = NanoClock.SYSTEM.nanoTime();
      this.patientId = patientId;
      this.runMassKg = bodyMassKg;
    }
    executor.start();
    return executor;
  }

  @Override
  public void drainRecording() {
    synchronized (rows) {
      if (recording != null) {
        recording.drain(
            (step, symmetry, arrivalNs) -> rows.add(SessionParts.stepRow(step, originNs)));
      }
    }
  }

  @Override
  public void acknowledge() {
    ConsoleFeeds now = feeds;
    if (now != null) {
      now.session().submit(new SessionCommand.Acknowledge());
    }
  }

  @Override
  public String writeSessionFiles(ProtocolSummary summary) {
    List<StepRow> copy;
    String patient;
    double massKg;
    synchronized (rows) {
      copy = List.copyOf(rows);
      patient = patientId;
      massKg = runMassKg;
    }
    Path folder = outDir != null ? outDir : defaultFolder(patient);
    try {
      SessionFiles.write(folder, copy, summary, patient, massKg);
      return "Session files: " + folder.toAbsolutePath();
    } catch (IOException e) {
      LOG.error("console: could not write the session files to {}", folder, e);
      return "Could NOT write the session files to " + folder + ": " + e;
    }
  }

  /** The emulators, while the devices are open on them; null otherwise. For the window test. */
  synchronized EmulatedHardware hardware() {
    return hardware;
  }

  @Override
  public synchronized void close() {
    closeDevices();
  }

  /** Stops the belt through the supervisor (the device session's close), then the emulators. */
  private void closeDevices() {
    feeds = null;
    if (session != null) {
      session.close();
      session = null;
    }
    if (hardware != null) {
      hardware.close();
      hardware = null;
    }
    openMassKg = Double.NaN;
  }

  private static Path defaultFolder(String patient) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return Path.of(System.getProperty("user.home"), ".gaitctl", "sessions", stamp + "-" + patient);
  }
}
