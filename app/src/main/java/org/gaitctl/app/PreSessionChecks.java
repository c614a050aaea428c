package org.gaitctl.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.gaitctl.config.ConfigException;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.config.ModbusDeviceProfile;
import org.gaitctl.config.ProtocolCheck;
import org.gaitctl.config.TransportUri;
import org.gaitctl.config.protocol.PatientLimits;
import org.gaitctl.config.protocol.ProtocolDocument;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.port.StreamFlags;
import org.gaitctl.core.time.ArrivalTime;
import org.gaitctl.core.time.NanoClock;
import org.gaitctl.safety.ArrivalSource;
import org.gaitctl.safety.FaultCode;
import org.gaitctl.safety.SupervisedStream;
import org.gaitctl.safety.SupervisorSettings;
import org.gaitctl.session.checks.PreSessionCheck;

/**
 * Every condition that must hold before the belt may move, run in a fixed order against an open
 * {@link DeviceSession} and reported as one list: the terminal session prints it, the console shows
 * it, and either refuses the start while any check failed. Nothing here commands a device; the belt
 * is at rest throughout.
 *
 * <p>Conditions the safety supervisor already judges (e-stop chain, latched device faults, load
 * cell against the BWS unit's force, every other fault condition) are shown as the supervisor's own
 * verdict of its last cycle ({@link org.gaitctl.safety.SafetySupervisor#presentFaults()}), the same
 * conditions its start checks again, so the list and the start cannot disagree. The streams are
 * judged after the warm-up: in a cold JVM's first seconds a busy PC delivers serial data late.
 */
final class PreSessionChecks {

  static final String PROFILE = "Device profile valid";
  static final String PROTOCOL = "Protocol valid for this patient and profile";
  static final String DRIVE = "Drive reachable";
  static final String BWS = "BWS unit reachable";
  static final String PRESSURE = "Pressure belts streaming";
  static final String LOAD_CELL = "Load cell streaming";
  static final String WARM_UP = "Streams warmed up";
  static final String ESTOP = "E-stop chain closed, safety key in";
  static final String LATCHED = "No latched device fault";
  static final String WATCHDOGS = "Device watchdogs configured (drive and BWS)";
  static final String LOAD_CELL_PLAUSIBLE = "Load cell tared, plausible against the BWS force";
  static final String PRESSURE_BASELINE = "Pressure baseline zeroed";
  static final String NO_OTHER_CAUSE = "No other fault condition present";

  /** The checks in the order they run. */
  static final List<String> NAMES =
      List.of(
          PROFILE,
          PROTOCOL,
          DRIVE,
          BWS,
          WARM_UP,
          PRESSURE,
          LOAD_CELL,
          ESTOP,
          LATCHED,
          WATCHDOGS,
          LOAD_CELL_PLAUSIBLE,
          PRESSURE_BASELINE,
          NO_OTHER_CAUSE);

  private static final long ESTOP_BITS =
      FaultCode.DRIVE_ESTOP_OPEN.bit() | FaultCode.DRIVE_SAFETY_KEY_OUT.bit();
  private static final long LATCHED_BITS =
      FaultCode.DRIVE_FAULT.bit()
          | FaultCode.BWS_FAULT.bit()
          | FaultCode.DRIVE_WATCHDOG_TRIPPED.bit()
          | FaultCode.BWS_WATCHDOG_TRIPPED.bit();
  private static final long PRESSURE_BITS =
      FaultCode.PRESSURE_STREAM_STALE.bit() | FaultCode.PRESSURE_SENSOR_FAULT.bit();
  private static final long LOAD_CELL_BITS =
      FaultCode.LOAD_CELL_STREAM_STALE.bit() | FaultCode.LOAD_CELL_SENSOR_FAULT.bit();
  private static final long PLAUSIBLE_BITS =
      FaultCode.FORCE_SENSOR_DISAGREE.bit() | FaultCode.LOAD_CELL_OVERLOAD.bit();
  private static final long SHOWN_BITS =
      ESTOP_BITS | LATCHED_BITS | PRESSURE_BITS | LOAD_CELL_BITS | PLAUSIBLE_BITS;

  /**
   * The outcome of a run.
   *
   * @param checks every check, in order; each PASSED or FAILED
   */
  record Result(List<PreSessionCheck> checks) {

    Result {
      checks = List.copyOf(checks);
    }

    boolean allPassed() {
      return checks.stream().allMatch(PreSessionCheck::passed);
    }

    /** The names of the checks that failed, in order. */
    List<String> failedNames() {
      return checks.stream().filter(c -> !c.passed()).map(PreSessionCheck::name).toList();
    }
  }

  private final DeviceSession session;
  private final DevicesConfig profile;
  private final ProtocolDocument protocol;
  private final PatientLimits patient;
  private final NanoClock clock;

  /**
   * @param session the open device session (connected, streams running, supervisor IDLE); its
   *     profile is the one checked
   * @param protocol the protocol document to run
   * @param patient this patient's limits ({@link PatientLimits#forBodyMass})
   */
  PreSessionChecks(DeviceSession session, ProtocolDocument protocol, PatientLimits patient) {
    this.session = session;
    this.profile = session.profile();
    this.protocol = protocol;
    this.patient = patient;
    this.clock = session.clock();
  }

  /**
   * Runs the checks in {@link #NAMES} order on the caller's thread. {@code progress} gets the whole
   * list (immutable) first with every check PENDING, then after each check. Bounded: a few device
   * request timeouts and the warm-up's {@link StreamWarmUp#MAX_NS}.
   *
   * @param cancelled true once the operator gave up: the checks not yet run fail as cancelled
   */
  Result run(BooleanSupplier cancelled, Consumer<List<PreSessionCheck>> progress) {
    List<PreSessionCheck> list = new ArrayList<>();
    NAMES.forEach(name -> list.add(PreSessionCheck.pending(name)));
    progress.accept(List.copyOf(list));
    List<Supplier<PreSessionCheck>> checks =
        List.of(
            this::profileValid,
            this::protocolValid,
            this::driveReachable,
            this::bwsReachable,
            () -> warmUp(cancelled),
            this::pressureStreaming,
            this::loadCellStreaming,
            this::estopClosed,
            this::noLatchedFault,
            this::watchdogsConfigured,
            this::loadCellPlausible,
            this::pressureBaselineZeroed,
            this::noOtherCause);
    for (int i = 0; i < checks.size(); i++) {
      list.set(
          i,
          cancelled.getAsBoolean()
              ? PreSessionCheck.failed(NAMES.get(i), "not run: cancelled")
              : checks.get(i).get());
      progress.accept(List.copyOf(list));
    }
    return new Result(list);
  }

  private PreSessionCheck profileValid() {
    try {
      session.supervision().validateAgainst(profile.limits());
    } catch (IllegalArgumentException e) {
      return PreSessionCheck.failed(PROFILE, "supervision thresholds: " + e.getMessage());
    }
    return PreSessionCheck.passed(
        PROFILE,
        String.format(
            Locale.ROOT,
            "%s: belt up to %.2f m/s, unloading up to %.0f N, supervision thresholds fit",
            profile.source(),
            profile.limits().maxBeltSpeedMps(),
            profile.limits().maxUnloadingN()));
  }

  private PreSessionCheck protocolValid() {
    try {
      ProtocolCheck.requireRunnable(protocol, patient, profile.limits());
    } catch (ConfigException e) {
      return PreSessionCheck.failed(PROTOCOL, e.getMessage());
    }
    return PreSessionCheck.passed(
        PROTOCOL,
        String.format(
            Locale.ROOT,
            "%s: %d stages, patient %.1f kg",
            protocol.protocol().name(),
            protocol.protocol().stages().size(),
            patient.bodyMassKg()));
  }

  private PreSessionCheck driveReachable() {
    return reachable(DRIVE, profile.treadmill(), () -> session.drive().readStatus().result());
  }

  private PreSessionCheck bwsReachable() {
    return reachable(BWS, profile.bws(), () -> session.bws().readStatus().result());
  }

  /**
   * Reachable when a status read answers within as many attempts as the supervisor allows failed
   * reads in a row before its F07/F13: one late reply on a busy PC is not an unreachable device.
   */
  private PreSessionCheck reachable(
      String name, ModbusDeviceProfile device, Supplier<CommandResult> read) {
    String where = describe(device.transport()) + ", unit " + device.unitId();
    int attempts = session.supervision().unreachableAfterFailures();
    CommandResult result = CommandResult.NOT_CONNECTED;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      long startNs = clock.nanoTime();
      result = read.get();
      long tookMs = (clock.nanoTime() - startNs) / 1_000_000;
      if (result.isOk()) {
        String retried = attempt == 1 ? "" : " (attempt " + attempt + " of " + attempts + ")";
        return PreSessionCheck.passed(name, where + ", " + tookMs + " ms" + retried);
      }
    }
    // A device that answers, only too late, is told apart from one that is gone by the bound.
    return PreSessionCheck.failed(
        name,
        where
            + ": status read "
            + result
            + " in each of "
            + attempts
            + " attempts (round trip bound: the "
            + device.requestTimeoutMs()
            + " ms request timeout)");
  }

  private static String describe(TransportUri transport) {
    if (transport instanceof TransportUri.Tcp tcp) {
      return "Modbus TCP " + tcp.host() + ":" + tcp.port();
    }
    if (transport instanceof TransportUri.Rtu rtu) {
      return "Modbus RTU " + rtu.port() + " " + rtu.baud() + " Bd";
    }
    return transport.text();
  }

  private PreSessionCheck pressureStreaming() {
    long nowNs = clock.nanoTime();
    int staleMs = session.supervision().pressureStaleMs();
    StringBuilder ages = new StringBuilder();
    for (SupervisedStream belt : session.pressureBelts()) {
      long ageMs = ageMs(belt.arrival(), nowNs);
      if (ageMs < 0 || ageMs > staleMs) {
        return PreSessionCheck.failed(
            PRESSURE, belt.name() + ": " + silence(ageMs) + " (stale after " + staleMs + " ms)");
      }
      ages.append(ages.length() == 0 ? "" : ", ").append(belt.name()).append(' ').append(ageMs);
      ages.append(" ms ago");
    }
    long causes = session.safety().supervisor().presentFaults() & PRESSURE_BITS;
    if (causes != 0) {
      return PreSessionCheck.failed(PRESSURE, FaultCode.describe(causes));
    }
    var info = session.beltInfo();
    return PreSessionCheck.passed(
        PRESSURE,
        String.format(
            Locale.ROOT, "%d × %d cells; last frame: %s", info.rows(), info.cols(), ages));
  }

  private PreSessionCheck loadCellStreaming() {
    long ageMs = ageMs(session.loadCellTap(), clock.nanoTime());
    int staleMs = session.supervision().loadCellStaleMs();
    if (ageMs < 0 || ageMs > staleMs) {
      return PreSessionCheck.failed(
          LOAD_CELL, silence(ageMs) + " (stale after " + staleMs + " ms)");
    }
    long causes = session.safety().supervisor().presentFaults() & LOAD_CELL_BITS;
    if (causes != 0) {
      return PreSessionCheck.failed(LOAD_CELL, FaultCode.describe(causes));
    }
    return PreSessionCheck.passed(LOAD_CELL, "last sample " + ageMs + " ms ago");
  }

  /**
   * How long ago the stream's last data arrived, ms; -1 if none yet. Data that arrived after {@code
   * nowNs} was taken (the reader stamps it on its own thread meanwhile) is 0 ms old, not "none
   * yet": a negative age once refused a start whose belt was streaming.
   */
  static long ageMs(ArrivalSource stream, long nowNs) {
    long arrivalNs = stream.lastArrivalNs();
    return ArrivalTime.hasArrived(arrivalNs) ? Math.max(0, nowNs - arrivalNs) / 1_000_000 : -1;
  }

  private static String silence(long ageMs) {
    return ageMs < 0 ? "no data yet" : "no data for " + ageMs + " ms";
  }

  /**
   * The warm-up: steady streams pass; a wait that reached its bound passes too, saying so (late
   * data is held during the session), unless a stream went silent past the stale limit in its last
   * seconds: then the supervisor would stop the belt moments after it started, so it fails here,
   * before the harness takes up.
   */
  private PreSessionCheck warmUp(BooleanSupplier cancelled) {
    StreamWarmUp.Result result = session.warmUp(cancelled);
    if (cancelled.getAsBoolean()) {
      return PreSessionCheck.failed(WARM_UP, "cancelled after " + seconds(result.waitedS()));
    }
    return result.wouldStop()
        ? PreSessionCheck.failed(WARM_UP, result.describe())
        : PreSessionCheck.passed(WARM_UP, result.describe());
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.1f s", s);
  }

  private PreSessionCheck estopClosed() {
    DriveStatus drive = session.safety().drivePoller().latest().lastGood();
    if (drive == null) {
      return PreSessionCheck.failed(ESTOP, "the drive's status was never read");
    }
    long causes = session.safety().supervisor().presentFaults() & ESTOP_BITS;
    return causes != 0
        ? PreSessionCheck.failed(ESTOP, FaultCode.describe(causes))
        : PreSessionCheck.passed(ESTOP, "drive status: e-stop chain closed, safety key in");
  }

  private PreSessionCheck noLatchedFault() {
    long causes = session.safety().supervisor().presentFaults() & LATCHED_BITS;
    if (causes == 0) {
      return PreSessionCheck.passed(
          LATCHED, "drive and BWS unit report no fault, no watchdog trip");
    }
    StringBuilder reason = new StringBuilder(FaultCode.describe(causes));
    DriveStatus drive = session.safety().drivePoller().latest().lastGood();
    BwsStatus bws = session.safety().bwsPoller().latest().lastGood();
    if (drive != null && drive.fault()) {
      reason.append("; drive FAULT_CODE ").append(drive.faultCode());
    }
    if (bws != null && bws.fault()) {
      reason.append("; BWS FAULT_CODE ").append(bws.faultCode());
    }
    return PreSessionCheck.failed(
        LATCHED, reason.append(": remove the cause, then run `gaitctl ack`").toString());
  }

  /**
   * The supervisor's start arms both watchdogs with the profile's timeout and reads them back (and
   * refuses the start if either device does not accept it or holds another value); here: both
   * register maps have the registers it needs.
   */
  private PreSessionCheck watchdogsConfigured() {
    List<String> missing = new ArrayList<>();
    requireWatchdog("drive", profile.treadmill(), missing);
    requireWatchdog("BWS unit", profile.bws(), missing);
    if (!missing.isEmpty()) {
      return PreSessionCheck.failed(WATCHDOGS, "register map lacks " + String.join(", ", missing));
    }
    return PreSessionCheck.passed(
        WATCHDOGS,
        "watchdog "
            + profile.limits().deviceWatchdogMs()
            + " ms, armed and read back by the supervisor's start");
  }

  private static void requireWatchdog(String device, ModbusDeviceProfile p, List<String> missing) {
    for (String field : List.of("watchdogMs", "heartbeat")) {
      if (p.registers().optionalField(field).isEmpty()) {
        missing.add(device + " " + field);
      }
    }
  }

  private PreSessionCheck loadCellPlausible() {
    BwsStatus bws = session.safety().bwsPoller().latest().lastGood();
    if (bws == null) {
      return PreSessionCheck.failed(LOAD_CELL_PLAUSIBLE, "the BWS unit's force was never read");
    }
    double loadN = session.loadCellTap().harnessLoadN();
    SupervisorSettings settings = session.supervision();
    double marginN =
        Math.max(
            settings.forceDisagreeN(),
            settings.forceDisagreePercent() / 100 * Math.max(bws.forceN(), loadN));
    String measured =
        String.format(
            Locale.ROOT,
            "load cell %.0f N, BWS unit %.0f N (margin %.0f N)",
            loadN,
            bws.forceN(),
            marginN);
    if ((session.loadCellTap().flags() & StreamFlags.LOAD_TARE_IN_PROGRESS) != 0) {
      return PreSessionCheck.failed(LOAD_CELL_PLAUSIBLE, "tare in progress: " + measured);
    }
    long causes = session.safety().supervisor().presentFaults() & PLAUSIBLE_BITS;
    if (causes != 0) {
      return PreSessionCheck.failed(
          LOAD_CELL_PLAUSIBLE, FaultCode.describe(causes) + ": " + measured);
    }
    return PreSessionCheck.passed(LOAD_CELL_PLAUSIBLE, measured);
  }

  /**
   * The unit's own zero (ZERO captures the unloaded baseline) as its STATUS reports it: not being
   * captured now, and no cell beyond its range, which a baseline or offset out of its limits shows
   * as. Above that zero the pipeline follows each unloaded cell's drift itself.
   */
  private PreSessionCheck pressureBaselineZeroed() {
    int flags = session.pressureBelt().link().statusFlags();
    String status = "unit STATUS 0x" + Integer.toHexString(flags);
    if ((flags & StreamFlags.STATUS_TARE_IN_PROGRESS) != 0) {
      return PreSessionCheck.failed(PRESSURE_BASELINE, status + ": zero in progress");
    }
    if ((flags & StreamFlags.STATUS_OVER_RANGE) != 0) {
      return PreSessionCheck.failed(
          PRESSURE_BASELINE, status + ": cells over range (offset beyond the cells' range)");
    }
    return PreSessionCheck.passed(
        PRESSURE_BASELINE, status + ": no zero in progress, no cell over range");
  }

  /** Whatever else the supervisor sees now; its start would refuse for the same causes. */
  private PreSessionCheck noOtherCause() {
    long causes =
        session.safety().supervisor().presentFaults() & FaultCode.conditionsIn(-1L) & ~SHOWN_BITS;
    return causes != 0
        ? PreSessionCheck.failed(NO_OTHER_CAUSE, FaultCode.describe(causes))
        : PreSessionCheck.passed(NO_OTHER_CAUSE, "the safety supervisor sees no cause");
  }
}
