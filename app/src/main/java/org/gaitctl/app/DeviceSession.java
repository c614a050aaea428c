package org.gaitctl.app;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.core.analysis.GaitSettings;
import org.gaitctl.core.contact.DriftSettings;
import org.gaitctl.core.contact.PressureGrid;
import org.gaitctl.core.pipeline.Pipeline;
import org.gaitctl.core.pipeline.PipelineAssembly;
import org.gaitctl.core.pipeline.PipelineFaultKind;
import org.gaitctl.core.pipeline.PipelineInput;
import org.gaitctl.core.pipeline.PipelineSettings;
import org.gaitctl.core.pipeline.StageId;
import org.gaitctl.core.pipeline.StepRecordListener;
import org.gaitctl.core.port.BwsPort;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.CommandResult;
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
import org.gaitctl.safety.LoadCellTap;
import org.gaitctl.safety.RequestOutcome;
import org.gaitctl.safety.SafetyState;
import org.gaitctl.safety.SafetySystem;
import org.gaitctl.safety.StageProgress;
import org.gaitctl.safety.SupervisedInputs;
import org.gaitctl.safety.SupervisorSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller connected to the devices of a profile: Modbus drivers, stream readers feeding the
 * pipeline, and the safety supervisor watching all of it. Opening it brings everything up in order
 * and refuses (closing what was opened) when a device does not answer; closing it stops the belt
 * through the supervisor first, then the readers, then the ring.
 *
 * <p>Lifecycle methods are called on one thread (the command's).
 */
final class DeviceSession implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceSession.class);

  private static final PipelineFaultKind[] PIPELINE_FAULT_KINDS = PipelineFaultKind.values();
  private static final long START_TIMEOUT_S = 5;
  private static final double BELT_ACCEL_MPS2 = 0.5;
  private static final double TAKE_UP_RATE_N_PER_S = 50;
  private static final double TAKE_UP_MARGIN_S = 5;
  private static final double TAKE_UP_TOLERANCE_N = 10;
  private static final long TAKE_UP_POLL_NS = 100_000_000L;

  private final DevicesConfig profile;
  private final NanoClock clock;
  private TreadmillDrivePort drive;
  private BwsPort bws;
  private PressureBeltReader pressureBelt;
  private LoadCellReader loadCell;
  private Pipeline pipeline;
  private SafetySystem safety;
  private DeviceInfo beltInfo;
  private volatile PressureFrameSink frameTarget;

  private DeviceSession(DevicesConfig profile, NanoClock clock) {
    this.profile = profile;
    this.clock = clock;
  }

  /**
   * Connects to every device, starts the streams, the pipeline and the supervisor, and arms the
   * supervisor (device watchdogs armed, belt off). The belt does not move yet.
   *
   * @throws UserError naming the device that failed; whatever was opened is closed again
   */
  static DeviceSession open(
      DevicesConfig profile, NanoClock clock, double bodyMassKg, StepRecordListener steps) {
    DeviceSession session = new DeviceSession(profile, clock);
    try {
      session.connect(bodyMassKg, steps);
      return session;
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  private void connect(double bodyMassKg, StepRecordListener steps) {
    drive = ModbusTreadmillDrive.open(profile.treadmill(), profile.limits());
    bws = ModbusBwsUnit.open(profile.bws(), profile.limits());

    LoadCellTap loadCellTap = new LoadCellTap();
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
    pipeline = PipelineAssembly.assemble(PipelineSettings.defaults(grid), clock, gait, grid, steps);
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

    requireOk(
        "pressure-belt unit: SET_RATE",
        pressureBelt.link().setRate(profile.pressureBelt().rateHz()));
    requireOk(
        "load-cell amplifier: SET_RATE", loadCell.link().setRate(profile.loadCell().rateHz()));
    requireOk("pressure-belt unit: START", pressureBelt.link().start());
    requireOk("load-cell amplifier: START", loadCell.link().start());

    safety =
        SafetySystem.create(
            drive,
            bws,
            supervisedInputs(loadCellTap),
            profile.limits(),
            SupervisorSettings.defaults(),
            clock);
    safety.startThreads();
    RequestOutcome armed = await(safety.supervisor().requestStart());
    if (!armed.accepted()) {
      throw new UserError("the safety supervisor refused to start: " + armed.reason());
    }
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
        () -> pipeline.freshness().lastArrivalNs(PipelineInput.PRESSURE_BELT_LEFT_OR_ONLY),
        loadCellTap,
        stages,
        this::pipelineFaults);
  }

  private long pipelineFaults() {
    long total = 0;
    for (PipelineFaultKind kind : PIPELINE_FAULT_KINDS) {
      total += pipeline.faults().count(kind);
    }
    return total;
  }

  private static DeviceInfo openStream(String name, FramedSerialLink link) {
    requireOk(name + ": open", link.open());
    link.startReaderThread();
    InfoReply reply = link.requestInfo();
    requireOk(name + ": GET_INFO", reply.result());
    Optional<DeviceInfo> info = reply.info();
    return info.orElseThrow(() -> new UserError(name + ": GET_INFO gave no DEVICE_INFO"));
  }

  private static void requireOk(String what, CommandResult result) {
    if (!result.isOk()) {
      throw new UserError(what + " failed: " + result);
    }
  }

  private static RequestOutcome await(CompletableFuture<RequestOutcome> f) {
    try {
      return f.get(START_TIMEOUT_S, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while arming the safety supervisor", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new UserError("the safety supervisor did not arm: " + e, e);
    }
  }

  /**
   * Takes up the harness to {@code unloadingN} (0: force control stays off), then runs the belt at
   * {@code speedMps}. Only while the supervisor is RUNNING.
   */
  void runBelt(double speedMps, double unloadingN) {
    requireRunning();
    if (unloadingN > 0) {
      takeUpHarness(unloadingN);
    }
    requireRunning();
    requireOk(
        "drive: ACCEL",
        drive.setAcceleration(Math.min(BELT_ACCEL_MPS2, profile.limits().maxAccelMps2())));
    requireOk("drive: SPEED_SET", drive.setSpeed(speedMps));
    requireOk("drive: RUN", drive.setRunning(true));
  }

  /**
   * Raises the unloading slowly, as a therapist would, and waits until the BWS unit reports it: the
   * patient is supported before the belt moves, and a slow rise is never taken for a fall.
   */
  private void takeUpHarness(double unloadingN) {
    double rateNPerS = Math.min(TAKE_UP_RATE_N_PER_S, profile.limits().maxForceRateNPerS());
    requireOk("BWS: FORCE_RATE", bws.setForceRate(rateNPerS));
    requireOk("BWS: FORCE_SET", bws.setForce(unloadingN));
    requireOk("BWS: ENABLE", bws.setEnabled(true));
    long deadlineNs = clock.nanoTime() + (long) ((unloadingN / rateNPerS + TAKE_UP_MARGIN_S) * 1e9);
    double toleranceN = Math.max(TAKE_UP_TOLERANCE_N, 0.1 * unloadingN);
    while (true) {
      requireRunning();
      BwsStatus status = bws.readStatus();
      if (status.result().isOk() && Math.abs(status.forceN() - unloadingN) <= toleranceN) {
        return;
      }
      if (clock.nanoTime() - deadlineNs > 0) {
        throw new UserError(
            "BWS: unloading did not reach "
                + unloadingN
                + " N (last read "
                + status.forceN()
                + " N, "
                + status.result()
                + ")");
      }
      LockSupport.parkNanos(TAKE_UP_POLL_NS);
    }
  }

  private void requireRunning() {
    SafetyState state = safety.supervisor().state();
    if (state != SafetyState.RUNNING) {
      throw new UserError(
          "the safety supervisor is "
              + state
              + ", not RUNNING: "
              + safety.supervisor().firstFault());
    }
  }

  /** Publishes the drive's latest polled status into the ring (belt speed for step length). */
  void publishDriveStatus() {
    var latest = safety.drivePoller().latest();
    if (latest.lastGood() != null) {
      pipeline.publisher().publishDriveStatus(latest.lastGoodNs(), latest.lastGood());
    }
  }

  DeviceInfo beltInfo() {
    return beltInfo;
  }

  Pipeline pipeline() {
    return pipeline;
  }

  SafetySystem safety() {
    return safety;
  }

  PressureBeltReader pressureBelt() {
    return pressureBelt;
  }

  LoadCellReader loadCell() {
    return loadCell;
  }

  TreadmillDrivePort drive() {
    return drive;
  }

  BwsPort bws() {
    return bws;
  }

  /**
   * Stops the belt through the supervisor (controlled stop, harness held), then the streams, the
   * ring and the drivers, in that order whatever order they were opened in. Never throws.
   */
  @Override
  public void close() {
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
