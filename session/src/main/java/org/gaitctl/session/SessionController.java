package org.gaitctl.session;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gaitctl.config.SafetyLimits;
import org.gaitctl.core.command.CommandGate;
import org.gaitctl.core.loop.PeriodicCycle;
import org.gaitctl.core.port.BwsPort;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.port.TreadmillDrivePort;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.safety.FaultRecord;
import org.gaitctl.safety.PolledStatus;
import org.gaitctl.safety.RequestOutcome;
import org.gaitctl.safety.SafetyState;
import org.gaitctl.safety.SafetySupervisor;
import org.gaitctl.safety.StatusSource;
import org.gaitctl.safety.UnloadingExpectationTap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One therapy session's control: takes operator commands ({@link SessionCommand}) from a bounded
 * queue and carries them out on its own thread, as a state machine stepped once per cycle ({@link
 * SessionState}). The terminal session, the console and the HIL runner all drive this object.
 *
 * <p>A start arms the {@link SafetySupervisor}, brings the harness from its measured state into the
 * session's ({@link HarnessPreparation}), ramps the unloading to its target, checks the harness
 * once more, then ramps the belt up. Every setpoint leaves through the {@link CommandGate}, in
 * steps of one cycle's ramp. The supervisor stays the authority: whenever it leaves RUNNING the
 * session stops commanding and follows it to the latched stop; a stop or a refusal of the session
 * itself is the supervisor's operator stop, so every stop has one path.
 *
 * <p>Threads: {@link #submit} and the getters from any thread, never blocking; {@link #doWork} on
 * the session thread (a {@code PeriodicAgent} at {@link SessionSettings#cyclePeriodMs}), where
 * device commands may block for their request timeouts. Never on a ring thread.
 */
public final class SessionController implements PeriodicCycle {

  private static final Logger LOG = LoggerFactory.getLogger(SessionController.class);
  private static final int COMMAND_QUEUE_CAPACITY = 32;

  /** The session's reason when the operator asked for the stop. */
  private static final String OPERATOR_STOP = "operator stop";

  /**
   * Incline ramp, % grade per second: at most 1 % grade per cycle up to 100 ms cycles, half the
   * command gate's largest incline step (2 % grade), so a ramp is never refused.
   */
  private static final double INCLINE_RATE_PERCENT_PER_S = 10.0;

  private final SafetySupervisor supervisor;
  private final TreadmillDrivePort drive;
  private final BwsPort bws;
  private final CommandGate gate;
  private final StatusSource<DriveStatus> driveStatus;
  private final StatusSource<BwsStatus> bwsStatus;
  private final SafetyLimits limits;
  private final SessionSettings settings;
  private final NanoClock clock;
  private final HarnessPreparation harness;
  private final ArrayBlockingQueue<SessionCommand> commands =
      new ArrayBlockingQueue<>(COMMAND_QUEUE_CAPACITY);
  private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
  private long setpointMisses;
  private UnloadingExpectationTap expectation;
  private final SetpointRamp beltRamp;
  private final SetpointRamp forceRamp;
  private final SetpointRamp inclineRamp;
  private final List<SessionCycleTask> cycleTasks = new CopyOnWriteArrayList<>();

  private volatile SessionState state = SessionState.IDLE;
  private volatile String reason = "";

  private CompletableFuture<RequestOutcome> pending;
  private long pendingDeadlineNs;
  private SessionCommand.Start start;
  private boolean forceControl;
  private long takeUpDeadlineNs;
  private String ownStopReason;
  private long harnessCheckedNs;

  /**
   * @param supervisor the supervisor this session runs under
   * @param gate the command gate in front of the device ports (all session commands pass it)
   * @param driveStatus the drive's latest polled status
   * @param bwsStatus the BWS unit's latest polled status
   * @param limits the device profile's safety limits
   */
  public SessionController(
      SafetySupervisor supervisor,
      CommandGate gate,
      StatusSource<DriveStatus> driveStatus,
      StatusSource<BwsStatus> bwsStatus,
      SafetyLimits limits,
      SessionSettings settings,
      NanoClock clock) {
    this.supervisor = Objects.requireNonNull(supervisor, "supervisor");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.drive = gate.drive();
    this.bws = gate.bws();
    this.driveStatus = Objects.requireNonNull(driveStatus, "driveStatus");
    this.bwsStatus = Objects.requireNonNull(bwsStatus, "bwsStatus");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    double periodS = settings.cyclePeriodMs() / 1e3;
    this.beltRamp = new SetpointRamp(beltAccelMps2() * periodS);
    this.forceRamp = new SetpointRamp(takeUpRateNPerS() * periodS);
    this.inclineRamp = new SetpointRamp(INCLINE_RATE_PERCENT_PER_S * periodS);
    this.harness = new HarnessPreparation(bws, limits, takeUpRateNPerS(), settings.harnessSlackN());
  }

  /** Adds a listener; any thread. */
  public void addListener(SessionListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Adds work to run on the session thread after each cycle (the protocol executor); any thread. A
   * task that throws fails the cycle, and the supervisor stops the belt ({@link #onCycleError}).
   */
  public void addCycleTask(SessionCycleTask task) {
    cycleTasks.add(Objects.requireNonNull(task, "task"));
  }

  /** Removes work added by {@link #addCycleTask}; any thread, also from the task itself. */
  public void removeCycleTask(SessionCycleTask task) {
    cycleTasks.remove(task);
  }

  /**
   * Queues a command for the next cycle; any thread, never blocks. False when the queue is full
   * (the session thread has stopped or is far behind): the command was not taken.
   */
  public boolean submit(SessionCommand command) {
    boolean taken = commands.offer(Objects.requireNonNull(command, "command"));
    if (!taken) {
      LOG.error("session command queue full; {} not taken", command);
    }
    return taken;
  }

  /** The session's state; any thread. */
  public SessionState state() {
    return state;
  }

  /** Why the session is in its state, in plain words; any thread. */
  public String reason() {
    return reason;
  }

  @Override
  public String roleName() {
    return "session-control";
  }

  /** One session cycle. Session thread only. */
  @Override
  public void doWork(long nowNs) {
    for (SessionCommand command = commands.poll(); command != null; command = commands.poll()) {
      handle(command, nowNs);
    }
    followSupervisor();
    switch (state) {
      case ARMING -> awaitArming(nowNs);
      case PREPARING_HARNESS -> prepareHarness(nowNs);
      case TAKING_UP_HARNESS -> takeUpHarness(nowNs);
      case RAMPING_BELT, RUNNING -> moveSetpoints();
      case STOPPING -> awaitLatch();
      case ACKNOWLEDGING -> awaitAcknowledge(nowNs);
      default -> {
        // IDLE, LATCHED: waiting for the operator.
      }
    }
    for (SessionCycleTask task : cycleTasks) {
      task.afterCycle(nowNs);
    }
  }

  /**
   * A bug escaped a cycle: the session cannot be trusted to command the belt, so the supervisor
   * stops it.
   */
  @Override
  public void onCycleError(Throwable error) {
    LOG.error("session cycle failed; asking the supervisor to stop the belt", error);
    stopThroughSupervisor("session control failed: " + error);
  }

  private void handle(SessionCommand command, long nowNs) {
    if (command instanceof SessionCommand.Start begin) {
      begin(begin, nowNs);
    } else if (command instanceof SessionCommand.Stop) {
      if (state.armed() || state == SessionState.ARMING) {
        stopThroughSupervisor(OPERATOR_STOP);
      }
    } else if (command instanceof SessionCommand.Acknowledge) {
      acknowledge(nowNs);
    } else if (command instanceof SessionCommand.SetSpeed speed) {
      setSpeed(speed.speedMps());
    } else if (command instanceof SessionCommand.SetIncline incline) {
      setIncline(incline.inclinePercent());
    } else if (command instanceof SessionCommand.SetUnloading unloading) {
      setUnloading(unloading.unloadingN());
    }
  }

  private void begin(SessionCommand.Start command, long nowNs) {
    if (state != SessionState.IDLE) {
      refuseCommand(command, "a session starts from IDLE, not " + state);
      return;
    }
    if (!(command.speedMps() > 0 && command.speedMps() <= limits.maxBeltSpeedMps())) {
      refuseCommand(command, "speed outside (0, " + limits.maxBeltSpeedMps() + "] m/s");
      return;
    }
    double unloadingN = command.unloadingN();
    if (!(unloadingN == 0
        || (unloadingN >= limits.minUnloadingN() && unloadingN <= limits.maxUnloadingN()))) {
      refuseCommand(
          command,
          "unloading must be 0 (force control off) or within ["
              + limits.minUnloadingN()
              + ", "
              + limits.maxUnloadingN()
              + "] N");
      return;
    }
    start = command;
    ownStopReason = null;
    pending = supervisor.requestStart();
    pendingDeadlineNs = nowNs + settings.supervisorAnswerMs() * 1_000_000L;
    enter(SessionState.ARMING, "arming the safety supervisor");
  }

  private void acknowledge(long nowNs) {
    if (state != SessionState.LATCHED) {
      LOG.info("acknowledge in {}: nothing latched", state);
      return;
    }
    pending = supervisor.requestAcknowledge();
    pendingDeadlineNs = nowNs + settings.supervisorAnswerMs() * 1_000_000L;
    enter(SessionState.ACKNOWLEDGING, "acknowledging");
  }

  private void setSpeed(double speedMps) {
    if (state != SessionState.RUNNING && state != SessionState.RAMPING_BELT) {
      refuseCommand(new SessionCommand.SetSpeed(speedMps), "the belt is not running");
    } else if (!(speedMps >= 0 && speedMps <= limits.maxBeltSpeedMps())) {
      // 0 is a pause: the belt ramps down and stays enabled, the harness keeps its unloading.
      refuseCommand(
          new SessionCommand.SetSpeed(speedMps),
          "speed outside [0, " + limits.maxBeltSpeedMps() + "] m/s");
    } else {
      beltRamp.retarget(speedMps);
    }
  }

  private void setIncline(double inclinePercent) {
    SessionCommand command = new SessionCommand.SetIncline(inclinePercent);
    if (state != SessionState.RUNNING && state != SessionState.RAMPING_BELT) {
      refuseCommand(command, "the belt is not running");
    } else if (!(inclinePercent >= limits.minInclinePercent()
        && inclinePercent <= limits.maxInclinePercent())) {
      refuseCommand(
          command,
          "incline outside ["
              + limits.minInclinePercent()
              + ", "
              + limits.maxInclinePercent()
              + "] % grade");
    } else if (Double.isNaN(inclineRamp.value())) {
      refuseCommand(command, "the incline was not read at the start");
    } else {
      inclineRamp.retarget(inclinePercent);
    }
  }

  private void setUnloading(double unloadingN) {
    SessionCommand command = new SessionCommand.SetUnloading(unloadingN);
    if (!forceControl || (state != SessionState.RUNNING && state != SessionState.RAMPING_BELT)) {
      refuseCommand(command, "unloading changes only while running with force control on");
    } else if (!(unloadingN > 0 && unloadingN <= limits.maxUnloadingN())) {
      refuseCommand(command, "unloading outside (0, " + limits.maxUnloadingN() + "] N");
    } else {
      forceRamp.retarget(unloadingN);
    }
  }

  /** The supervisor is the authority: an armed session whose supervisor left RUNNING stops. */
  private void followSupervisor() {
    SafetyState safety = supervisor.state();
    if (state.armed() && safety != SafetyState.RUNNING) {
      FaultRecord fault = supervisor.firstFault();
      enter(SessionState.STOPPING, ownStopReason != null ? ownStopReason : describe(fault));
    } else if (state == SessionState.LATCHED && pending == null && safety == SafetyState.IDLE) {
      // An acknowledgement answered after its deadline: the supervisor is idle, so is the session.
      enter(SessionState.IDLE, "acknowledged");
    }
  }

  /**
   * Whether the supervisor still runs this session. After a blocking command sequence it may have
   * stopped meanwhile; whatever the session commanded since must not undo its safe state, so the
   * belt is commanded off and the harness held again (both always allowed), and the next cycle
   * follows the supervisor.
   */
  private boolean stillArmed() {
    if (supervisor.state() == SafetyState.RUNNING) {
      return true;
    }
    CommandResult beltOff = drive.setRunning(false);
    CommandResult held = bws.setHold(true);
    LOG.warn(
        "the supervisor stopped while the session commanded the devices; belt off again: {},"
            + " harness held again: {}",
        beltOff,
        held);
    return false;
  }

  private void awaitArming(long nowNs) {
    if (!pending.isDone()) {
      if (pendingDeadlineNs - nowNs < 0) {
        // The start stays pending: STOPPING waits for its answer and stops it if it was accepted.
        stopThroughSupervisor("start refused: the safety supervisor did not answer in time");
      }
      return;
    }
    RequestOutcome outcome = pending.join();
    pending = null;
    if (!outcome.accepted()) {
      enter(SessionState.IDLE, "start refused: " + outcome.reason());
      return;
    }
    enter(SessionState.PREPARING_HARNESS, "bringing the harness into its session state");
    prepareHarness(nowNs);
  }

  private void prepareHarness(long nowNs) {
    if (state != SessionState.PREPARING_HARNESS || !stillArmed()) {
      return;
    }
    DriveStatus driveNow = drive.readStatus();
    BwsStatus bwsNow = bws.readStatus();
    // The gate judges the first changes from the measured state: the supervisor's start commanded
    // SPEED_SET 0, and the previous session may have left any tension behind.
    double inclineNowPercent = driveNow.result().isOk() ? driveNow.inclinePercent() : Double.NaN;
    gate.seedSetpoints(
        0, inclineNowPercent, bwsNow.result().isOk() ? clampForce(bwsNow.forceN()) : Double.NaN);
    inclineRamp.reset(inclineNowPercent, inclineNowPercent);
    HarnessPreparation.Prepared prepared = harness.prepare(bwsNow, start.unloadingN());
    if (!stillArmed()) {
      return;
    }
    if (prepared.refusal() != null) {
      stopThroughSupervisor("start refused: " + prepared.refusal());
      return;
    }
    forceControl = prepared.forceControl();
    forceRamp.reset(clampForce(prepared.measuredForceN()), clampForce(start.unloadingN()));
    double rampS = Math.abs(start.unloadingN() - prepared.measuredForceN()) / takeUpRateNPerS();
    takeUpDeadlineNs = nowNs + (long) ((rampS + settings.takeUpMarginS()) * 1e9);
    enter(
        SessionState.TAKING_UP_HARNESS,
        forceControl
            ? String.format(
                "unloading %.0f N -> %.0f N at %.0f N/s",
                prepared.measuredForceN(), start.unloadingN(), takeUpRateNPerS())
            : "harness free (force control off, HOLD released)");
  }

  private void takeUpHarness(long nowNs) {
    if (forceControl && !forceRamp.reached()) {
      if (!setpointSent("FORCE_SET", bws.setForce(forceRamp.step()))) {
        return;
      }
    }
    if (forceControl && !forceReached()) {
      if (takeUpDeadlineNs - nowNs < 0) {
        stopThroughSupervisor(
            String.format(
                "start refused: unloading did not reach %.0f N (measured %.0f N)",
                start.unloadingN(), measuredForceN()));
      }
      return;
    }
    if (forceControl && start.unloadingN() == 0) {
      // Taken down to the profile's minimum (0 N in the shipped profiles): force control off, the
      // cable free, as a session without unloading.
      if (!commanded("ENABLE off", bws.setEnabled(false))) {
        return;
      }
      forceControl = false;
    }
    startBelt();
  }

  private boolean forceReached() {
    if (!forceRamp.reached()) {
      return false;
    }
    double toleranceN = Math.max(settings.takeUpToleranceN(), 0.1 * forceRamp.target());
    return Math.abs(measuredForceN() - forceRamp.target()) <= toleranceN;
  }

  /** The last check before the belt moves: the harness as intended, then RUN at speed 0. */
  private void startBelt() {
    if (!stillArmed()) {
      return;
    }
    harnessCheckedNs = clock.nanoTime();
    String unintended = HarnessPreparation.checkState(bws.readStatus(), forceControl);
    if (unintended != null) {
      stopThroughSupervisor("start refused: " + unintended);
      return;
    }
    if (commanded("ACCEL", drive.setAcceleration(beltAccelMps2()))
        && commanded("SPEED_SET 0", drive.setSpeed(0))
        && commanded("RUN", drive.setRunning(true))
        && stillArmed()) {
      beltRamp.reset(0, start.speedMps());
      enter(
          SessionState.RAMPING_BELT,
          String.format(
              "belt ramping to %.2f m/s at %.2f m/s²", start.speedMps(), beltAccelMps2()));
    }
  }

  /** One cycle's step of each ramp not yet at its target; false when a command failed. */
  private boolean stepRamps() {
    if (!beltRamp.reached() && !setpointSent("SPEED_SET", drive.setSpeed(beltRamp.step()))) {
      return false;
    }
    if (forceControl
        && !forceRamp.reached()
        && !setpointSent("FORCE_SET", bws.setForce(forceRamp.step()))) {
      return false;
    }
    // An incline not read at the start stays NaN: never commanded, and SetIncline refused.
    return Double.isNaN(inclineRamp.value())
        || inclineRamp.reached()
        || setpointSent("INCLINE_SET", drive.setIncline(inclineRamp.step()));
  }

  /**
   * A ramp's setpoint write (the harness take-up, the belt's ramps). A reply that came too late
   * (TIMEOUT, a busy host or link) or a link being re-connected (NOT_CONNECTED, e.g. after a TCP
   * reset; it re-connects in about 10 ms) is not a stop: the setpoint holds, the next cycle writes
   * the ramp's next value, and a device that stays unreachable is the supervisor's fault (F07/F13,
   * from its own status reads, with the device's own watchdog behind it). Any other failure stops
   * the session.
   */
  private boolean setpointSent(String what, CommandResult result) {
    if (result == CommandResult.TIMEOUT || result == CommandResult.NOT_CONNECTED) {
      setpointMisses++;
      LOG.warn(
          "{} -> {} ({} so far); the next cycle writes the next value",
          what,
          result,
          setpointMisses);
      return false;
    }
    return commanded(what, result);
  }

  /**
   * Tells the supervisor what tension to expect while the belt runs (the unloading commanded now, 0
   * with the harness free), so its fall sign and overload are judged relative to it; nothing
   * outside a running session. Call before the start; the tap's body weight is the caller's.
   */
  public void publishExpectationTo(UnloadingExpectationTap tap) {
    this.expectation = Objects.requireNonNull(tap, "tap");
  }

  private void moveSetpoints() {
    // While a stream's data is late (a busy host) the controller cannot see the patient: the
    // setpoints hold where they are until data flows again.
    if (!supervisor.streamDataLate() && !stepRamps()) {
      return;
    }
    if (expectation != null) {
      expectation.track(forceControl ? forceRamp.value() : 0);
    }
    // Only a status read after the last check counts: the poller's latest may still predate the
    // release of HOLD.
    PolledStatus<BwsStatus> harnessNow = bwsStatus.latest();
    if (harnessNow.lastGood() != null
        && harnessNow.lastGoodNs() - harnessCheckedNs > 0
        && harnessNow.lastGood().holding()) {
      stopThroughSupervisor("the BWS unit holds the harness while the belt runs");
      return;
    }
    if (state == SessionState.RAMPING_BELT && beltRamp.reached()) {
      enter(
          SessionState.RUNNING,
          forceControl
              ? String.format(
                  "belt at %.2f m/s, unloading %.0f N", beltRamp.value(), forceRamp.value())
              : String.format("belt at %.2f m/s, harness free", beltRamp.value()));
    }
  }

  private void awaitLatch() {
    if (pending != null) {
      // A start still unanswered when the session was stopped: it must not arm behind our back.
      if (!pending.isDone()) {
        return;
      }
      boolean armedAfterAll = pending.join().accepted();
      pending = null;
      if (armedAfterAll) {
        supervisor.requestStop("the session: " + reason);
        return;
      }
    }
    if (supervisor.state() == SafetyState.SAFE_STOP_LATCHED) {
      enter(SessionState.LATCHED, reason);
    } else if (supervisor.state() == SafetyState.IDLE) {
      // Stopped before it ever ran (e.g. refused while arming): nothing is latched.
      enter(SessionState.IDLE, reason);
    }
  }

  private void awaitAcknowledge(long nowNs) {
    if (!pending.isDone()) {
      if (pendingDeadlineNs - nowNs < 0) {
        pending = null;
        enter(SessionState.LATCHED, "acknowledge: the safety supervisor did not answer in time");
      }
      return;
    }
    RequestOutcome outcome = pending.join();
    pending = null;
    if (outcome.accepted()) {
      enter(SessionState.IDLE, "acknowledged");
    } else {
      enter(SessionState.LATCHED, "acknowledge refused: " + outcome.reason());
    }
  }

  /**
   * Every stop the session wants is the supervisor's requested stop (F21): one path to safety. The
   * operator's own is named as such; any other names the session's reason.
   */
  private void stopThroughSupervisor(String why) {
    ownStopReason = why;
    if (why.equals(OPERATOR_STOP)) {
      supervisor.requestOperatorStop();
    } else {
      supervisor.requestStop("the session: " + why);
    }
    enter(SessionState.STOPPING, why);
  }

  private boolean commanded(String what, CommandResult result) {
    if (result.isOk()) {
      return true;
    }
    if (!supervisor.motionPermitted()) {
      // The supervisor is stopping the session (the gate refuses motion from its first stop
      // command on): its fault is the cause, which the next cycle follows, not this command.
      LOG.info("{} -> {}: the safety supervisor is stopping the session", what, result);
      return false;
    }
    stopThroughSupervisor(what + " -> " + result + refusalDetail(result));
    return false;
  }

  private String refusalDetail(CommandResult result) {
    return result == CommandResult.REFUSED ? " (" + gate.counters().lastRefusal() + ")" : "";
  }

  private void refuseCommand(SessionCommand command, String why) {
    LOG.warn("session command {} refused: {}", command, why);
    for (SessionListener listener : listeners) {
      try {
        listener.onCommandRefused(command, why);
      } catch (RuntimeException e) {
        LOG.error("session listener threw; the session goes on", e);
      }
    }
  }

  private void enter(SessionState to, String why) {
    SessionState from = state;
    if (from == to && why.equals(reason)) {
      return;
    }
    reason = why;
    state = to;
    if (expectation != null && to != SessionState.RAMPING_BELT && to != SessionState.RUNNING) {
      expectation.stopTracking();
    }
    LOG.info("session {} -> {}: {}", from, to, why);
    for (SessionListener listener : listeners) {
      try {
        listener.onStateChanged(from, to, why);
      } catch (RuntimeException e) {
        LOG.error("session listener threw; the session goes on", e);
      }
    }
  }

  private double measuredForceN() {
    PolledStatus<BwsStatus> polled = bwsStatus.latest();
    return polled.lastGood() == null ? Double.NaN : polled.lastGood().forceN();
  }

  private double clampForce(double forceN) {
    return Math.max(limits.minUnloadingN(), Math.min(forceN, limits.maxUnloadingN()));
  }

  private double beltAccelMps2() {
    return Math.min(settings.beltAccelMps2(), limits.maxAccelMps2());
  }

  private double takeUpRateNPerS() {
    return Math.min(settings.takeUpRateNPerS(), limits.maxForceRateNPerS());
  }

  private static String describe(FaultRecord fault) {
    return fault == null ? "the safety supervisor stopped the belt" : fault.toString();
  }
}
