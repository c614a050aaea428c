package org.gaitctl.safety;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.gaitctl.config.SafetyLimits;
import org.gaitctl.core.command.MotionPermit;
import org.gaitctl.core.loop.PeriodicAgent;
import org.gaitctl.core.loop.PeriodicCycle;
import org.gaitctl.core.port.BwsPort;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.port.TreadmillDrivePort;
import org.gaitctl.core.time.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety supervisor: once per cycle it checks every input's freshness, the pipeline's progress,
 * the devices' latest status and the limits ({@link FaultCode}). On a fault it runs the {@link
 * SafeStopSequence}, watches the belt come down its commanded ramp to rest (escalating a controlled
 * stop to the drive's quick stop if it leaves the ramp or misses its deadline) and latches the
 * fault until an acknowledgement with the cause gone.
 *
 * <p>Every cycle in which the supervisor can vouch for the machine it grants the {@link
 * HeartbeatPermit} that lets the pollers feed the devices' watchdogs: while RUNNING without a
 * fault, while a stop it supervises follows its ramp, and while the belt rests afterwards (once the
 * watchdogs were armed). A controlled stop therefore ends on the commanded ramp with no device
 * fault latched. The permit is withheld for good when the supervisor cannot vouch any more (its own
 * error, a stop that leaves its ramp, a drive it can no longer read during a stop) and lapses by
 * itself when the supervisor stops running; the devices' watchdogs then stop the belt and hold the
 * harness.
 *
 * <p>Threads: {@link #doWork} runs on the supervisor's own thread ({@link PeriodicAgent}, e.g. 100
 * Hz on {@link NanoClock#SYSTEM}) or is stepped by hand in tests. Requests ({@link #requestStart},
 * {@link #requestAcknowledge}, {@link #requestOperatorStop}) and the getters may be called from any
 * thread; requests are served at the next cycle. A cycle neither blocks nor allocates while all is
 * well; the safe stop, start and acknowledge procedures call the device ports directly and may
 * block for a few request timeouts, which is accepted because nothing is running then.
 */
public final class SafetySupervisor implements PeriodicCycle, MotionPermit {

  private static final Logger LOG = LoggerFactory.getLogger(SafetySupervisor.class);

  /** Latched device faults that the safe stop itself causes (quick stop, withdrawn heartbeat). */
  private static final long CONSEQUENCES_OF_STOP =
      FaultCode.DRIVE_WATCHDOG_TRIPPED.bit()
          | FaultCode.DRIVE_FAULT.bit()
          | FaultCode.BWS_WATCHDOG_TRIPPED.bit()
          | FaultCode.BWS_FAULT.bit();

  private enum RequestKind {
    START,
    ACKNOWLEDGE
  }

  private record Request(RequestKind kind, CompletableFuture<RequestOutcome> result) {}

  private final SafetyLimits limits;
  private final SupervisorSettings settings;
  private final NanoClock clock;
  private final StatusSource<DriveStatus> driveStatus;
  private final StatusSource<BwsStatus> bwsStatus;
  private final HeartbeatPermit permit;
  private final SafetyStateMachine stateMachine;
  private final FaultConditions conditions;
  private final SafeStopSequence safeStop;
  private final DeviceRecovery recovery;
  private final SupervisorCounters counters = new SupervisorCounters();
  private final StreamLateness lateness = new StreamLateness(counters);
  private final List<SafetyListener> listeners = new CopyOnWriteArrayList<>();
  private final Queue<Request> requests = new ConcurrentLinkedQueue<>();

  /** The detail of a stop the operator asked for (console, CLI, Ctrl-C). */
  public static final String OPERATOR = "the operator";

  /** Who asked for a stop not yet served ({@link #requestStop}); null when nobody did. */
  private final AtomicReference<String> stopRequestedBy = new AtomicReference<>();

  private final AtomicBoolean internalErrorPending = new AtomicBoolean();
  private final long periodNs;
  private final long overrunNs;
  private final long permitNs;

  private volatile SafetyState publishedState = SafetyState.IDLE;

  /** Ahead of {@link #publishedState}: withdrawn before the stop's first command, not after. */
  private volatile boolean motionPermitted;

  private volatile FaultRecord publishedFirstFault;
  private volatile SafeStopOutcome lastSafeStop;
  private volatile long presentFaults;
  private volatile ArmedWatchdogs armedWatchdogs;

  private boolean havePreviousCycle;
  private long previousCycleNs;
  private long previousMask;
  private PolledStatus<DriveStatus> driveAfterRecovery = PolledStatus.none();
  private PolledStatus<BwsStatus> bwsAfterRecovery = PolledStatus.none();
  private SafeStopOutcome stopInProgress;
  private long stopDeadlineNs;
  private double speedAtFaultMps;
  private final StopRamp stopRamp;
  private boolean watchdogsArmed;
  private boolean heartbeatWithheld;
  private RuntimeException checkFailure;
  private String withheldWhy;

  /**
   * @param drive the drive, commanded directly for the safe stop, start and acknowledge
   * @param bws the BWS unit, same
   * @param driveStatus the drive's latest status (a {@link StatusPoller} on its own thread)
   * @param bwsStatus the BWS unit's latest status
   * @param inputs streams, pipeline progress and handler exceptions to watch
   * @param permit the heartbeat permit the pollers obey
   * @param limits the device profile's safety limits
   * @param settings thresholds and timing (validated against {@code limits} here)
   * @param clock the supervisor's clock, also used to stamp the procedures
   * @throws IllegalArgumentException if the settings do not fit the limits
   */
  public SafetySupervisor(
      TreadmillDrivePort drive,
      BwsPort bws,
      StatusSource<DriveStatus> driveStatus,
      StatusSource<BwsStatus> bwsStatus,
      SupervisedInputs inputs,
      HeartbeatPermit permit,
      SafetyLimits limits,
      SupervisorSettings settings,
      NanoClock clock) {
    settings.validateAgainst(limits);
    this.limits = limits;
    this.settings = settings;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.driveStatus = Objects.requireNonNull(driveStatus, "driveStatus");
    this.bwsStatus = Objects.requireNonNull(bwsStatus, "bwsStatus");
    this.permit = Objects.requireNonNull(permit, "permit");
    long nowNs = clock.nanoTime();
    this.stateMachine = new SafetyStateMachine(nowNs);
    this.conditions = new FaultConditions(settings, limits, inputs, nowNs);
    this.safeStop = new SafeStopSequence(drive, bws, limits, settings, clock);
    this.recovery = new DeviceRecovery(drive, bws, new DeviceCommands(clock, settings), clock);
    this.periodNs = settings.cyclePeriodNs();
    this.overrunNs = settings.overrunThresholdMs() * 1_000_000L;
    this.permitNs = settings.heartbeatPermitMs() * 1_000_000L;
    this.stopRamp =
        new StopRamp(
            (2L * settings.pollPeriodMs() + settings.stepBudgetMs()) * 1_000_000L,
            settings.beltSpeedToleranceMps());
    permit.revoke();
  }

  /** Adds a listener; any thread. */
  public void addListener(SafetyListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Asks to arm and run: from IDLE, commands the belt off, resets the devices' latched faults where
   * their causes are gone, checks that no cause is present, arms both device watchdogs with {@code
   * limits.deviceWatchdogMs()}, reads both back (a device holding another value, or one that cannot
   * be read, refuses the start, naming the device and both values) and enters RUNNING. Any thread;
   * completed by the supervisor's next cycle. Refused with the reason otherwise.
   */
  public CompletableFuture<RequestOutcome> requestStart() {
    return enqueue(RequestKind.START);
  }

  /**
   * Asks to clear a latched fault: from SAFE_STOP_LATCHED, commands the belt off and the harness
   * held, resets the devices' latched faults, and returns to IDLE if no lasting cause is present;
   * refused with the causes named otherwise. Any thread; completed by the next cycle.
   */
  public CompletableFuture<RequestOutcome> requestAcknowledge() {
    return enqueue(RequestKind.ACKNOWLEDGE);
  }

  /**
   * Operator stop ({@link FaultCode#OPERATOR_STOP}) at the next cycle. Any thread; never blocks.
   */
  public void requestOperatorStop() {
    requestStop(OPERATOR);
  }

  /**
   * A stop asked for by software on the operator's behalf ({@link FaultCode#OPERATOR_STOP}) at the
   * next cycle, e.g. the session after a command its device refused: {@code by} is the fault's
   * detail, so the stop names its real cause. A second request before the cycle keeps the first.
   * Any thread; never blocks.
   *
   * @param by who asked and why, e.g. "the session: FORCE_SET -> REJECTED"
   */
  public void requestStop(String by) {
    stopRequestedBy.compareAndSet(null, Objects.requireNonNull(by, "by"));
  }

  /**
   * Whether a command that can move the patient may reach the devices: from an accepted start until
   * the first fault or stop, withdrawn before the supervisor commands the stop. Any thread.
   */
  @Override
  public boolean motionPermitted() {
    return motionPermitted;
  }

  /** Current state; any thread. */
  public SafetyState state() {
    return publishedState;
  }

  /** The fault that stopped the last session, kept until the next start; null if none. */
  public FaultRecord firstFault() {
    return publishedFirstFault;
  }

  /** The last safe stop's outcome; null if there was none. */
  public SafeStopOutcome lastSafeStop() {
    return lastSafeStop;
  }

  /**
   * Whether a stream's data is late now (past {@link SupervisorSettings#streamLateMs()}, not yet a
   * fault): the session holds its setpoints meanwhile. Any thread.
   */
  public boolean streamDataLate() {
    return lateness.late();
  }

  /** Mask of the faults present at the last cycle ({@link FaultCode#bit()}); any thread. */
  public long presentFaults() {
    return presentFaults;
  }

  /**
   * The watchdog timeouts read back at the last accepted start; null before the first, and from the
   * moment a start begins arming until it is accepted (a refused start leaves them unconfirmed).
   * Any thread.
   */
  public ArmedWatchdogs armedWatchdogs() {
    return armedWatchdogs;
  }

  public SupervisorCounters counters() {
    return counters;
  }

  @Override
  public String roleName() {
    return "safety-supervisor";
  }

  /** One supervision cycle at {@code nowNs}. Supervisor thread only. */
  @Override
  public void doWork(long nowNs) {
    long mask = checkLateness(nowNs);
    String stopBy = stopRequestedBy.getAndSet(null);
    boolean stopAsked = stopBy != null;
    if (stopAsked) {
      mask |= conditions.raiseStopRequest(stopBy);
    }
    if (internalErrorPending.getAndSet(false)) {
      mask |= conditions.raise(FaultCode.SUPERVISOR_ERROR, Double.NaN, Double.NaN);
    }
    mask |= evaluate(nowNs);
    presentFaults = mask;
    if (stateMachine.state() == SafetyState.RUNNING) {
      lateness.update(conditions.lateStream(), conditions.lateAgeMs());
    } else {
      lateness.reset();
    }
    boolean blocked = react(nowNs, mask);
    logAfterReaction();
    blocked |= serveRequests(stopAsked);
    if (blocked) {
      // A procedure blocked this cycle; lateness is measured afresh from the next one.
      havePreviousCycle = false;
    } else {
      counters.cycle(clock.nanoTime() - nowNs);
    }
  }

  /**
   * A bug escaped {@link #doWork}: heartbeats stop at once (so the device watchdogs act if the
   * supervisor cannot), and the next cycle raises {@link FaultCode#SUPERVISOR_ERROR}.
   */
  @Override
  public void onCycleError(Throwable error) {
    motionPermitted = false;
    permit.revoke();
    counters.cycleError();
    internalErrorPending.set(true);
    LOG.error("safety supervisor cycle failed; heartbeat withdrawn, safe stop next cycle", error);
  }

  /**
   * All input checks; a check that throws (a bug, or an input lambda breaking its contract) counts
   * as {@link FaultCode#SUPERVISOR_ERROR}, because the other checks of the cycle did not run.
   */
  private long evaluate(long nowNs) {
    try {
      return conditions.evaluate(
          nowNs, currentDriveStatus(), currentBwsStatus(), watchdogsArmed && beltMustRest());
    } catch (RuntimeException e) {
      counters.cycleError();
      // Logged once the cycle has reacted: a stack trace written first would delay the stop.
      checkFailure = e;
      return conditions.raise(FaultCode.SUPERVISOR_ERROR, Double.NaN, Double.NaN);
    }
  }

  /** Outside a session (idle after the first start, or latched) the belt must not move. */
  private boolean beltMustRest() {
    SafetyState state = stateMachine.state();
    return state == SafetyState.IDLE || state == SafetyState.SAFE_STOP_LATCHED;
  }

  private long checkLateness(long nowNs) {
    long mask = 0;
    if (havePreviousCycle) {
      long latenessNs = nowNs - previousCycleNs - periodNs;
      counters.lateness(latenessNs);
      if (latenessNs > overrunNs) {
        counters.overrun();
        mask = conditions.raise(FaultCode.SUPERVISOR_OVERRUN, latenessNs / 1e6, overrunNs / 1e6);
      }
    }
    havePreviousCycle = true;
    previousCycleNs = nowNs;
    return mask;
  }

  private PolledStatus<DriveStatus> currentDriveStatus() {
    return PolledStatus.newerOf(driveStatus.latest(), driveAfterRecovery);
  }

  private PolledStatus<BwsStatus> currentBwsStatus() {
    return PolledStatus.newerOf(bwsStatus.latest(), bwsAfterRecovery);
  }

  /** Applies the state rules to this cycle's faults; returns whether it blocked on the devices. */
  private boolean react(long nowNs, long mask) {
    long appeared = mask & ~previousMask;
    previousMask = mask;
    if ((mask & FaultCode.SUPERVISOR_ERROR.bit()) != 0) {
      withholdHeartbeat("supervisor internal error");
    }
    boolean blocked;
    switch (stateMachine.state()) {
      case RUNNING:
        if (mask == 0) {
          feedHeartbeat(nowNs);
          return false;
        }
        blocked = beginSafeStop(nowNs, mask);
        break;
      case STOPPING:
        reportLaterFaults(nowNs, appeared & ~CONSEQUENCES_OF_STOP);
        blocked = superviseStop(nowNs);
        break;
      case SAFE_STOP_LATCHED:
        reportLaterFaults(nowNs, appeared & ~CONSEQUENCES_OF_STOP);
        blocked = enforceStandstill(appeared);
        break;
      default:
        blocked = enforceStandstill(appeared);
        break;
    }
    if (watchdogsArmed) {
      feedHeartbeat(clock.nanoTime());
    }
    return blocked;
  }

  /**
   * The belt moves although no session runs (a stray command, a drive that ignored the stop): the
   * supervisor stops vouching, so the devices' watchdogs act, and commands the quick stop with the
   * harness held. Once per appearance; returns whether it blocked on the devices.
   */
  private boolean enforceStandstill(long appeared) {
    if ((appeared & FaultCode.BELT_MOVING_WHILE_STOPPED.bit()) == 0) {
      return false;
    }
    withholdHeartbeat("belt moving while stopped");
    lastSafeStop = safeStop.execute(Reaction.QUICK_STOP);
    counters.safeStop(true);
    return true;
  }

  /** What this cycle found and withheld, logged only after its stop commands went out. */
  private void logAfterReaction() {
    if (checkFailure != null) {
      LOG.error(
          "a supervisor check threw; raised {}", FaultCode.SUPERVISOR_ERROR.id(), checkFailure);
      checkFailure = null;
    }
    if (withheldWhy != null) {
      LOG.error("heartbeat withheld ({}): the device watchdogs will stop the belt", withheldWhy);
      withheldWhy = null;
    }
  }

  /** Grants the heartbeat for one permit period unless the supervisor has withheld it. */
  private void feedHeartbeat(long nowNs) {
    if (heartbeatWithheld) {
      permit.revoke();
    } else {
      permit.grant(nowNs, permitNs);
    }
  }

  /** The supervisor can no longer vouch for the machine: the device watchdogs take over. */
  private void withholdHeartbeat(String why) {
    if (!heartbeatWithheld) {
      heartbeatWithheld = true;
      permit.revoke();
      counters.heartbeatWithheld();
      withheldWhy = why;
    }
  }

  /**
   * The stop is commanded first; recording, logging and listeners come after the commands. The
   * heartbeat stays granted while the commands are sent, so the devices' watchdogs do not turn a
   * controlled stop into an emergency stop. Returns true: the commands blocked this cycle.
   */
  private boolean beginSafeStop(long nowNs, long mask) {
    FaultCode firstCode = FaultCode.firstIn(mask);
    motionPermitted = false;
    PolledStatus<DriveStatus> drive = currentDriveStatus();
    speedAtFaultMps =
        drive.lastGood() == null
            ? limits.maxBeltSpeedMps()
            : Math.max(
                Math.abs(drive.lastGood().speedMps()), Math.abs(drive.lastGood().speedRightMps()));
    feedHeartbeat(nowNs);
    SafeStopOutcome outcome = safeStop.execute(FaultCode.reactionFor(mask));
    // The record's text is formatted after the commands: it is for people, the stop is not.
    FaultRecord first = record(firstCode, nowNs);
    stateMachine.fault(first);
    stopInProgress = outcome;
    lastSafeStop = outcome;
    stopDeadlineNs = clock.nanoTime() + rampNs(outcome.quickStopUsed());
    stopRamp.begin(outcome.startedNs(), speedAtFaultMps, decelMps2(outcome.quickStopUsed()));

    counters.fault(firstCode);
    counters.safeStop(outcome.quickStopUsed());
    publishedFirstFault = first;
    // Where the time to the wire went: before the first command (this thread) or in them.
    String timing =
        String.format(
            Locale.ROOT,
            "began %.1f ms after detection, commands took %.1f ms",
            (outcome.startedNs() - nowNs) / 1e6,
            (outcome.finishedNs() - outcome.startedNs()) / 1e6);
    if (firstCode == FaultCode.OPERATOR_STOP) {
      // A requested stop is not a fault the supervisor found: the operator's is no error, and
      // the session logged its own reason when it asked. Every other cause is an error.
      LOG.info("{}; commanded {} ({})", first, outcome.steps(), timing);
    } else {
      LOG.error("safe stop: {}; commanded {} ({})", first, outcome.steps(), timing);
    }
    publishState(SafetyState.RUNNING, nowNs);
    notifyFault(first, true);
    reportLaterFaults(nowNs, mask & ~firstCode.bit());
    return true;
  }

  private double decelMps2(boolean quickStop) {
    return quickStop ? settings.emergencyDecelMps2() : limits.stopDecelMps2();
  }

  /** Time the belt may take to reach rest from the speed at the fault, plus the margin. */
  private long rampNs(boolean quickStop) {
    return (long) (speedAtFaultMps / decelMps2(quickStop) * 1e9)
        + settings.stopVerifyMarginMs() * 1_000_000L;
  }

  /**
   * STOPPING: waits for the belt to be seen at rest. A belt that leaves the stop's ramp ends the
   * supervisor's vouching (heartbeat withheld) and escalates to the quick stop at once; a drive
   * that can no longer be read during the stop ends the vouching too (its watchdog acts); a stop
   * that misses its deadline escalates once, then latches.
   */
  private boolean superviseStop(long nowNs) {
    PolledStatus<DriveStatus> drive = currentDriveStatus();
    DriveStatus status = drive.lastGood();
    boolean readSinceStop = status != null && drive.lastGoodNs() - stopInProgress.startedNs() >= 0;
    double speedMps =
        status == null
            ? Double.NaN
            : Math.max(Math.abs(status.speedMps()), Math.abs(status.speedRightMps()));
    if (readSinceStop && speedMps <= settings.restSpeedMps()) {
      completeStop(nowNs, true);
      return false;
    }
    if (readSinceStop && !stopRamp.onTrack(drive.lastGoodNs(), speedMps)) {
      withholdHeartbeat(
          String.format(
              "belt at %.3f m/s above the stop's ramp (%.3f m/s)",
              speedMps, stopRamp.allowedMps(drive.lastGoodNs())));
      if (!stopInProgress.quickStopUsed()) {
        return escalate(nowNs, speedMps);
      }
    }
    if (drive.goodReadAgeMs(nowNs) > settings.deviceStatusStaleMs()) {
      withholdHeartbeat("drive status not read during the stop");
    }
    if (stopDeadlineNs - nowNs > 0) {
      return false;
    }
    if (!stopInProgress.quickStopUsed()) {
      LOG.error("belt not at rest after the controlled stop's deadline; escalating to quick stop");
      return escalate(nowNs, Double.isNaN(speedMps) ? speedAtFaultMps : speedMps);
    }
    LOG.error("belt not seen at rest by the stop deadline; latching with rest unconfirmed");
    completeStop(nowNs, false);
    return false;
  }

  /** Escalates a controlled stop to the drive's quick stop from {@code speedMps}; blocks. */
  private boolean escalate(long nowNs, double speedMps) {
    stopInProgress = stopInProgress.withEscalation(safeStop.quickStop());
    lastSafeStop = stopInProgress;
    counters.escalatedToQuickStop();
    stopDeadlineNs = clock.nanoTime() + rampNs(true);
    stopRamp.begin(nowNs, speedMps, settings.emergencyDecelMps2());
    return true;
  }

  private void completeStop(long nowNs, boolean atRest) {
    SafeStopOutcome outcome = stopInProgress.completed(nowNs, atRest);
    stopInProgress = null;
    lastSafeStop = outcome;
    stateMachine.stopCompleted(nowNs);
    publishState(SafetyState.STOPPING, nowNs);
    for (SafetyListener listener : listeners) {
      try {
        listener.onSafeStopCompleted(outcome);
      } catch (RuntimeException e) {
        listenerFailed(e);
      }
    }
  }

  private void reportLaterFaults(long nowNs, long mask) {
    for (long rest = mask; rest != 0; rest &= rest - 1) {
      FaultCode code = FaultCode.firstIn(rest);
      FaultRecord later = record(code, nowNs);
      stateMachine.fault(later);
      counters.fault(code);
      LOG.warn("later fault: {}", later);
      notifyFault(later, false);
    }
  }

  private FaultRecord record(FaultCode code, long nowNs) {
    return new FaultRecord(
        code, nowNs, conditions.measured(code), conditions.limit(code), conditions.detail(code));
  }

  private CompletableFuture<RequestOutcome> enqueue(RequestKind kind) {
    CompletableFuture<RequestOutcome> result = new CompletableFuture<>();
    requests.add(new Request(kind, result));
    return result;
  }

  /**
   * Serves the queued requests; a start queued before an operator stop that arrived while idle is
   * refused, so a stop asked right after a start is never lost.
   */
  private boolean serveRequests(boolean stopAsked) {
    boolean blocked = false;
    for (Request request = requests.poll(); request != null; request = requests.poll()) {
      blocked = true;
      RequestOutcome outcome;
      try {
        outcome =
            switch (request.kind()) {
              case START ->
                  stopAsked ? RequestOutcome.refused("an operator stop was asked") : start();
              case ACKNOWLEDGE -> acknowledge();
            };
      } catch (RuntimeException e) {
        // A bug in a procedure: the requester gets an answer, and the next cycle raises F20.
        counters.cycleError();
        internalErrorPending.set(true);
        LOG.error("{} request failed inside the supervisor", request.kind(), e);
        outcome = RequestOutcome.refused("internal error: " + e);
      }
      LOG.info("{} {}: {}", request.kind(), outcome.accepted() ? "accepted" : "refused", outcome);
      request.result().complete(outcome);
    }
    return blocked;
  }

  private RequestOutcome start() {
    long nowNs = clock.nanoTime();
    if (stateMachine.state() != SafetyState.IDLE) {
      return stateMachine.start(nowNs, 0);
    }
    DeviceRecovery.Prepared prepared = recovery.prepare(false);
    if (prepared.failure() != null) {
      return RequestOutcome.refused(prepared.failure());
    }
    long causes = causesAfter(prepared);
    if (causes != 0) {
      return RequestOutcome.refused("cause present: " + describe(causes));
    }
    armedWatchdogs = null;
    DeviceRecovery.Armed armed = recovery.armWatchdogs(limits.deviceWatchdogMs());
    if (armed.failure() != null) {
      return RequestOutcome.refused(armed.failure());
    }
    armedWatchdogs = armed.watchdogs();
    LOG.info(
        "device watchdogs armed and read back: drive {} ms, BWS {} ms",
        armed.watchdogs().driveMs(),
        armed.watchdogs().bwsMs());
    watchdogsArmed = true;
    heartbeatWithheld = false;
    nowNs = clock.nanoTime();
    RequestOutcome outcome = stateMachine.start(nowNs, 0);
    motionPermitted = outcome.accepted();
    permit.grant(nowNs, permitNs);
    previousMask = 0;
    publishedFirstFault = null;
    publishState(SafetyState.IDLE, nowNs);
    return outcome;
  }

  private RequestOutcome acknowledge() {
    if (stateMachine.state() != SafetyState.SAFE_STOP_LATCHED) {
      return stateMachine.acknowledge(clock.nanoTime(), 0);
    }
    DeviceRecovery.Prepared prepared = recovery.prepare(true);
    if (prepared.failure() != null) {
      return RequestOutcome.refused(prepared.failure());
    }
    long present = causesAfter(prepared);
    // Events are gone once seen, but a check that cannot run leaves the causes unknown.
    long causes = FaultCode.conditionsIn(present) | (present & FaultCode.SUPERVISOR_ERROR.bit());
    long nowNs = clock.nanoTime();
    RequestOutcome outcome = stateMachine.acknowledge(nowNs, causes);
    if (!outcome.accepted()) {
      return RequestOutcome.refused("cause still present: " + describe(causes));
    }
    // DeviceRecovery fed both watchdogs and cleared their latches: the supervisor vouches again.
    heartbeatWithheld = false;
    publishState(SafetyState.SAFE_STOP_LATCHED, nowNs);
    return outcome;
  }

  /** The causes present right after a recovery, judged on the statuses it read. */
  private long causesAfter(DeviceRecovery.Prepared prepared) {
    driveAfterRecovery = recovery.driveStatus(prepared);
    bwsAfterRecovery = recovery.bwsStatus(prepared);
    long nowNs = clock.nanoTime();
    conditions.rebaseline(nowNs);
    long causes = evaluate(nowNs);
    presentFaults = causes;
    return causes;
  }

  private String describe(long mask) {
    StringBuilder text = new StringBuilder();
    for (long rest = mask; rest != 0; rest &= rest - 1) {
      FaultCode code = FaultCode.firstIn(rest);
      if (text.length() > 0) {
        text.append("; ");
      }
      text.append(record(code, 0));
    }
    return text.toString();
  }

  private void publishState(SafetyState from, long nowNs) {
    SafetyState to = stateMachine.state();
    publishedState = to;
    LOG.info("safety state {} -> {}", from, to);
    for (SafetyListener listener : listeners) {
      try {
        listener.onStateChanged(from, to, nowNs);
      } catch (RuntimeException e) {
        listenerFailed(e);
      }
    }
  }

  private void notifyFault(FaultRecord fault, boolean first) {
    for (SafetyListener listener : listeners) {
      try {
        listener.onFault(fault, first);
      } catch (RuntimeException e) {
        listenerFailed(e);
      }
    }
  }

  private void listenerFailed(RuntimeException e) {
    counters.listenerError();
    LOG.error("safety listener threw; supervision goes on", e);
  }
}
