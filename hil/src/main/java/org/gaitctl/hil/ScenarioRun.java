package org.gaitctl.hil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gaitctl.config.ConfigException;
import org.gaitctl.config.DevicesConfigLoader;
import org.gaitctl.core.journal.JournalReader;
import org.gaitctl.core.journal.JournalRecordType;
import org.gaitctl.hil.agent.FaultAgentAttach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one scenario: the emulators ({@code gaitctl sim}) and the controller ({@code gaitctl
 * session}) as child processes on the per-run profile, the timed injections, the SIGINT after
 * {@code stopAfterS}, then the measurements and the expectations. Children are always ended, the
 * emulators' socat helpers with them, however the run ends.
 *
 * <p>The runner never busy-polls: it parks {@value #POLL_MS} ms between looks at the event log and
 * the processes.
 */
final class ScenarioRun {

  static final long POLL_MS = 20;
  private static final long SIM_READY_TIMEOUT_S = 30;
  private static final long STAGE_TIMEOUT_S = 60;

  /** Twice the devices' 250 ms watchdog: their trip after the controller's end is in the log. */
  private static final long SETTLE_MIN_NS = TimeUnit.MILLISECONDS.toNanos(500);

  private static final long SETTLE_MAX_NS = TimeUnit.SECONDS.toNanos(5);
  private static final long END_WAIT_S = 5;

  /**
   * An injected console command is in the event log within this, ns: the log is flushed every 20
   * ms; the rest is room for a busy machine.
   */
  private static final long INJECTION_LOGGED_NS = TimeUnit.SECONDS.toNanos(2);

  /** SPEED_SET unchanged this long with the belt on it: the first stage's ramp has ended. */
  private static final long STAGE_STEADY_NS = TimeUnit.MILLISECONDS.toNanos(500);

  private static final double STOPPED_MPS = 0.05;

  /** The operator's stop, the fault code a Ctrl-C journals. */
  private static final String OPERATOR_STOP = "F21";

  /**
   * Below this a steady SPEED_SET is the session's creep before the stage's own ramp (0.01 m/s),
   * not a walking speed.
   */
  private static final double MIN_STAGE_SPEED_MPS = 0.1;

  private static final Logger LOG = LoggerFactory.getLogger(ScenarioRun.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Scenario scenario;
  private final ChildJvm jvm;
  private final Path folder;
  private final List<ProcessHandle> descendants = new ArrayList<>();
  private final EmulatorLog liveLog = new EmulatorLog();

  /** Where the wall time went; written to {@value #PHASES_FILE} in the scenario's folder. */
  static final String PHASES_FILE = "phases.txt";

  /** The soak's memory samples: at the first stage, then this often, then before the Ctrl-C. */
  static final long RESOURCE_SAMPLE_EVERY_S = 60;

  /** The controller child's name: its output files are session.out, session.err, session.log. */
  private static final String CONTROLLER = "session";

  private RunPhases phases;
  private List<ResourceSample> resources = List.of();
  private Path ptyDir;
  private Process sim;
  private Process session;

  /**
   * A shell that sends the pause's signals with its builtin {@code kill}, started before the stage
   * so that SIGSTOP and SIGCONT cost no process start (100 ms and more on a loaded machine, which
   * would lengthen the pause); {@code null} when the scenario pauses nothing.
   */
  private Process signaller;

  private OutputStream simConsole;
  private long liveLogOffset;
  private long injectionNs = -1;
  private Injection firstInjection;
  private FaultAgentAttach agent;

  ScenarioRun(Scenario scenario, ChildJvm jvm, Path reportDir) {
    this.scenario = scenario;
    this.jvm = jvm;
    this.folder = reportDir.resolve(scenario.name());
  }

  Path profileFile() {
    return folder.resolve("profile.yaml");
  }

  Path eventLogFile() {
    return folder.resolve("events.jsonl");
  }

  /**
   * Runs the scenario and measures it.
   *
   * @throws ConfigException when the scenario's profile or patient settings are invalid
   */
  ScenarioResult run() throws IOException {
    long startNs = System.nanoTime();
    phases = new RunPhases(startNs);
    deleteRecursively(folder);
    Files.createDirectories(folder);
    ptyDir = Files.createTempDirectory("gaitctl-hil-");
    // A runner ended by a signal (SIGTERM, or Ctrl-C where only it got one) must not leave a
    // controller walking an emulated patient: the hook ends the children as the run's end does.
    Thread endOnExit = new Thread(this::endChildren, "hil-end-children");
    Runtime.getRuntime().addShutdownHook(endOnExit);
    String error = null;
    try {
      RunProfile.write(scenario, ptyDir, profileFile());
      error = drive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    } finally {
      endChildren();
      removeHook(endOnExit);
      deleteRecursively(ptyDir);
    }
    phases.mark("children ended");
    ScenarioResult result = measure(error, (System.nanoTime() - startNs) / 1e9);
    phases.mark("measured and charted");
    LOG.info("{}: phases: {}", scenario.name(), phases.describe());
    phases.write(folder.resolve(PHASES_FILE));
    return result;
  }

  /** Starts the children and runs the scenario's timeline; returns why it failed, or null. */
  private String drive() throws IOException, InterruptedException {
    sim =
        start(
            "sim",
            List.of(
                "sim",
                "--devices",
                profileFile().toString(),
                "--ground-truth",
                folder.resolve("ground-truth.csv").toString(),
                "--event-log",
                eventLogFile().toString()));
    simConsole = sim.getOutputStream();
    if (!awaitOutput(
        sim, folder.resolve("sim.out"), "Press Ctrl-C to stop.", SIM_READY_TIMEOUT_S)) {
      return "the emulators did not start within " + SIM_READY_TIMEOUT_S + " s (see sim.err)";
    }
    remember(sim);
    phases.mark("emulators up");
    long sessionStartNs = System.nanoTime();
    session =
        start(
            CONTROLLER,
            List.of(
                "session",
                "--devices",
                profileFile().toString(),
                "--real-devices",
                "--protocol",
                scenario.protocol(),
                "--patient",
                "hil",
                "--out",
                folder.resolve("session").toString()));
    if (scenario.injections().stream()
        .anyMatch(i -> i.processFault() == Injection.ProcessFault.PAUSE_CONTROLLER)) {
      signaller =
          new ProcessBuilder("sh")
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(folder.resolve("signaller.err").toFile())
              .start();
    }
    long deadlineNs = sessionStartNs + (long) (scenario.timeoutS() * 1e9);
    if (!installAgentFaults()) {
      return "the controller did not start its log within " + SIM_READY_TIMEOUT_S + " s";
    }
    long stageNs =
        awaitFirstStage(
            Math.min(deadlineNs, sessionStartNs + TimeUnit.SECONDS.toNanos(STAGE_TIMEOUT_S)));
    if (stageNs < 0) {
      return session.isAlive()
          ? "the belt did not reach the first stage in time"
          : "the controller ended (exit "
              + session.exitValue()
              + ") before the belt reached the first stage";
    }
    List<Injection> pending = new ArrayList<>(scenario.injections());
    pending.sort(Comparator.comparingDouble(Injection::atS));
    phases.mark("controller start to first stage");
    ResourceSampler sampler = null;
    if (samplesResources()) {
      sampler = new ResourceSampler(session.pid(), stageNs);
      sampler.start(RESOURCE_SAMPLE_EVERY_S);
    }
    boolean interruptSent = scenario.stopAfterS() == null;
    while (session.isAlive() && System.nanoTime() < deadlineNs) {
      long nowNs = System.nanoTime();
      while (!pending.isEmpty() && nowNs >= stageNs + (long) (pending.get(0).atS() * 1e9)) {
        Injection next = pending.remove(0);
        try {
          inject(next);
        } catch (IOException e) {
          return "the injection " + next.describe() + " failed: " + e.getMessage();
        }
        if (next.simCommand() != null && !carriedOut(next.simCommand())) {
          return "the emulators did not carry out the injection '"
              + next.simCommand()
              + "' (their answer is in sim.err)";
        }
      }
      if (!interruptSent && nowNs >= stageNs + (long) (scenario.stopAfterS() * 1e9)) {
        if (sampler != null) {
          resources = sampler.stop(); // the last sample before the controlled stop
          sampler = null;
        }
        interrupt(session);
        interruptSent = true;
      }
      session.waitFor(POLL_MS, TimeUnit.MILLISECONDS);
      tailLog();
    }
    if (sampler != null) {
      resources = sampler.stop();
    }
    for (Injection injection : pending) {
      // Their time comes after the controller ended; a process fault on the emulators still
      // applies.
      if (injection.processFault() == Injection.ProcessFault.KILL_EMULATOR) {
        inject(injection);
      }
    }
    if (session.isAlive()) {
      return "the controller did not end within timeoutS " + scenario.timeoutS() + " s (hang)";
    }
    phases.mark("first stage to controller exit");
    settle();
    phases.mark("belt settled");
    return null;
  }

  /** Whether an expectation judges the controller's memory (jcmd costs a JVM start a sample). */
  private boolean samplesResources() {
    return Stream.concat(scenario.expectations().stream(), scenario.alternative().stream())
        .anyMatch(
            e -> e instanceof SoakExpectations.RssFlat || e instanceof SoakExpectations.HeapFlat);
  }

  private Process start(String name, List<String> args) throws IOException {
    List<String> withLog = new ArrayList<>(args);
    withLog.add("--log-file");
    withLog.add(folder.resolve(name + ".log").toString());
    ProcessBuilder builder =
        new ProcessBuilder(
            jvm.command(
                name.equals(CONTROLLER) ? ChildJvm.CONTROLLER_OPTIONS : ChildJvm.EMULATOR_OPTIONS,
                withLog));
    builder.redirectOutput(folder.resolve(name + ".out").toFile());
    builder.redirectError(folder.resolve(name + ".err").toFile());
    return builder.start();
  }

  private boolean awaitOutput(Process process, Path out, String line, long timeoutS)
      throws IOException, InterruptedException {
    long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
    while (System.nanoTime() < deadlineNs && process.isAlive()) {
      if (Files.exists(out) && Files.readString(out).contains(line)) {
        return true;
      }
      process.waitFor(50, TimeUnit.MILLISECONDS);
    }
    return false;
  }

  /**
   * Waits for the belt to reach the first stage: the drive's SPEED_SET, at least {@value
   * #MIN_STAGE_SPEED_MPS} m/s, unchanged for {@value #STAGE_STEADY_NS} ns with RUN set and the belt
   * within 0.02 m/s of it. Returns when that began, or -1.
   */
  private long awaitFirstStage(long deadlineNs) throws IOException, InterruptedException {
    while (System.nanoTime() < deadlineNs && session.isAlive()) {
      tailLog();
      long reachedNs = firstStage(liveLog.samples());
      if (reachedNs >= 0) {
        LOG.info("{}: first stage reached", scenario.name());
        return reachedNs;
      }
      session.waitFor(POLL_MS, TimeUnit.MILLISECONDS);
    }
    return -1;
  }

  /**
   * The stance asymmetry of the per-run profile's patient, %: the one it walks until a {@code
   * patient asymmetry} injection. NaN (phase named by time only) when the profile does not read.
   */
  private double profileStanceAsymmetryPercent() {
    try {
      return DevicesConfigLoader.load(profileFile())
          .simulation()
          .patient()
          .stanceAsymmetryPercent();
    } catch (ConfigException e) {
      LOG.warn(
          "{}: per-run profile unreadable for the patient's asymmetry: {}",
          scenario.name(),
          e.getMessage());
      return Double.NaN;
    }
  }

  static long firstStage(List<EmulatorLog.Sample> samples) {
    long steadySinceNs = -1;
    double steadySpeed = -1;
    for (EmulatorLog.Sample s : samples) {
      boolean onSetpoint =
          s.run()
              && s.speedSetMps() >= MIN_STAGE_SPEED_MPS
              && Math.abs(s.beltMps() - s.speedSetMps()) <= 0.02;
      if (!onSetpoint || s.speedSetMps() != steadySpeed) {
        steadySinceNs = onSetpoint ? s.timeNs() : -1;
        steadySpeed = onSetpoint ? s.speedSetMps() : -1;
        continue;
      }
      if (s.timeNs() - steadySinceNs >= STAGE_STEADY_NS) {
        return steadySinceNs;
      }
    }
    return -1;
  }

  private void tailLog() throws IOException {
    Path file = eventLogFile();
    if (!Files.exists(file) || Files.size(file) <= liveLogOffset) {
      return;
    }
    byte[] bytes;
    try (var channel = Files.newByteChannel(file)) {
      channel.position(liveLogOffset);
      var buffer =
          java.nio.ByteBuffer.allocate(
              (int) Math.min(Integer.MAX_VALUE - 8, channel.size() - liveLogOffset));
      while (buffer.hasRemaining() && channel.read(buffer) > 0) {
        // Reads until the buffer is full or the file ends.
      }
      bytes = java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }
    int lastNewline = -1;
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        lastNewline = i;
        break;
      }
    }
    if (lastNewline < 0) {
      return; // Only a partial line so far.
    }
    String text = new String(bytes, 0, lastNewline, StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      liveLog.add(line);
    }
    liveLogOffset += lastNewline + 1;
  }

  private void inject(Injection injection) throws IOException, InterruptedException {
    LOG.info("{}: inject {}", scenario.name(), injection.describe());
    long nowNs;
    if (injection.simCommand() != null) {
      nowNs = System.nanoTime();
      console(injection.simCommand());
    } else if (injection.agentFault() != null) {
      injectByAgent(injection);
      nowNs = System.nanoTime();
    } else {
      nowNs =
          switch (injection.processFault()) {
            case KILL_CONTROLLER -> {
              remember(session);
              long killNs = System.nanoTime();
              session.destroyForcibly(); // SIGKILL
              yield killNs;
            }
            case KILL_EMULATOR -> {
              remember(sim);
              long killNs = System.nanoTime();
              sim.destroyForcibly(); // SIGKILL: socat helpers stay behind, ended at the end
              yield killNs;
            }
            case PAUSE_CONTROLLER -> pauseController(injection.pauseMs());
            case CLOSE_PTY -> closePty(injection.target());
            case RESET_TCP -> {
              // Only the device can reset its own connection with an RST: its console does it.
              long resetNs = System.nanoTime();
              console(injection.target() + " disconnect");
              yield resetNs;
            }
          };
    }
    if (firstInjection == null) {
      firstInjection = injection;
      injectionNs = nowNs;
    }
  }

  /**
   * Puts the advice of the scenario's agent faults in place, unarmed, as soon as the controller's
   * JVM runs (its log file exists: the command line was parsed), long before the belt moves.
   * Returns false when the controller never got that far.
   */
  private boolean installAgentFaults() throws IOException, InterruptedException {
    List<Injection> agentFaults =
        scenario.injections().stream().filter(i -> i.agentFault() != null).toList();
    if (agentFaults.isEmpty()) {
      return true;
    }
    if (!awaitOutput(session, folder.resolve("session.log"), "", SIM_READY_TIMEOUT_S)) {
      return false;
    }
    for (Injection injection : agentFaults) {
      agent().install(session.pid(), injection.agentFault());
    }
    return true;
  }

  private FaultAgentAttach agent() throws IOException {
    if (agent == null) {
      agent = FaultAgentAttach.writeAgentJar(folder.resolve("fault-agent.jar"));
    }
    return agent;
  }

  /**
   * Attaches the fault agent to the controller and arms the fault; the runner's clock after the
   * attach is the injection time unless the agent records when the fault fired ({@link
   * #agentFiredFile()}).
   */
  private void injectByAgent(Injection injection) throws IOException {
    if (session.isAlive()) {
      agent().inject(session.pid(), injection.agentFault(), agentFiredFile());
    }
  }

  Path agentFiredFile() {
    return folder.resolve("agent-fired.txt");
  }

  private void console(String line) throws IOException {
    if (sim.isAlive()) {
      simConsole.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      simConsole.flush();
    }
  }

  /**
   * SIGSTOP of the controller, SIGCONT {@code pauseMs} later (this runner waits meanwhile: nothing
   * else may happen while the controller is frozen). Returns when the SIGSTOP was sent.
   */
  private long pauseController(long pauseMs) throws IOException, InterruptedException {
    long stoppedNs = System.nanoTime();
    signalFromShell(session, "STOP");
    long resumeNs = stoppedNs + TimeUnit.MILLISECONDS.toNanos(pauseMs);
    for (long leftNs = resumeNs - System.nanoTime();
        leftNs > 0;
        leftNs = resumeNs - System.nanoTime()) {
      TimeUnit.NANOSECONDS.sleep(leftNs);
    }
    signalFromShell(session, "CONT");
    LOG.info(
        "{}: controller stopped for {} ms",
        scenario.name(),
        String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - stoppedNs) / 1e6));
    return stoppedNs;
  }

  /**
   * SIGKILL of the socat that joins the two ends of the serial link {@code link} (its host end is
   * {@code ptyDir/link}, see {@link RunProfile}): the controller's end of the pseudo-terminal is
   * gone, as a cable pulled out. Returns when the signal was sent.
   */
  private long closePty(String link) throws IOException {
    remember(sim);
    String hostEndArgument = "link=" + ptyDir.resolve(link);
    ProcessHandle socat =
        descendants.stream()
            .filter(ProcessHandle::isAlive)
            .filter(
                p ->
                    java.util.Arrays.stream(p.info().arguments().orElse(new String[0]))
                        .anyMatch(a -> a.endsWith(hostEndArgument)))
            .findFirst()
            .orElseThrow(
                () ->
                    new IOException(
                        "no socat of the emulators holds " + ptyDir.resolve(link) + " open"));
    long killNs = System.nanoTime();
    socat.destroyForcibly();
    return killNs;
  }

  private void signalFromShell(Process process, String signal) throws IOException {
    if (!signaller.isAlive()) {
      throw new IOException("the signalling shell ended (see signaller.err)");
    }
    OutputStream shell = signaller.getOutputStream();
    shell.write(("kill -" + signal + " " + process.pid() + "\n").getBytes(StandardCharsets.UTF_8));
    shell.flush();
  }

  private static void signal(Process process, String signal)
      throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
    if (!kill.waitFor(END_WAIT_S, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IOException("kill -" + signal + " " + process.pid() + " failed");
    }
  }

  /** The operator's Ctrl-C: SIGINT, so the controller makes its controlled stop. */
  private static void interrupt(Process process) throws IOException, InterruptedException {
    signal(process, "INT");
  }

  /**
   * Whether the emulators logged {@code command} as carried out within {@link
   * #INJECTION_LOGGED_NS}. The fault console answers a line it cannot carry out on the emulator's
   * stderr and goes on: without this the scenario would judge a run in which its fault never
   * happened.
   */
  private boolean carriedOut(String command) throws IOException, InterruptedException {
    long deadlineNs = System.nanoTime() + INJECTION_LOGGED_NS;
    while (true) {
      tailLog();
      if (liveLog.injection(command).isPresent()) {
        return true;
      }
      if (System.nanoTime() > deadlineNs || !sim.isAlive()) {
        return false;
      }
      sim.waitFor(POLL_MS, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Keeps the emulators running until the belt stands (at least {@link #SETTLE_MIN_NS}, at most 5 s
   * after the end).
   */
  private void settle() throws IOException, InterruptedException {
    long endNs = System.nanoTime();
    while (sim.isAlive() && System.nanoTime() - endNs < SETTLE_MAX_NS) {
      tailLog();
      List<EmulatorLog.Sample> samples = liveLog.samples();
      EmulatorLog.Sample last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
      if (System.nanoTime() - endNs >= SETTLE_MIN_NS
          && last != null
          && last.fastestBeltMps() < STOPPED_MPS) {
        return;
      }
      sim.waitFor(POLL_MS * 5, TimeUnit.MILLISECONDS);
    }
  }

  /** Records a child's descendants (socat under setsid) while they are still its own. */
  private void remember(Process process) {
    try (Stream<ProcessHandle> children = process.descendants()) {
      children.forEach(descendants::add);
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting: the hook runs (or ran) and ends what is left; nothing to remove.
      LOG.info("runner exiting; its hook ends the children");
    }
  }

  /**
   * Ends the controller and the emulators (quit, then destroy, then destroyForcibly) and socat. The
   * run's end and the exit hook may both call it; the second finds nothing alive.
   */
  private synchronized void endChildren() {
    if (signaller != null) {
      if (session != null && session.isAlive()) {
        // Never leave the controller stopped, whatever ended the run.
        try {
          signal(session, "CONT");
        } catch (IOException e) {
          LOG.warn("{}: cannot resume the controller ({})", scenario.name(), e.toString());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      end(signaller);
    }
    if (session != null && session.isAlive()) {
      remember(session);
      end(session);
    }
    if (sim != null && sim.isAlive()) {
      remember(sim);
      try {
        simConsole.write("quit\n".getBytes(StandardCharsets.UTF_8));
        simConsole.flush();
      } catch (IOException e) {
        LOG.warn(
            "{}: cannot ask the emulators to quit ({}); ending them",
            scenario.name(),
            e.toString());
      }
      try {
        sim.waitFor(END_WAIT_S, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      end(sim);
    }
    for (ProcessHandle left : descendants) {
      if (left.isAlive()) {
        left.destroy();
      }
    }
  }

  private void end(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(END_WAIT_S, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(END_WAIT_S, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private ScenarioResult measure(String error, double durationS) throws IOException {
    EmulatorLog log = EmulatorLog.read(eventLogFile());
    OptionalLong injected = OptionalLong.empty();
    if (firstInjection != null) {
      // A console command takes effect when the emulators carry it out (their own record).
      OptionalLong logged =
          firstInjection.simCommand() != null
              ? log.injection(firstInjection.simCommand())
              : OptionalLong.empty();
      if (firstInjection.agentFault() != null) {
        // The agent's own record of the moment the fault happened inside the controller.
        logged = FaultAgentAttach.firedNs(agentFiredFile(), firstInjection.agentFault());
      }
      injected = logged.isPresent() ? logged : OptionalLong.of(injectionNs);
    }
    Path sessionDir = folder.resolve("session");
    Observations observations =
        new Observations(
            session != null && !session.isAlive() && error == null
                ? Integer.valueOf(session.exitValue())
                : null,
            readIfExists(folder.resolve("session.out"))
                + readIfExists(folder.resolve("session.err"))
                + readIfExists(folder.resolve("session.log")),
            readJson(sessionDir.resolve("summary.json")),
            detectedSteps(sessionDir),
            GroundTruthCsv.read(folder.resolve("ground-truth.csv")),
            log,
            injected,
            sessionDir.resolve("journal.gjl"),
            resources,
            profileStanceAsymmetryPercent());
    if (!resources.isEmpty()) {
      ResourceCsv.write(resources, folder.resolve(ResourceCsv.FILE_NAME));
    }
    List<ExpectationResult> results =
        error == null ? ExpectedOutcomes.judge(scenario, observations) : List.of();
    // A change of the patient's walk is no fault: nothing reacts to it, and the stop after it is
    // the operator's Ctrl-C, not a latency of the report's tables.
    boolean faultInjected =
        injected.isPresent() && !SymmetryPhases.changesTheWalk(scenario.firstInjection());
    Map<String, Double> latencies =
        faultInjected ? latencies(log, injected.getAsLong()) : new LinkedHashMap<>();
    if (faultInjected) {
      OptionalLong detectedNs =
          firstSupervisedFault(sessionDir.resolve("journal.gjl"), injected.getAsLong());
      if (detectedNs.isPresent()) {
        put(
            latencies,
            SafetyFigures.FAULT_TO_STOP,
            detectedNs.getAsLong(),
            log.firstStopCommand(detectedNs.getAsLong()));
      }
    }
    Path png = null;
    if (!log.samples().isEmpty()) {
      png = folder.resolve("timeline.png");
      TimelineChart.write(log, injected, scenario.name(), png);
    }
    return new ScenarioResult(scenario, error, results, latencies, folder, png, durationS);
  }

  static Map<String, Double> latencies(EmulatorLog log, long injectedNs) {
    Map<String, Double> latencies = new LinkedHashMap<>();
    put(latencies, "injection → stop on the wire", injectedNs, log.firstStopCommand(injectedNs));
    put(latencies, "injection → HOLD on the wire", injectedNs, log.firstHoldCommand(injectedNs));
    put(
        latencies,
        "injection → drive watchdog trip",
        injectedNs,
        log.firstEvent(injectedNs, "watchdog", "drive"));
    put(latencies, "injection → belt slows", injectedNs, log.beltFallOnset(injectedNs));
    EmulatorLog.Sample stopped = log.firstSample(injectedNs, s -> s.fastestBeltMps() < STOPPED_MPS);
    if (stopped != null
        && log.lastSampleBefore(injectedNs) != null
        && log.lastSampleBefore(injectedNs).fastestBeltMps() >= STOPPED_MPS) {
      latencies.put("injection → belt < 0.05 m/s", (stopped.timeNs() - injectedNs) / 1e6);
    }
    return latencies;
  }

  /**
   * When the controller detected the first supervised fault at or after {@code fromNs}: its FAULT
   * journal record's time (the controller's {@code System.nanoTime()}, the event log's clock). The
   * operator's stop (F21, the scenario's Ctrl-C) is no supervised fault.
   */
  static OptionalLong firstSupervisedFault(Path journal, long fromNs) throws IOException {
    if (!Files.exists(journal)) {
      return OptionalLong.empty();
    }
    long[] firstNs = {Long.MAX_VALUE};
    JournalReader.read(
        journal,
        record -> {
          if (record.type() == JournalRecordType.FAULT
              && record.timeNs() >= fromNs
              && record.timeNs() < firstNs[0]
              && !record.texts()[0].startsWith(OPERATOR_STOP)) {
            firstNs[0] = record.timeNs();
          }
        });
    return firstNs[0] == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(firstNs[0]);
  }

  private static void put(
      Map<String, Double> latencies, String name, long fromNs, OptionalLong atNs) {
    if (atNs.isPresent()) {
      latencies.put(name, (atNs.getAsLong() - fromNs) / 1e6);
    }
  }

  /**
   * The session's steps on the host clock, or {@code null} without {@code steps.csv} or without the
   * journal's steps table that places them.
   */
  private static List<Observations.StepTime> detectedSteps(Path sessionDir) throws IOException {
    OptionalLong originNs = StepsTableOrigin.read(sessionDir.resolve("journal.gjl"));
    return originNs.isEmpty()
        ? null
        : GroundTruthCsv.readDetected(sessionDir.resolve("steps.csv"), originNs.getAsLong());
  }

  private static String readIfExists(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  private static JsonNode readJson(Path file) {
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      LOG.warn("{} is not JSON: {}", file, e.toString());
      return null;
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
