package org.gaitctl.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.gaitctl.config.SafetyLimits;
import org.gaitctl.core.counters.CounterGroup;
import org.gaitctl.core.loop.AgentThread;
import org.gaitctl.core.loop.DeadlineIdleStrategy;
import org.gaitctl.core.loop.PeriodicAgent;
import org.gaitctl.core.port.BwsPort;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.port.TreadmillDrivePort;
import org.gaitctl.core.time.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor wired for production: one {@link HeartbeatPermit}, a {@link StatusPoller} per
 * device, the {@link SafetySupervisor}, each a {@link PeriodicAgent} on its own {@link AgentThread}
 * (deadline loop, high priority).
 *
 * <pre>{@code
 * SafetySystem safety = SafetySystem.create(drive, bws, inputs, limits,
 *     SupervisorSettings.defaults(), NanoClock.SYSTEM);
 * safety.supervisor().addListener(listener);
 * safety.startThreads();
 * RequestOutcome started = safety.supervisor().requestStart().get(2, SECONDS);
 * ...                                   // run the belt only while state() == RUNNING
 * safety.close();                       // operator stop, belt at rest, threads stopped
 * }</pre>
 */
public final class SafetySystem implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SafetySystem.class);

  private final SafetySupervisor supervisor;
  private final StatusPoller<DriveStatus> drivePoller;
  private final StatusPoller<BwsStatus> bwsPoller;
  private final NanoClock clock;
  private final SupervisorSettings settings;
  private final SafetyLimits limits;
  private final PeriodicAgent supervisorAgent;
  private final PeriodicAgent drivePollerAgent;
  private final PeriodicAgent bwsPollerAgent;
  private AgentThread supervisorThread;
  private AgentThread drivePollerThread;
  private AgentThread bwsPollerThread;

  private SafetySystem(
      TreadmillDrivePort drive,
      BwsPort bws,
      SupervisedInputs inputs,
      SafetyLimits limits,
      SupervisorSettings settings,
      NanoClock clock) {
    HeartbeatPermit permit = new HeartbeatPermit();
    this.drivePoller = StatusPoller.forDrive(drive, permit, clock);
    this.bwsPoller = StatusPoller.forBws(bws, permit, clock);
    this.supervisor =
        new SafetySupervisor(
            drive, bws, drivePoller, bwsPoller, inputs, permit, limits, settings, clock);
    this.clock = clock;
    this.settings = settings;
    this.limits = limits;
    long pollNs = settings.pollPeriodMs() * 1_000_000L;
    this.drivePollerAgent = new PeriodicAgent(drivePoller, clock, pollNs);
    this.bwsPollerAgent = new PeriodicAgent(bwsPoller, clock, pollNs);
    this.supervisorAgent = new PeriodicAgent(supervisor, clock, settings.cyclePeriodNs());
  }

  /**
   * Builds the system without starting a thread.
   *
   * @throws IllegalArgumentException if the settings do not fit the limits
   */
  public static SafetySystem create(
      TreadmillDrivePort drive,
      BwsPort bws,
      SupervisedInputs inputs,
      SafetyLimits limits,
      SupervisorSettings settings,
      NanoClock clock) {
    return new SafetySystem(drive, bws, inputs, limits, settings, clock);
  }

  public SafetySupervisor supervisor() {
    return supervisor;
  }

  public StatusPoller<DriveStatus> drivePoller() {
    return drivePoller;
  }

  public StatusPoller<BwsStatus> bwsPoller() {
    return bwsPoller;
  }

  /** The supervisor's, the pollers' and their loops' counters, for a counter registry. */
  public List<CounterGroup> counterGroups() {
    List<CounterGroup> groups = new ArrayList<>(supervisor.counters().groups());
    groups.add(drivePoller.counters());
    groups.add(bwsPoller.counters());
    groups.add(supervisorAgent.counters());
    groups.add(drivePollerAgent.counters());
    groups.add(bwsPollerAgent.counters());
    return groups;
  }

  /** Starts the pollers and the supervisor, each on its own thread. Call once. */
  public synchronized void startThreads() {
    if (supervisorThread != null) {
      throw new IllegalStateException("safety threads already started");
    }
    drivePollerThread = startLoop(drivePollerAgent);
    bwsPollerThread = startLoop(bwsPollerAgent);
    supervisorThread = startLoop(supervisorAgent);
  }

  private AgentThread startLoop(PeriodicAgent agent) {
    return AgentThread.startHighPriority(agent, DeadlineIdleStrategy.forPeriodic(agent, clock));
  }

  /**
   * Stops a running session with an operator stop, waits for the safe stop to finish (at most the
   * ramp from the maximum belt speed plus margins), then stops the threads. The device watchdogs
   * stay armed: once the heartbeat is gone they hold the belt latched at zero. Any thread.
   */
  @Override
  public synchronized void close() {
    if (supervisorThread == null) {
      return;
    }
    SafetyState state = supervisor.state();
    if (state == SafetyState.RUNNING || state == SafetyState.STOPPING) {
      supervisor.requestStop("the controller closing down");
      long waitNs =
          (long)
                  (limits.maxBeltSpeedMps()
                      / Math.min(limits.stopDecelMps2(), settings.emergencyDecelMps2())
                      * 2e9)
              + 4L * (settings.stopVerifyMarginMs() + settings.stepBudgetMs()) * 1_000_000L;
      long deadlineNs = clock.nanoTime() + waitNs;
      while (isStopping(supervisor.state()) && deadlineNs - clock.nanoTime() > 0) {
        LockSupport.parkNanos(settings.cyclePeriodNs());
      }
      if (isStopping(supervisor.state())) {
        LOG.error("safe stop did not finish before shutdown; the device watchdogs take over");
      }
    }
    supervisorThread.close();
    drivePollerThread.close();
    bwsPollerThread.close();
  }

  private static boolean isStopping(SafetyState state) {
    return state == SafetyState.RUNNING || state == SafetyState.STOPPING;
  }
}
