package org.gaitctl.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.gaitctl.config.SafetyLimits;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.time.ArrivalTime;
import org.gaitctl.core.time.ManualNanoClock;

/**
 * A supervisor with fake devices and inputs on virtual time, stepped one 10 ms cycle at a time:
 * streams deliver a sample each cycle while on, both pollers run, then the supervisor.
 */
public final class SupervisorHarness {

  public static final SafetyLimits LIMITS =
      new SafetyLimits(2.0, -5.0, 15.0, 600.0, 0.0, 1.0, 0.5, 500.0, 300);

  public final ManualNanoClock clock = new ManualNanoClock(1_000_000_000L);
  public final FakeDrive drive = new FakeDrive(clock);
  public final FakeBws bws = new FakeBws(clock);
  public final LoadCellTap loadCell = new LoadCellTap();

  /** A 128-row belt at 8.47 mm: F25 beyond ±(0.542 − 0.15) m. */
  public final PatientPositionTap patientPosition =
      new PatientPositionTap(128 * 0.00847, PatientPositionTap.DEFAULT_NEAR_END_MARGIN_M);

  /** The session's unloading expectation; none published until a test starts a session. */
  public final UnloadingExpectationTap unloading = new UnloadingExpectationTap();

  public final HeartbeatPermit permit = new HeartbeatPermit();
  public final StatusPoller<DriveStatus> drivePoller = StatusPoller.forDrive(drive, permit, clock);
  public final StatusPoller<BwsStatus> bwsPoller = StatusPoller.forBws(bws, permit, clock);
  public final AtomicLong ringPublished = new AtomicLong();
  public final AtomicLong stageProcessed = new AtomicLong();
  public final AtomicLong handlerExceptions = new AtomicLong();
  public final SupervisorSettings settings;
  public final RecordingListener listener = new RecordingListener();
  public final SafetySupervisor supervisor;

  public volatile long pressureArrivalNs = ArrivalTime.NONE;
  public volatile long rightBeltArrivalNs = ArrivalTime.NONE;
  public volatile int pressureUnitFlags;
  public final AtomicLong rejectedFrames = new AtomicLong();
  public final AtomicLong journalFailures = new AtomicLong();
  public final ControlLoopWatch controlLoop = new ControlLoopWatch();
  public boolean controlLoopCycling = true;
  public volatile String journalFailure;
  public volatile RuntimeException pressureInputFailure;
  public boolean pressureStreaming = true;
  public boolean rightBeltStreaming = true;
  public boolean ringPublishing = true;
  public boolean loadCellStreaming = true;
  public boolean pollersRunning = true;
  public boolean supervisorRunning = true;
  public boolean stageKeepsUp = true;
  public int loadCellForceCn = 20_000;
  public int loadCellFlags;
  public long loadSeq;

  public SupervisorHarness() {
    this(SupervisorSettings.defaults());
  }

  public SupervisorHarness(SupervisorSettings settings) {
    this(settings, false);
  }

  /** With {@code splitBelt}, the pressure-belt unit streams a left and a right belt. */
  public SupervisorHarness(SupervisorSettings settings, boolean splitBelt) {
    this.settings = settings;
    SupervisedStream left =
        new SupervisedStream(
            splitBelt ? "left belt" : "belt",
            () -> {
              if (pressureInputFailure != null) {
                throw pressureInputFailure;
              }
              return pressureArrivalNs;
            });
    SupervisedStream right = new SupervisedStream("right belt", () -> rightBeltArrivalNs);
    SupervisedInputs inputs =
        new SupervisedInputs(
            splitBelt ? List.of(left, right) : List.of(left),
            () -> pressureUnitFlags,
            loadCell,
            List.of(new StageProgress("foot-contact", ringPublished::get, stageProcessed::get)),
            handlerExceptions::get,
            rejectedFrames::get,
            patientPosition,
            unloading,
            new JournalInput() {
              @Override
              public long failures() {
                return journalFailures.get();
              }

              @Override
              public String failure() {
                return journalFailure;
              }
            },
            controlLoop);
    supervisor =
        new SafetySupervisor(
            drive, bws, drivePoller, bwsPoller, inputs, permit, LIMITS, settings, clock);
    supervisor.addListener(listener);
  }

  /** One 10 ms cycle. */
  public void tick() {
    clock.advanceNs(settings.cyclePeriodNs());
    long nowNs = clock.nanoTime();
    if (pressureStreaming) {
      pressureArrivalNs = nowNs;
    }
    if (rightBeltStreaming) {
      rightBeltArrivalNs = nowNs;
    }
    if (ringPublishing) {
      ringPublished.incrementAndGet();
    }
    if (controlLoopCycling) {
      controlLoop.cycleCompleted(nowNs);
    }
    if (stageKeepsUp) {
      stageProcessed.set(ringPublished.get());
    }
    if (loadCellStreaming) {
      loadCell.onLoadSample(nowNs, loadSeq++, nowNs / 1000, loadCellForceCn, loadCellFlags);
    }
    if (pollersRunning) {
      drivePoller.doWork(clock.nanoTime());
      bwsPoller.doWork(clock.nanoTime());
    }
    if (supervisorRunning) {
      supervisor.doWork(clock.nanoTime());
    }
  }

  public void runMs(long ms) {
    for (long i = 0; i < ms / settings.cyclePeriodMs(); i++) {
      tick();
    }
  }

  /** Ticks until the request is answered (it is served at the next cycle). */
  public RequestOutcome await(CompletableFuture<RequestOutcome> request) {
    for (int i = 0; i < 5 && !request.isDone(); i++) {
      tick();
    }
    assertThat(request).isDone();
    return request.join();
  }

  /** Streams flowing, devices healthy, then started: the belt runs at {@code speedMps}. */
  public SupervisorHarness running(double speedMps) {
    runMs(50);
    RequestOutcome started = await(supervisor.requestStart());
    assertThat(started.accepted()).as(started.reason()).isTrue();
    drive.running = true;
    drive.speedMps = speedMps;
    runMs(50);
    assertThat(supervisor.state()).isEqualTo(SafetyState.RUNNING);
    drive.clearCalls();
    bws.clearCalls();
    return this;
  }

  public SupervisorHarness running() {
    return running(1.0);
  }

  /** Runs cycles until the state is latched (at most {@code maxMs}). */
  public void runUntilLatched(long maxMs) {
    for (long t = 0; t < maxMs && supervisor.state() != SafetyState.SAFE_STOP_LATCHED; t += 10) {
      tick();
    }
  }

  /** What listeners were told, in order. */
  static final class RecordingListener implements SafetyListener {
    final List<FaultRecord> firstFaults = new ArrayList<>();
    final List<FaultRecord> laterFaults = new ArrayList<>();
    final List<SafeStopOutcome> stops = new ArrayList<>();
    final List<String> transitions = new ArrayList<>();

    @Override
    public void onStateChanged(SafetyState from, SafetyState to, long nowNs) {
      transitions.add(from + "->" + to);
    }

    @Override
    public void onFault(FaultRecord fault, boolean first) {
      (first ? firstFaults : laterFaults).add(fault);
    }

    @Override
    public void onSafeStopCompleted(SafeStopOutcome outcome) {
      stops.add(outcome);
    }

    List<FaultRecord> firstFaults() {
      return firstFaults;
    }

    List<FaultRecord> laterFaults() {
      return laterFaults;
    }

    List<SafeStopOutcome> stops() {
      return stops;
    }
  }
}
