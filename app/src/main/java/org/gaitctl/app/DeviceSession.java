package org.gaitctl.app;

import static org.gaitctl.core.pipeline.PipelineInput.PRESSURE_BELT_LEFT_OR_ONLY;
import static org.gaitctl.core.pipeline.PipelineInput.PRESSURE_BELT_RIGHT;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.core.analysis.GaitSettings;
import org.gaitctl.core.command.CommandGate;
import org.gaitctl.core.command.CommandLimits;
import org.gaitctl.core.contact.DriftSettings;
import org.gaitctl.core.contact.PressureGrid;
import org.gaitctl.core.counters.CounterGroup;
import org.gaitctl.core.counters.CounterRegistry;
import org.gaitctl.core.journal.Journal;
import org.gaitctl.core.loop.AgentThread;
import org.gaitctl.core.loop.DeadlineIdleStrategy;
import org.gaitctl.core.loop.PeriodicAgent;
import org.gaitctl.core.pipeline.Pipeline;
import org.gaitctl.core.pipeline.PipelineAssembly;
import org.gaitctl.core.pipeline.PipelineFaultKind;
import org.gaitctl.core.pipeline.PipelineInput;
import org.gaitctl.core.pipeline.PipelineSettings;
import org.gaitctl.core.pipeline.StageId;
import org.gaitctl.core.port.BwsPort;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DeviceCounters;
import org.gaitctl.core.port.DeviceInfo;
import org.gaitctl.core.port.PressureFrameSink;
import org.gaitctl.core.port.TreadmillDrivePort;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.drivers.modbus.ModbusBwsUnit;
import org.gaitctl.drivers.modbus.ModbusTreadmillDrive;
import org.gaitctl.drivers.serial.FramedSerialLink;
import org.gaitctl.drivers.serial.InfoReply;
import org.gaitctl.drivers.serial.LoadCellReader;
import org.gaitctl.drivers.serial.PressureBeltReader;
import org.gaitctl.safety.ArrivalSource;
import org.gaitctl.safety.ControlLoopWatch;
import org.gaitctl.safety.JournalInput;
import org.gaitctl.safety.LoadCellTap;
import org.gaitctl.safety.PatientPositionTap;
import org.gaitctl.safety.SafetySystem;
import org.gaitctl.safety.StageProgress;
import org.gaitctl.safety.SupervisedInputs;
import org.gaitctl.safety.SupervisedStream;
import org.gaitctl.safety.SupervisorSettings;
import org.gaitctl.safety.UnloadingExpectationTap;
import org.gaitctl.session.SessionController;
import org.gaitctl.session.SessionSettings;
import org.gaitctl.session.SessionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller connected to the devices of a profile: Modbus drivers, stream readers feeding the
 * pipeline, the safety supervisor watching all of it, and the {@link SessionController} that
 * carries out the operator's commands through the {@link CommandGate}. Opening it brings everything
 * up in order and refuses (closing what was opened) when a device does not answer; the belt does
 * not move until a session is started. Closing it stops the belt through the supervisor first, then
 * the readers, then the ring. This class only composes.
 *
 * <p>Lifecycle methods are called on one thread (the command's).
 */
final class DeviceSession implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceSession.class);

  private static final PipelineFaultKind[] PIPELINE_FAULT_KINDS = PipelineFaultKind.values();

  private static final long DEVICE_ANSWER_TIMEOUT_NS = 5_000_000_000L;

  /** Longer than any controlled stop from the top speed on the slowest ramp, plus its check. */
  static final long STOP_SETTLE_NS = 10_000_000_000L;

  private static final long STOP_SETTLE_POLL_NS = 20_000_000L;
  private static final long DEVICE_ANSWER_RETRY_NS = 50_000_000L;
  private static final int STARTUP_ATTEMPTS = 3;

  private final DevicesConfig profile;
  private final NanoClock clock;
  private final SupervisorSettings supervision;
  private final JournalRecording recording;
  private final ControlLoopWatch controlLoop = new ControlLoopWatch();
  private Journal journal;
  private TreadmillDrivePort drive;
  private BwsPort bws;
  private PressureBeltReader pressureBelt;
  private LoadCellReader loadCell;
  private Pipeline pipeline;
  private SafetySystem safety;
  private SessionController session;
  private CommandGate gate;
  private PeriodicAgent sessionAgent;
  private AgentThread sessionThread;
  private DeviceInfo beltInfo;
  private LoadCellTap loadCellTap;
  private final UnloadingExpectationTap expectationTap = new UnloadingExpectationTap();
  private PatientPositionTap patientPositionTap;
  private StridePositionRelay stridePosition;
  private volatile PressureFrameSink frameTarget;

  private DeviceSession(
      DevicesConfig profile,
      NanoClock clock,
      SupervisorSettings supervision,
      JournalRecording recording) {
    this.profile = profile;
    this.clock = clock;
    this.supervision = supervision;
    this.recording = recording;
  }

  /**
   * Connects to every device, starts the streams, the pipeline and the supervisor, and arms the
   * supervisor (device watchdogs armed, belt off). The belt does not move yet.
   *
   * @throws StartRefused naming the device that failed; whatever was opened is closed again
   */
  static DeviceSession open(DevicesConfig profile, NanoClock clock, double bodyMassKg) {
    return open(
        profile, clock, bodyMassKg, SupervisorSettings.defaults().with(profile.supervision()));
  }

  /** As {@link #open(DevicesConfig, NanoClock, double)}, supervised by {@code supervision}. */
  static DeviceSession open(
      DevicesConfig profile, NanoClock clock, double bodyMassKg, SupervisorSettings supervision) {
    return open(profile, clock, bodyMassKg, supervision, null);
  }

  /**
   * As {@link #open(DevicesConfig, NanoClock, double)}, recording the session into the journal
   * {@code recording} describes (null: no journal), supervised by F27.
   */
  static DeviceSession open(
      DevicesConfig profile, NanoClock clock, double bodyMassKg, JournalRecording recording) {
    return open(
        profile,
        clock,
        bodyMassKg,
        SupervisorSettings.defaults().with(profile.supervision()),
        recording);
  }

  private static DeviceSession open(
      DevicesConfig profile,
      NanoClock clock,
      double bodyMassKg,
      SupervisorSettings supervision,
      JournalRecording recording) {
    DeviceSession session = new DeviceSession(profile, clock, supervision, recording);
    try {
      session.connect(bodyMassKg);
      return session;
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  private void connect(double bodyMassKg) {
    drive = ModbusTreadmillDrive.open(profile.treadmill(), profile.limits());
    bws = ModbusBwsUnit.open(profile.bws(), profile.limits());
    awaitAnswer("treadmill drive", () -> drive.readStatus().result());
    awaitAnswer("BWS unit", () -> bws.readStatus().result());

    loadCellTap = new LoadCellTap();
    pressureBelt =
        PressureBeltReader.fromProfile(
            profile.pressureBelt(),
            clock,
            (arrivalNs, seq, deviceTimeUs, belt, rows, cols, cells) ->
                relayFrame(arrivalNs, seq, deviceTimeUs, belt, rows, cols, cells));
    beltInfo = openStream("pressure-belt unit", pressureBelt.link());

    PressureGrid grid = PressureGrid.of(beltInfo);
    GaitSettings gait =
        GaitSettings.defaults().withDrift(DriftSettings.forPatient(bodyMassKg, true));
    patientPositionTap =
        new PatientPositionTap(
            grid.rows() * grid.pitchYM(), PatientPositionTap.DEFAULT_NEAR_END_MARGIN_M);
    stridePosition = new StridePositionRelay(patientPositionTap);
    if (recording == null) {
      pipeline =
          PipelineAssembly.assemble(
              PipelineSettings.defaults(grid), clock, gait, grid, stridePosition);
    } else {
      journal = recording.open(grid.cellsPerBelt(), clock);
      journal.start();
      // Replay recomputes forces and centres of pressure with the geometry the unit announced.
      journal.sink().pressureGrid(clock.nanoTime(), grid);
      pipeline =
          PipelineAssembly.assemble(
              PipelineSettings.defaults(grid), clock, gait, grid, stridePosition, journal.stage());
    }
    pipeline.start();
    frameTarget = pipeline.publisher();

    loadCell =
        LoadCellReader.fromProfile(
            profile.loadCell(),
            clock,
            (arrivalNs, seq, deviceTimeUs, forceCn, flags) -> {
              loadCellTap.onLoadSample(arrivalNs, seq, deviceTimeUs, forceCn, flags);
              pipeline.publisher().onLoadSample(arrivalNs, seq, deviceTimeUs, forceCn, flags);
            });
    openStream("load-cell amplifier", loadCell.link());

    requireAcked(
        "pressure-belt unit: SET_RATE",
        () -> pressureBelt.link().setRate(profile.pressureBelt().rateHz()));
    requireAcked(
        "load-cell amplifier: SET_RATE",
        () -> loadCell.link().setRate(profile.loadCell().rateHz()));
    requireAcked("pressure-belt unit: START", () -> pressureBelt.link().start());
    requireAcked("load-cell amplifier: START", () -> loadCell.link().start());

    safety =
        SafetySystem.create(
            commanded(drive),
            commanded(bws),
            supervisedInputs(loadCellTap),
            profile.limits(),
            supervision,
            clock);
    // Every good status read reaches the ring itself: belt speed for step length, harness state
    // for the live view.
    safety
        .drivePoller()
        .setGoodReadListener(
            (status, readNs) -> pipeline.publisher().publishDriveStatus(readNs, status));
    safety
        .bwsPoller()
        .setGoodReadListener(
            (status, readNs) -> pipeline.publisher().publishBwsStatus(readNs, status));
    if (journal != null) {
      safety.supervisor().addListener(new JournalListeners(journal.sink(), clock));
    }
    safety.startThreads();

    gate =
        new CommandGate(
            CommandLimits.of(profile.limits()),
            safety.supervisor(),
            commanded(drive),
            commanded(bws));
    session =
        new SessionController(
            safety.supervisor(),
            gate,
            safety.drivePoller(),
            safety.bwsPoller(),
            profile.limits(),
            SessionSettings.defaults(),
            clock);
    // Every completed session cycle vouches for the control loop (F28).
    session.addCycleTask(controlLoop::cycleCompleted);
    // The fall sign and the overload are judged relative to this patient and this unloading.
    expectationTap.startSession(bodyMassKg);
    session.publishExpectationTo(expectationTap);
    if (journal != null) {
      session.addListener(new JournalListeners(journal.sink(), clock));
    }
    sessionAgent =
        new PeriodicAgent(session, clock, SessionSettings.defaults().cyclePeriodMs() * 1_000_000L);
    sessionThread =
        AgentThread.start(sessionAgent, DeadlineIdleStrategy.forPeriodic(sessionAgent, clock));
  }

  /** The drive as commanded by the supervisor and the gate: journaled when the session is. */
  private TreadmillDrivePort commanded(TreadmillDrivePort port) {
    return journal == null ? port : new JournaledDrive(port, journal.sink(), clock);
  }

  private BwsPort commanded(BwsPort port) {
    return journal == null ? port : new JournaledBws(port, journal.sink(), clock);
  }

  private void relayFrame(
      long arrivalNs, long seq, long deviceTimeUs, int belt, int rows, int cols, ByteBuffer cells) {
    PressureFrameSink target = frameTarget;
    if (target != null) {
      target.onPressureFrame(arrivalNs, seq, deviceTimeUs, belt, rows, cols, cells);
    }
  }

  private SupervisedInputs supervisedInputs(LoadCellTap loadCellTap) {
    List<StageProgress> stages = new ArrayList<>();
    for (StageId stage : StageId.values()) {
      stages.add(
          new StageProgress(
              stage.name().toLowerCase(Locale.ROOT),
              () -> pipeline.counters().eventsPublished(),
              () -> pipeline.counters().stageProgress(stage)));
    }
    return new SupervisedInputs(
        supervisedBelts(beltInfo.belts()),
        pressureBelt.link()::statusFlags,
        loadCellTap,
        stages,
        this::pipelineFaults,
        () -> pipeline.faults().count(PipelineFaultKind.FRAME_REJECTED),
        patientPositionTap,
        expectationTap,
        journal == null ? JournalInput.NONE : JournalRecording.supervised(journal),
        controlLoop);
  }

  /** Every belt the unit announced is watched on its own: a silent right belt stops the session. */
  private List<SupervisedStream> supervisedBelts(int belts) {
    if (belts == 1) {
      return List.of(new SupervisedStream("belt", () -> arrival(PRESSURE_BELT_LEFT_OR_ONLY)));
    }
    return List.of(
        new SupervisedStream("left belt", () -> arrival(PRESSURE_BELT_LEFT_OR_ONLY)),
        new SupervisedStream("right belt", () -> arrival(PRESSURE_BELT_RIGHT)));
  }

  private long arrival(PipelineInput input) {
    return pipeline.arrivals().lastArrivalNs(input);
  }

  /** Faults of the pipeline's stages; rejected frames are supervised on their own (F23). */
  private long pipelineFaults() {
    long total = 0;
    for (PipelineFaultKind kind : PIPELINE_FAULT_KINDS) {
      if (kind != PipelineFaultKind.FRAME_REJECTED) {
        total += pipeline.faults().count(kind);
      }
    }
    return total;
  }

  /**
   * Reads a device until it answers: the first requests of a fresh connection (and a cold JVM) may
   * take longer than the request timeout, and the supervisor's start must not be the first.
   */
  private void awaitAnswer(String name, Supplier<CommandResult> read) {
    long deadlineNs = clock.nanoTime() + DEVICE_ANSWER_TIMEOUT_NS;
    CommandResult result = read.get();
    while (!result.isOk()) {
      if (clock.nanoTime() - deadlineNs > 0) {
        throw new StartRefused(name + " does not answer: " + result);
      }
      LOG.info("{}: first status read {}; reading again", name, result);
      LockSupport.parkNanos(DEVICE_ANSWER_RETRY_NS);
      result = read.get();
    }
  }

  private static DeviceInfo openStream(String name, FramedSerialLink link) {
    requireOk(name + ": open", link.open());
    link.startReaderThread();
    InfoReply reply = link.requestInfo();
    requireOk(name + ": GET_INFO", reply.result());
    Optional<DeviceInfo> info = reply.info();
    return info.orElseThrow(() -> new StartRefused(name + ": GET_INFO gave no DEVICE_INFO"));
  }

  /**
   * A start-up command that is safe to repeat (SET_RATE, START): a device whose ACK came late on a
   * busy machine is asked again rather than the session refused.
   */
  private static void requireAcked(String what, Supplier<CommandResult> command) {
    CommandResult result = command.get();
    for (int attempt = 2;
        result == CommandResult.TIMEOUT && attempt <= STARTUP_ATTEMPTS;
        attempt++) {
      LOG.warn("{}: no ACK in time; asking again ({} of {})", what, attempt, STARTUP_ATTEMPTS);
      result = command.get();
    }
    requireOk(what, result);
  }

  private static void requireOk(String what, CommandResult result) {
    if (!result.isOk()) {
      throw new StartRefused(what + " failed: " + result);
    }
  }

  /**
   * Lets the streams run until they are steady before the belt may move ({@link StreamWarmUp});
   * call after {@code open} and before the session's start. Main thread.
   *
   * @param cancelled true once the user asked to stop: the wait ends at once
   */
  StreamWarmUp.Result warmUp(BooleanSupplier cancelled) {
    List<ArrivalSource> streams = new ArrayList<>();
    supervisedBelts(beltInfo.belts()).forEach(belt -> streams.add(belt.arrival()));
    streams.add(loadCellTap);
    long staleLimitNs =
        TimeUnit.MILLISECONDS.toNanos(
            Math.min(supervision().pressureStaleMs(), supervision().loadCellStaleMs()));
    StreamWarmUp.Result result =
        StreamWarmUp.forThisJvm(clock, staleLimitNs, streams, cancelled).await();
    LOG.info("warm-up: {} ({})", result.describe(), result.timeline());
    return result;
  }

  /**
   * Waits (up to {@link #STOP_SETTLE_NS}) while the session is still stopping, so what is said
   * about a stop is its outcome (belt at rest, harness held), not its first moment. Main thread.
   */
  void awaitStopSettled() {
    long deadlineNs = clock.nanoTime() + STOP_SETTLE_NS;
    while (session.state() == SessionState.STOPPING && clock.nanoTime() - deadlineNs < 0) {
      LockSupport.parkNanos(STOP_SETTLE_POLL_NS);
    }
  }

  /** The self-paced belt for a protocol's self-paced stages, on this session's position. */
  SelfPacedBelt selfPacedBelt() {
    return new SelfPacedBelt(stridePosition);
  }

  DeviceInfo beltInfo() {
    return beltInfo;
  }

  DevicesConfig profile() {
    return profile;
  }

  NanoClock clock() {
    return clock;
  }

  /** The supervisor's thresholds, as it was built with them. */
  SupervisorSettings supervision() {
    return supervision;
  }

  /** The drive, for a status read outside the poller (the driver serialises its requests). */
  TreadmillDrivePort drive() {
    return drive;
  }

  /** The BWS unit, same. */
  BwsPort bws() {
    return bws;
  }

  /** Each belt of the pressure-belt unit as the supervisor watches it. */
  List<SupervisedStream> pressureBelts() {
    return supervisedBelts(beltInfo.belts());
  }

  /** The load cell's latest sample as the supervisor reads it. */
  LoadCellTap loadCellTap() {
    return loadCellTap;
  }

  /**
   * Every counter of the session in one registry: the pipeline, both stream links, both Modbus
   * links, the command gate, the supervisor, the pollers and every loop. Any thread.
   */
  CounterRegistry counters() {
    CounterRegistry registry = new CounterRegistry().register(pipeline.counters());
    pressureBelt.link().counters().groups().forEach(registry::register);
    loadCell.link().counters().groups().forEach(registry::register);
    registerIfCounted(registry, drive.counters());
    registerIfCounted(registry, bws.counters());
    registry.register(gate.counters());
    safety.counterGroups().forEach(registry::register);
    registry.register(sessionAgent.counters());
    if (journal != null) {
      registry.register(journal.counters());
    }
    return registry;
  }

  /** The Modbus drivers' counters are a group; another port implementation's may not be. */
  private static void registerIfCounted(CounterRegistry registry, DeviceCounters counters) {
    if (counters instanceof CounterGroup group) {
      registry.register(group);
    }
  }

  /** The session control every operator command goes through. */
  SessionController session() {
    return session;
  }

  /**
   * The pipeline; its {@link Pipeline#patientPosition()} is the raw centre of pressure along the
   * belt per frame, for the self-paced control.
   */
  Pipeline pipeline() {
    return pipeline;
  }

  /** The stride-filtered patient position the supervisor checks for F25. */
  PatientPositionTap patientPosition() {
    return patientPositionTap;
  }

  SafetySystem safety() {
    return safety;
  }

  /** The session's journal, or null when it is not recorded. */
  Journal journal() {
    return journal;
  }

  PressureBeltReader pressureBelt() {
    return pressureBelt;
  }

  LoadCellReader loadCell() {
    return loadCell;
  }

  /**
   * Stops the belt through the supervisor (controlled stop, harness held), then the streams, the
   * ring and the drivers, in that order whatever order they were opened in. Never throws.
   */
  @Override
  public void close() {
    closeQuietly(sessionThread);
    closeQuietly(safety);
    if (loadCell != null) {
      stopStream(loadCell.link());
    }
    closeQuietly(loadCell);
    if (pressureBelt != null) {
      stopStream(pressureBelt.link());
    }
    closeQuietly(pressureBelt);
    closeQuietly(pipeline);
    // After the ring: the writer drains what the ring handed over, writes and forces it.
    closeQuietly(journal);
    closeQuietly(bws);
    closeQuietly(drive);
  }

  private static void closeQuietly(AutoCloseable resource) {
    if (resource == null) {
      return;
    }
    try {
      resource.close();
    } catch (Exception e) {
      // Shutting down: the remaining parts must still be released.
      LOG.warn("closing {} failed: {}", resource, e.toString());
    }
  }

  private static void stopStream(FramedSerialLink link) {
    CommandResult stopped = link.stop();
    if (!stopped.isOk()) {
      LOG.warn("{}: STOP answered {}; closing the port anyway", link.name(), stopped);
    }
  }
}
