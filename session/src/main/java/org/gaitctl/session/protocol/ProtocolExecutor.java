package org.gaitctl.session.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gaitctl.config.protocol.BeltMode;
import org.gaitctl.config.protocol.ProtocolStage;
import org.gaitctl.config.protocol.StageLength;
import org.gaitctl.config.protocol.TherapyProtocol;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepRecordView;
import org.gaitctl.core.pipeline.StepSymmetry;
import org.gaitctl.core.symmetry.StepParameter;
import org.gaitctl.core.time.ArrivalTime;
import org.gaitctl.session.SessionCommand;
import org.gaitctl.session.SessionController;
import org.gaitctl.session.SessionCycleTask;
import org.gaitctl.session.SessionListener;
import org.gaitctl.session.SessionState;
import org.gaitctl.session.unloading.UnloadingController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a validated therapy protocol's stages in order on the session thread: a {@link
 * SessionCycleTask} of the {@link SessionController}, called after each session cycle with its
 * time. It submits {@link SessionCommand}s to the session (which ramps them and sends each through
 * the command gate), so it never commands a device itself and the supervisor stays the authority.
 *
 * <p>Each stage moves speed, incline and unloading linearly from the previous stage's values over
 * its {@code rampS}; the session's own ramps cap the rate. A timed stage ends on stage time, a
 * distance stage on the distance the belt moved (measured speed integrated). The unloading is
 * closed-loop: while a stage has unloading, the {@link UnloadingController} turns its target and
 * the load cell into the FORCE_SET each cycle. Therapist requests ({@link OperatorRequest}) come
 * from any thread through a bounded queue and are carried out on the session thread.
 *
 * <p>Threads: {@link #request}, {@link #status} and {@link #summary} from any thread; {@link
 * #start} once, before the run; the rest on the session thread.
 */
public final class ProtocolExecutor implements SessionCycleTask {

  private static final Logger LOG = LoggerFactory.getLogger(ProtocolExecutor.class);

  /** Therapist override steps. */
  public static final double SPEED_STEP_MPS = 0.05;

  public static final double UNLOADING_STEP_PERCENT_BW = 5;
  public static final double INCLINE_STEP_PERCENT = 1;

  private static final int REQUEST_QUEUE_CAPACITY = 16;

  /** Setpoint changes smaller than this are not sent again. */
  private static final double UNCHANGED = 1e-6;

  /**
   * FORCE_SET changes smaller than this are not written: the BWS unit holds its last setpoint, the
   * difference is within the load cell's noise, and every write is one more session command that
   * stops the session if the Modbus link answers it late.
   */
  static final double FORCE_DEADBAND_N = 2.0;

  /**
   * The unloading error of a stage is measured once its target and the belt speed have been steady
   * this long: the outer loop's integral settles in a few seconds, and the phase feed-forward
   * starts learning after three steady strides (CONTROL.md).
   */
  public static final long UNLOADING_SETTLE_NS = 10_000_000_000L;

  /** A belt speed change larger than this restarts the settling (the stride changes with it). */
  private static final double SETTLE_SPEED_CHANGE_MPS = 0.05;

  private final TherapyProtocol protocol;
  private final double bodyMassKg;
  private final double bodyWeightN;
  private final OverrideLimits limits;
  private final SessionController session;
  private final ProtocolInputs inputs;
  private final SelfPacedSpeed selfPaced;
  private final UnloadingController unloading;
  private final MeasuredState measured = new MeasuredState();
  private final ArrayBlockingQueue<OperatorRequest> requests =
      new ArrayBlockingQueue<>(REQUEST_QUEUE_CAPACITY);
  private final List<ProtocolListener> listeners = new CopyOnWriteArrayList<>();
  private final List<StageSummary> stageSummaries = new ArrayList<>();
  private final List<TherapistOverride> overrides = new ArrayList<>();
  private final StageRecorder recorder;

  private volatile ExecutorState state = ExecutorState.READY;
  private volatile ProtocolStatus status;
  private volatile ProtocolSummary summary;
  private volatile String startRefusal;

  private int stageIndex = -1;
  private long lastCycleNs;
  private boolean cycled;
  private long stageElapsedNs;
  private long protocolElapsedNs;
  private double stageDistanceM;
  private long totalSteps;
  private double fromSpeedMps;
  private double fromInclinePercent;
  private double fromUnloadingPercentBw;
  private double speedOverrideMps;
  private double inclineOverridePercent;
  private double unloadingOverridePercentBw;
  private double speedTargetMps;
  private double inclineTargetPercent;
  private double unloadingTargetPercentBw;
  private double sentSpeedMps = Double.NaN;
  private double sentInclinePercent = Double.NaN;
  private double sentUnloadingN = Double.NaN;
  private double settlingUnloadingPercentBw = Double.NaN;
  private double settlingSpeedMps = Double.NaN;
  private long settlingSinceNs;
  private long heelStrikeFedNs = ArrivalTime.NONE;
  private ProtocolOutcome endingAs;
  private String endingReason;

  /**
   * @param protocol a protocol that passed {@code ProtocolCheck.requireRunnable} for this patient
   * @param bodyMassKg the patient's body mass, kg
   * @param limits the envelope for therapist overrides
   * @param session the session that carries out the commands
   * @param inputs where the measurements come from
   * @param selfPaced the self-paced controller, or {@link SelfPacedSpeed#NOT_WIRED}
   * @param unloading the closed unloading loop (its settings within the profile's limits)
   */
  public ProtocolExecutor(
      TherapyProtocol protocol,
      double bodyMassKg,
      OverrideLimits limits,
      SessionController session,
      ProtocolInputs inputs,
      SelfPacedSpeed selfPaced,
      UnloadingController unloading) {
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    this.bodyMassKg = bodyMassKg;
    this.bodyWeightN = bodyMassKg * ProtocolStage.GRAVITY_MPS2;
    this.limits = Objects.requireNonNull(limits, "limits");
    this.session = Objects.requireNonNull(session, "session");
    this.inputs = Objects.requireNonNull(inputs, "inputs");
    this.selfPaced = Objects.requireNonNull(selfPaced, "selfPaced");
    this.unloading = Objects.requireNonNull(unloading, "unloading");
    this.recorder = new StageRecorder(bodyWeightN);
    this.status = statusNow();
    session.addListener(new StartRefusals());
    session.addCycleTask(this);
  }

  /**
   * Why this protocol cannot run as built here, before any device is touched; empty when it can. A
   * self-paced stage needs a self-paced controller; force control is on or off for the whole
   * session (the first stage's unloading decides), so unloading may not change between 0 and more.
   */
  public static Optional<String> refusalBeforeStart(
      TherapyProtocol protocol, SelfPacedSpeed selfPaced) {
    List<ProtocolStage> stages = protocol.stages();
    boolean forceControl = stages.get(0).unloadingPercentBw() > 0;
    for (int i = 0; i < stages.size(); i++) {
      ProtocolStage stage = stages.get(i);
      if (stage.belt() instanceof BeltMode.SelfPaced && !selfPaced.available()) {
        return Optional.of(
            "stage "
                + (i + 1)
                + " '"
                + stage.name()
                + "' is self-paced, and this build has no self-paced controller yet");
      }
      if ((stage.unloadingPercentBw() > 0) != forceControl) {
        return Optional.of(
            "stage "
                + (i + 1)
                + " '"
                + stage.name()
                + "' turns force control "
                + (forceControl ? "off" : "on")
                + "; the first stage's unloading decides it for the whole session");
      }
    }
    return Optional.empty();
  }

  public void addListener(ProtocolListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Starts the run: the session arms, takes up the first stage's unloading, then the belt starts.
   *
   * @throws IllegalStateException when called twice or {@link #refusalBeforeStart} refuses
   */
  public void start() {
    if (state != ExecutorState.READY) {
      throw new IllegalStateException("a protocol run starts once, not in " + state);
    }
    refusalBeforeStart(protocol, selfPaced)
        .ifPresent(
            why -> {
              throw new IllegalStateException(why);
            });
    ProtocolStage first = protocol.stages().get(0);
    double firstSpeedMps =
        first.belt() instanceof BeltMode.FixedSpeed fixed
            ? fixed.speedMps()
            : first.belt().lowestSpeedMps();
    state = ExecutorState.STARTING;
    if (!session.submit(new SessionCommand.Start(firstSpeedMps, first.unloadingN(bodyMassKg)))) {
      end(ProtocolOutcome.REFUSED_TO_START, "the session did not take the start");
    }
  }

  /** Queues a therapist's request; any thread, never blocks. False when the queue is full. */
  public boolean request(OperatorRequest request) {
    return requests.offer(Objects.requireNonNull(request, "request"));
  }

  public ExecutorState state() {
    return state;
  }

  /** The latest status; any thread. */
  public ProtocolStatus status() {
    return status;
  }

  /** The result once the run has ended ({@link ExecutorState#FINISHING} or later); else null. */
  public ProtocolSummary summary() {
    return summary;
  }

  @Override
  public void afterCycle(long nowNs) {
    long dtNs = cycled ? Math.max(0, nowNs - lastCycleNs) : 0;
    lastCycleNs = nowNs;
    cycled = true;
    inputs.read(measured);
    if (measured.lastLeftHeelStrikeNs != heelStrikeFedNs) {
      heelStrikeFedNs = measured.lastLeftHeelStrikeNs;
      unloading.onHeelStrike(Side.LEFT, heelStrikeFedNs);
    }
    inputs.drainSteps(this::onStep);
    switch (state) {
      case STARTING -> awaitBelt(nowNs);
      case RUNNING, PAUSED -> runStage(nowNs, dtNs);
      case FINISHING -> awaitStopped();
      default -> {
        // READY, ENDED: nothing to command.
      }
    }
    status = statusNow();
  }

  private void awaitBelt(long nowNs) {
    for (OperatorRequest request = requests.poll(); request != null; request = requests.poll()) {
      if (request == OperatorRequest.STOP) {
        finish(ProtocolOutcome.STOPPED_BY_OPERATOR, "operator stop before the belt started");
        return;
      }
      refuse(request, "the belt has not started yet");
    }
    SessionState now = session.state();
    if (startRefusal != null) {
      end(ProtocolOutcome.REFUSED_TO_START, startRefusal);
    } else if (now == SessionState.RAMPING_BELT || now == SessionState.RUNNING) {
      unloading.start(nowNs, protocol.stages().get(0).unloadingN(bodyMassKg));
      sentUnloadingN = protocol.stages().get(0).unloadingN(bodyMassKg);
      enterStage(0, 0, Double.NaN, 0);
      state = ExecutorState.RUNNING;
    } else if (now == SessionState.STOPPING
        || now == SessionState.LATCHED
        || (now == SessionState.IDLE && !session.reason().isEmpty())) {
      end(ProtocolOutcome.REFUSED_TO_START, session.reason());
    }
  }

  private void runStage(long nowNs, long dtNs) {
    SessionState now = session.state();
    if (now != SessionState.RAMPING_BELT && now != SessionState.RUNNING) {
      // Not asked for by the executor: the supervisor stopped the belt.
      closeStage(false);
      end(ProtocolOutcome.STOPPED_BY_FAULT, session.reason());
      return;
    }
    handleRequests();
    if (state != ExecutorState.RUNNING && state != ExecutorState.PAUSED) {
      return;
    }
    boolean paused = state == ExecutorState.PAUSED;
    if (!paused) {
      stageElapsedNs += dtNs;
      protocolElapsedNs += dtNs;
    }
    if (Double.isFinite(measured.beltSpeedMps) && measured.beltSpeedMps > 0) {
      stageDistanceM += measured.beltSpeedMps * dtNs * 1e-9;
    }
    ProtocolStage stage = protocol.stages().get(stageIndex);
    computeTargets(stage, nowNs);
    double commandSpeedMps = paused ? 0 : speedTargetMps;
    sendSpeed(commandSpeedMps);
    sendIncline(inclineTargetPercent);
    sendUnloading(nowNs, commandSpeedMps);
    if (!paused) {
      recorder.cycle(
          speedTargetMps, measured.beltSpeedMps, unloadingTargetPercentBw, measured.loadCellN);
    }
    recordSettledUnloading(nowNs, dtNs, paused);
    if (stageDone(stage)) {
      advance(true);
    }
  }

  private void computeTargets(ProtocolStage stage, long nowNs) {
    double rampFraction =
        stage.rampS() > 0 ? Math.min(1, stageElapsedNs * 1e-9 / stage.rampS()) : 1;
    if (stage.belt() instanceof BeltMode.SelfPaced mode) {
      speedTargetMps = selfPaced.speedMps(nowNs, mode, measured.beltSpeedMps);
    } else {
      double stageSpeedMps = ((BeltMode.FixedSpeed) stage.belt()).speedMps();
      speedTargetMps = between(fromSpeedMps, stageSpeedMps, rampFraction) + speedOverrideMps;
    }
    inclineTargetPercent =
        between(fromInclinePercent, stage.inclinePercent(), rampFraction) + inclineOverridePercent;
    unloadingTargetPercentBw =
        between(fromUnloadingPercentBw, stage.unloadingPercentBw(), rampFraction)
            + unloadingOverridePercentBw;
  }

  private static double between(double from, double to, double fraction) {
    return from + (to - from) * fraction;
  }

  private boolean stageDone(ProtocolStage stage) {
    if (stage.length() instanceof StageLength.Timed timed) {
      return stageElapsedNs * 1e-9 >= timed.durationS();
    }
    return stageDistanceM >= ((StageLength.Distance) stage.length()).distanceM();
  }

  private void sendSpeed(double speedMps) {
    if (!(Math.abs(speedMps - sentSpeedMps) <= UNCHANGED)
        && session.submit(new SessionCommand.SetSpeed(speedMps))) {
      sentSpeedMps = speedMps;
    }
  }

  private void sendIncline(double inclinePercent) {
    // The incline the treadmill stands at is kept until a stage or override asks for another.
    boolean asked = inclinePercent != 0 || !Double.isNaN(sentInclinePercent);
    if (asked
        && !(Math.abs(inclinePercent - sentInclinePercent) <= UNCHANGED)
        && session.submit(new SessionCommand.SetIncline(inclinePercent))) {
      sentInclinePercent = inclinePercent;
    }
  }

  /**
   * The closed loop: the target and the load cell in, the FORCE_SET out (through the session and
   * the gate). With force control off (a session without unloading) nothing is sent.
   */
  private void sendUnloading(long nowNs, double beltSpeedMps) {
    if (!(protocol.stages().get(0).unloadingPercentBw() > 0)) {
      return;
    }
    unloading.targetPercentBodyWeight(unloadingTargetPercentBw);
    double forceN =
        unloading.update(
            nowNs,
            measured.loadCellN,
            measured.loadCellSampleNs,
            beltSpeedMps,
            measured.harnessHeld);
    if (forceN > 0
        && !(Math.abs(forceN - sentUnloadingN) < FORCE_DEADBAND_N)
        && session.submit(new SessionCommand.SetUnloading(forceN))) {
      sentUnloadingN = forceN;
    }
  }

  /**
   * The error of the measured unloading against its target, once target and belt speed have been
   * steady for {@link #UNLOADING_SETTLE_NS}: what the therapist asked for against what the load
   * cell says the patient got.
   */
  private void recordSettledUnloading(long nowNs, long dtNs, boolean paused) {
    boolean steady =
        !paused
            && !measured.harnessHeld
            && Math.abs(unloadingTargetPercentBw - settlingUnloadingPercentBw) <= UNCHANGED
            && Math.abs(speedTargetMps - settlingSpeedMps) <= SETTLE_SPEED_CHANGE_MPS;
    if (!steady) {
      settlingUnloadingPercentBw = unloadingTargetPercentBw;
      settlingSpeedMps = speedTargetMps;
      settlingSinceNs = nowNs;
    } else if (nowNs - settlingSinceNs >= UNLOADING_SETTLE_NS
        && unloadingTargetPercentBw > 0
        && Double.isFinite(measured.loadCellN)) {
      recorder.settledUnloading(
          measured.loadCellN / bodyWeightN * 100 - unloadingTargetPercentBw, dtNs);
    }
  }

  private void handleRequests() {
    for (OperatorRequest request = requests.poll(); request != null; request = requests.poll()) {
      switch (request) {
        case STOP -> {
          closeStage(false);
          finish(ProtocolOutcome.STOPPED_BY_OPERATOR, "operator stop");
          return;
        }
        case NEXT_STAGE -> advance(false);
        case PAUSE_OR_RESUME -> togglePause();
        case SPEED_UP -> overrideSpeed(SPEED_STEP_MPS);
        case SPEED_DOWN -> overrideSpeed(-SPEED_STEP_MPS);
        case UNLOADING_UP -> overrideUnloading(UNLOADING_STEP_PERCENT_BW);
        case UNLOADING_DOWN -> overrideUnloading(-UNLOADING_STEP_PERCENT_BW);
        case INCLINE_UP -> overrideIncline(INCLINE_STEP_PERCENT);
        case INCLINE_DOWN -> overrideIncline(-INCLINE_STEP_PERCENT);
      }
      if (!state.stageActive()) {
        return;
      }
    }
  }

  private void togglePause() {
    boolean pausing = state == ExecutorState.RUNNING;
    state = pausing ? ExecutorState.PAUSED : ExecutorState.RUNNING;
    LOG.info("protocol {} in stage {}", pausing ? "paused" : "resumed", stageIndex + 1);
    for (ProtocolListener listener : listeners) {
      listener.onPaused(pausing);
    }
  }

  private void overrideSpeed(double deltaMps) {
    OperatorRequest request = deltaMps > 0 ? OperatorRequest.SPEED_UP : OperatorRequest.SPEED_DOWN;
    ProtocolStage stage = protocol.stages().get(stageIndex);
    if (stage.belt() instanceof BeltMode.SelfPaced) {
      refuse(request, "the patient sets the speed in a self-paced stage");
      return;
    }
    double to = speedTargetMps + deltaMps;
    if (to > limits.maxSpeedMps() + UNCHANGED) {
      refuse(
          request,
          String.format("speed %.2f m/s exceeds the limit %.2f m/s", to, limits.maxSpeedMps()));
    } else if (to < SPEED_STEP_MPS - UNCHANGED) {
      refuse(
          request, String.format("speed %.2f m/s: below %.2f m/s use pause", to, SPEED_STEP_MPS));
    } else {
      speedOverrideMps += deltaMps;
      record("speed m/s", speedTargetMps, to);
      // Several requests in one cycle add up, each judged against the one before.
      speedTargetMps = to;
    }
  }

  private void overrideUnloading(double deltaPercentBw) {
    OperatorRequest request =
        deltaPercentBw > 0 ? OperatorRequest.UNLOADING_UP : OperatorRequest.UNLOADING_DOWN;
    double to = unloadingTargetPercentBw + deltaPercentBw;
    double toN = bodyWeightN * to / 100;
    if (!(protocol.stages().get(0).unloadingPercentBw() > 0)) {
      refuse(request, "force control is off in this session (the first stage has no unloading)");
    } else if (to < limits.minUnloadingPercentBw() - UNCHANGED
        || to > limits.maxUnloadingPercentBw() + UNCHANGED) {
      refuse(
          request,
          String.format(
              "unloading %.0f %%BW outside the patient's and protocol's %.0f..%.0f %%BW",
              to, limits.minUnloadingPercentBw(), limits.maxUnloadingPercentBw()));
    } else if (!(toN > 0) || toN < limits.minUnloadingN() || toN > limits.maxUnloadingN()) {
      refuse(
          request,
          String.format(
              "unloading %.0f N outside the device's (0 excluded) %.0f..%.0f N",
              toN, limits.minUnloadingN(), limits.maxUnloadingN()));
    } else {
      unloadingOverridePercentBw += deltaPercentBw;
      record("unloading %BW", unloadingTargetPercentBw, to);
      unloadingTargetPercentBw = to;
    }
  }

  private void overrideIncline(double deltaPercent) {
    OperatorRequest request =
        deltaPercent > 0 ? OperatorRequest.INCLINE_UP : OperatorRequest.INCLINE_DOWN;
    double to = inclineTargetPercent + deltaPercent;
    if (to < limits.minInclinePercent() - UNCHANGED
        || to > limits.maxInclinePercent() + UNCHANGED) {
      refuse(
          request,
          String.format(
              "incline %.1f %% outside %.1f..%.1f %%",
              to, limits.minInclinePercent(), limits.maxInclinePercent()));
    } else {
      inclineOverridePercent += deltaPercent;
      record("incline %", inclineTargetPercent, to);
      inclineTargetPercent = to;
    }
  }

  private void record(String what, double from, double to) {
    TherapistOverride override =
        new TherapistOverride(
            protocolElapsedNs * 1e-9,
            stageIndex,
            protocol.stages().get(stageIndex).name(),
            what,
            from,
            to);
    overrides.add(override);
    LOG.info("override: {}", override);
    for (ProtocolListener listener : listeners) {
      listener.onOverride(override);
    }
  }

  private void refuse(OperatorRequest request, String why) {
    LOG.warn("request {} refused: {}", request, why);
    for (ProtocolListener listener : listeners) {
      listener.onRequestRefused(request, why);
    }
  }

  /** The current stage ends; the next begins from the targets reached, or the protocol ends. */
  private void advance(boolean completed) {
    closeStage(completed);
    if (stageIndex + 1 >= protocol.stages().size()) {
      finish(ProtocolOutcome.COMPLETED, "completed");
      return;
    }
    enterStage(stageIndex + 1, speedTargetMps, inclineTargetPercent, unloadingTargetPercentBw);
  }

  private void enterStage(int index, double fromSpeed, double fromIncline, double fromUnloading) {
    ProtocolStage stage = protocol.stages().get(index);
    stageIndex = index;
    stageElapsedNs = 0;
    stageDistanceM = 0;
    fromSpeedMps = fromSpeed;
    // The first stage starts from the incline the treadmill stands at: 0 unless it asks.
    fromInclinePercent = Double.isNaN(fromIncline) ? stage.inclinePercent() : fromIncline;
    fromUnloadingPercentBw = index == 0 ? stage.unloadingPercentBw() : fromUnloading;
    speedOverrideMps = 0;
    inclineOverridePercent = 0;
    unloadingOverridePercentBw = 0;
    // Until the stage's first cycle, its targets are where its ramps begin.
    speedTargetMps = fromSpeedMps;
    inclineTargetPercent = fromInclinePercent;
    unloadingTargetPercentBw = fromUnloadingPercentBw;
    recorder.reset();
    LOG.info("stage {}/{} '{}' begins", index + 1, protocol.stages().size(), stage.name());
    for (ProtocolListener listener : listeners) {
      listener.onStageStarted(index, stage.name());
    }
  }

  private void closeStage(boolean completed) {
    if (stageIndex < 0 || stageSummaries.size() > stageIndex) {
      return;
    }
    stageSummaries.add(
        recorder.summary(
            stageIndex,
            protocol.stages().get(stageIndex).name(),
            stageElapsedNs * 1e-9,
            stageDistanceM,
            completed));
  }

  /** The executor's own end: the belt stops under control through the supervisor. */
  private void finish(ProtocolOutcome outcome, String reason) {
    session.submit(new SessionCommand.Stop());
    endingAs = outcome;
    endingReason = reason;
    publishSummary(outcome, reason);
    state = ExecutorState.FINISHING;
  }

  private void awaitStopped() {
    SessionState now = session.state();
    if (now == SessionState.LATCHED || now == SessionState.IDLE) {
      end(endingAs, endingReason);
    }
  }

  private void end(ProtocolOutcome outcome, String reason) {
    publishSummary(outcome, reason);
    state = ExecutorState.ENDED;
    session.removeCycleTask(this);
    inputs.release();
  }

  private void publishSummary(ProtocolOutcome outcome, String reason) {
    if (summary != null) {
      return;
    }
    summary =
        new ProtocolSummary(
            protocol.name(),
            outcome,
            reason,
            stageIndex,
            protocolElapsedNs * 1e-9,
            stageSummaries,
            overrides);
    LOG.info("protocol '{}' ended: {} ({})", protocol.name(), outcome, reason);
    for (ProtocolListener listener : listeners) {
      listener.onEnded(summary);
    }
  }

  private void onStep(StepRecordView step, StepSymmetry symmetry) {
    if (state.stageActive()) {
      totalSteps++;
      recorder.step(
          symmetry.indexPct(StepParameter.STANCE_TIME), symmetry.indexPct(StepParameter.STEP_TIME));
    }
  }

  private ProtocolStatus statusNow() {
    int count = protocol.stages().size();
    if (stageIndex < 0) {
      return new ProtocolStatus(
          state,
          -1,
          count,
          "",
          Double.NaN,
          Double.NaN,
          Double.NaN,
          0,
          0,
          0,
          measured.beltSpeedMps,
          measured.loadCellN,
          measured.loadCellN / bodyWeightN * 100,
          0,
          Double.NaN,
          Double.NaN);
    }
    ProtocolStage stage = protocol.stages().get(stageIndex);
    double stageLeftS = stageTimeLeftS(stage);
    double protocolLeftS = stageLeftS;
    for (int i = stageIndex + 1; i < count; i++) {
      ProtocolStage later = protocol.stages().get(i);
      protocolLeftS += later.length().shortestTimeS(later.belt().highestSpeedMps());
    }
    double distanceLeftM =
        stage.length() instanceof StageLength.Distance distance
            ? Math.max(0, distance.distanceM() - stageDistanceM)
            : Double.NaN;
    return new ProtocolStatus(
        state,
        stageIndex,
        count,
        stage.name(),
        stageLeftS,
        protocolLeftS,
        distanceLeftM,
        state == ExecutorState.PAUSED ? 0 : speedTargetMps,
        inclineTargetPercent,
        unloadingTargetPercentBw,
        measured.beltSpeedMps,
        measured.loadCellN,
        measured.loadCellN / bodyWeightN * 100,
        totalSteps,
        recorder.stanceTimeSiPercent(),
        recorder.stepTimeSiPercent());
  }

  private double stageTimeLeftS(ProtocolStage stage) {
    if (stage.length() instanceof StageLength.Timed timed) {
      return Math.max(0, timed.durationS() - stageElapsedNs * 1e-9);
    }
    double leftM = ((StageLength.Distance) stage.length()).distanceM() - stageDistanceM;
    double speedMps = Math.max(speedTargetMps, stage.belt().lowestSpeedMps());
    return speedMps > 0 ? Math.max(0, leftM) / speedMps : Double.NaN;
  }

  /** A start the session refused before arming leaves it IDLE without a reason of its own. */
  private final class StartRefusals implements SessionListener {
    @Override
    public void onStateChanged(SessionState from, SessionState to, String reason) {
      // The executor reads the session's state each cycle.
    }

    @Override
    public void onCommandRefused(SessionCommand command, String reason) {
      if (command instanceof SessionCommand.Start) {
        startRefusal = "start refused: " + reason;
      } else {
        LOG.warn("session refused {}: {}", command, reason);
        for (ProtocolListener listener : listeners) {
          listener.onRequestRefused(null, "the session refused " + command + ": " + reason);
        }
      }
    }
  }
}
