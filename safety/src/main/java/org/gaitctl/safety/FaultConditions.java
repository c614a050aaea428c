package org.gaitctl.safety;

import static org.gaitctl.safety.FaultCode.BELT_MOVING_WHILE_STOPPED;
import static org.gaitctl.safety.FaultCode.BELT_OVERSPEED;
import static org.gaitctl.safety.FaultCode.BWS_FAULT;
import static org.gaitctl.safety.FaultCode.BWS_OVERLOAD;
import static org.gaitctl.safety.FaultCode.BWS_UNREACHABLE;
import static org.gaitctl.safety.FaultCode.BWS_WATCHDOG_TRIPPED;
import static org.gaitctl.safety.FaultCode.DRIVE_ESTOP_OPEN;
import static org.gaitctl.safety.FaultCode.DRIVE_FAULT;
import static org.gaitctl.safety.FaultCode.DRIVE_SAFETY_KEY_OUT;
import static org.gaitctl.safety.FaultCode.DRIVE_UNREACHABLE;
import static org.gaitctl.safety.FaultCode.DRIVE_WATCHDOG_TRIPPED;
import static org.gaitctl.safety.FaultCode.FORCE_SENSOR_DISAGREE;
import static org.gaitctl.safety.FaultCode.HARNESS_OVERLOAD;
import static org.gaitctl.safety.FaultCode.LOAD_CELL_OVERLOAD;
import static org.gaitctl.safety.FaultCode.LOAD_CELL_SENSOR_FAULT;
import static org.gaitctl.safety.FaultCode.LOAD_CELL_STREAM_STALE;
import static org.gaitctl.safety.FaultCode.OPERATOR_STOP;
import static org.gaitctl.safety.FaultCode.PATIENT_FALL;
import static org.gaitctl.safety.FaultCode.PIPELINE_HANDLER_EXCEPTION;
import static org.gaitctl.safety.FaultCode.PIPELINE_STAGE_STALLED;
import static org.gaitctl.safety.FaultCode.PRESSURE_FRAME_REJECTED;
import static org.gaitctl.safety.FaultCode.PRESSURE_SENSOR_FAULT;
import static org.gaitctl.safety.FaultCode.PRESSURE_STREAM_STALE;

import org.gaitctl.config.SafetyLimits;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.port.StreamFlags;
import org.gaitctl.core.time.ArrivalTime;

/**
 * Evaluates every input check once per cycle and returns the faults present as a mask, keeping the
 * measured value and the threshold of each for the fault record. Allocation-free per cycle; a
 * detail text is built only when a fault is recorded.
 *
 * <p>Supervisor thread only.
 */
final class FaultConditions {

  private static final double NEVER = Double.POSITIVE_INFINITY;

  /**
   * A stride-filtered position changing slower than this toward an end is standing (or walking in
   * place) there, not heading for it, m/s.
   */
  static final double PATIENT_STILL_MPS = 0.01;

  /**
   * F25 holds this long before it is raised, ns. The position F25 judges is the present one (the
   * stride filter's delay taken out), whose lead overshoots for a moment when the belt starts under
   * a standing patient; a patient drifting toward an end stays beyond the limit. 200 ms at 0.3 m/s
   * of drift is 0.06 m of the 0.15 m margin.
   */
  static final long NEAR_END_PERSIST_NS = 200_000_000L;

  private static final String LOAD_CELL_STREAM = "load-cell stream";

  /**
   * Added to {@code fallRiseN} while the BWS unit reports its cable held (HOLD, after every stop,
   * or braked by a fault), N. A held cable no longer pays out as the patient's centre of mass
   * moves, so a patient still walking on the slowing belt, or standing up straight, pulls the
   * harness by up to stiffness × vertical excursion: 201–205 N within 200 ms were measured on the
   * emulated 3 kN/m harness at 150 N unloading, just over the 200 N threshold. A fall puts the body
   * weight on the harness (+335 N and more, the settings table of docs/SAFETY.md) and still exceeds
   * the raised threshold.
   */
  static final double HELD_HARNESS_FALL_MARGIN_N = 100;

  /**
   * Supervisor cycles of load-cell readings averaged before comparing them with the BWS unit's
   * FORCE_ACT (F26): 50 ms at 100 Hz, over two of the unit's 20 ms polls, so the load cell's
   * filtered samples and the polled value describe the same stretch of time and a stride's swing
   * between two polls does not count as a disagreement.
   */
  static final int FORCE_MEAN_CYCLES = 5;

  private static final long NOT_DISAGREEING = Long.MIN_VALUE;

  private final SupervisorSettings settings;
  private final SafetyLimits limits;
  private final SupervisedInputs inputs;
  private final double[] measured = new double[FaultCode.count()];
  private final double[] limit = new double[FaultCode.count()];
  private final long[] stageProcessed;
  private final long[] stageChangedNs;
  private final long[] loadTimesNs;
  private final double[] loadsN;
  private int loadHead;
  private int loadCount;
  private long handlerExceptionBaseline;
  private long rejectedFrameBaseline;
  private long journalFailureBaseline;
  private int stalledStage = -1;
  private int staleBelt = -1;
  private String stopRequestedBy = SafetySupervisor.OPERATOR;
  private double lateAgeMs;
  private String lateStream;
  private double driveGoodReadAgeMs;
  private double bwsGoodReadAgeMs;
  private long disagreeSinceNs = NOT_DISAGREEING;
  private long nearEndSinceNs = NOT_DISAGREEING;

  FaultConditions(
      SupervisorSettings settings, SafetyLimits limits, SupervisedInputs inputs, long nowNs) {
    this.settings = settings;
    this.limits = limits;
    this.inputs = inputs;
    this.stageProcessed = new long[inputs.stages().size()];
    this.stageChangedNs = new long[inputs.stages().size()];
    int loadCapacity =
        Math.max(FORCE_MEAN_CYCLES, settings.fallWindowMs() / settings.cyclePeriodMs() + 2);
    this.loadTimesNs = new long[loadCapacity];
    this.loadsN = new double[loadCapacity];
    rebaseline(nowNs);
  }

  /**
   * Starts the event checks afresh (at start and at acknowledge): handler exceptions counted from
   * now, stage stall timers restarted, the fall window emptied.
   */
  void rebaseline(long nowNs) {
    handlerExceptionBaseline = inputs.handlerExceptions().count();
    rejectedFrameBaseline = inputs.rejectedFrames().count();
    journalFailureBaseline = inputs.journal().failures();
    for (int i = 0; i < stageProcessed.length; i++) {
      stageProcessed[i] = inputs.stages().get(i).processed().count();
      stageChangedNs[i] = nowNs;
    }
    loadHead = 0;
    loadCount = 0;
  }

  /**
   * The mask of faults present at {@code nowNs}; {@code beltMustRest} when the supervisor is not
   * running a session, so any belt motion is a fault.
   */
  long evaluate(
      long nowNs,
      PolledStatus<DriveStatus> drive,
      PolledStatus<BwsStatus> bws,
      boolean beltMustRest) {
    lateAgeMs = 0;
    lateStream = null;
    long mask = checkPressureBelts(nowNs);
    double loadCellAgeMs = ageMs(inputs.loadCell(), nowNs);
    noteLateness(LOAD_CELL_STREAM, loadCellAgeMs);
    if (loadCellAgeMs > settings.loadCellStaleMs()) {
      mask |= raise(LOAD_CELL_STREAM_STALE, loadCellAgeMs, settings.loadCellStaleMs());
    }
    mask |= checkPressureUnitStatus();
    mask |= checkLoadCell(nowNs, harnessHeld(bws), bws);
    mask |= checkDrive(nowNs, drive, beltMustRest);
    mask |= checkBws(nowNs, bws);
    mask |= checkForceAgreement(nowNs, bws);
    mask |= checkStages(nowNs);
    mask |= checkHandlerExceptions();
    mask |= checkRejectedFrames();
    mask |= checkPatientPosition(nowNs, drive);
    mask |= checkJournal();
    mask |= checkControlLoop(nowNs);
    return mask;
  }

  /**
   * How long the latest of this evaluation's late streams has gone without data, ms, or 0 when
   * every stream is on time (a stream with no data yet is not late: it has not started).
   */
  double lateAgeMs() {
    return lateAgeMs;
  }

  /** The stream {@link #lateAgeMs()} belongs to, or {@code null}. */
  String lateStream() {
    return lateStream;
  }

  double measured(FaultCode code) {
    return measured[code.ordinal()];
  }

  double limit(FaultCode code) {
    return limit[code.ordinal()];
  }

  /** Sets the measured value and threshold of a fault raised outside these checks. */
  long raise(FaultCode code, double measuredValue, double limitValue) {
    measured[code.ordinal()] = measuredValue;
    limit[code.ordinal()] = limitValue;
    return code.bit();
  }

  /** Raises {@link FaultCode#OPERATOR_STOP}, asked for {@code by} whom and why. */
  long raiseStopRequest(String by) {
    stopRequestedBy = by;
    return raise(OPERATOR_STOP, Double.NaN, Double.NaN);
  }

  /** Human-readable detail of the last evaluation of {@code code}. */
  String detail(FaultCode code) {
    double value = measured(code);
    double threshold = limit(code);
    switch (code) {
      case PRESSURE_STREAM_STALE:
        String belt = staleBelt < 0 ? "?" : inputs.pressureBelts().get(staleBelt).name();
        return belt + ": " + staleDetail(value, threshold);
      case LOAD_CELL_STREAM_STALE:
        return staleDetail(value, threshold);
      case DRIVE_UNREACHABLE:
        return unreachableDetail(value, threshold, driveGoodReadAgeMs);
      case BWS_UNREACHABLE:
        return unreachableDetail(value, threshold, bwsGoodReadAgeMs);
      case DRIVE_FAULT:
      case BWS_FAULT:
        return "FAULT_CODE " + (int) value;
      case LOAD_CELL_SENSOR_FAULT:
      case LOAD_CELL_OVERLOAD:
      case PRESSURE_SENSOR_FAULT:
        return "flags 0x" + Integer.toHexString((int) value);
      case PIPELINE_STAGE_STALLED:
        String stage = stalledStage < 0 ? "?" : inputs.stages().get(stalledStage).name();
        return String.format(
            "stage %s unchanged for %.0f ms > %.0f ms with input pending", stage, value, threshold);
      case PIPELINE_HANDLER_EXCEPTION:
        return String.format("%.0f new handler exception(s)", value);
      case SESSION_CONTROL_STALLED:
        return String.format("no control cycle for %.0f ms > %.0f ms", value, threshold);
      case PRESSURE_FRAME_REJECTED:
        return String.format("%.0f pressure frame(s) refused at the publisher", value);
      case OPERATOR_STOP:
        return "by " + stopRequestedBy;
      case JOURNAL_FAILED:
        String failure = inputs.journal().failure();
        return failure == null
            ? String.format("%.0f record(s) lost to a full hand-off buffer", value)
            : String.format("writing failed: %s (%.0f record(s) not written)", failure, value);
      default:
        if (Double.isNaN(value)) {
          return "";
        }
        return Double.isNaN(threshold)
            ? String.format("%.3f %s", value, code.unit())
            : String.format("%.3f %s > %.3f %s", value, code.unit(), threshold, code.unit());
    }
  }

  private static String unreachableDetail(double failures, double limitFailures, double ageMs) {
    return String.format(
        "%.0f failed reads in a row (limit %.0f), last good read %s",
        failures, limitFailures, ageMs == NEVER ? "never" : String.format("%.0f ms ago", ageMs));
  }

  private static String staleDetail(double ageMs, double limitMs) {
    return ageMs == NEVER
        ? "no sample yet"
        : String.format("last sample %.1f ms ago > %.0f ms", ageMs, limitMs);
  }

  private static double ageMs(ArrivalSource input, long nowNs) {
    long arrivalNs = input.lastArrivalNs();
    return ArrivalTime.hasArrived(arrivalNs) ? (nowNs - arrivalNs) / 1e6 : NEVER;
  }

  /** Keeps the stream that is longest past the late threshold (but has delivered data before). */
  private void noteLateness(String stream, double ageMs) {
    if (ageMs != NEVER && ageMs > settings.streamLateMs() && ageMs > lateAgeMs) {
      lateAgeMs = ageMs;
      lateStream = stream;
    }
  }

  /** Each belt on its own: a silent right belt is as stale as a silent single belt. */
  private long checkPressureBelts(long nowNs) {
    double worstMs = -1;
    for (int i = 0; i < inputs.pressureBelts().size(); i++) {
      SupervisedStream belt = inputs.pressureBelts().get(i);
      double ageMs = ageMs(belt.arrival(), nowNs);
      noteLateness(belt.name(), ageMs);
      if (ageMs > settings.pressureStaleMs() && ageMs > worstMs) {
        worstMs = ageMs;
        staleBelt = i;
      }
    }
    return worstMs < 0 ? 0 : raise(PRESSURE_STREAM_STALE, worstMs, settings.pressureStaleMs());
  }

  private long checkPressureUnitStatus() {
    int flags = inputs.pressureUnitStatus().statusFlags();
    return (flags & StreamFlags.STATUS_SENSOR_FAULT) != 0
        ? raise(PRESSURE_SENSOR_FAULT, flags, Double.NaN)
        : 0;
  }

  /** Whether the BWS unit's latest good status says its cable is held (HOLD or braked). */
  private static boolean harnessHeld(PolledStatus<BwsStatus> bws) {
    BwsStatus status = bws.lastGood();
    return status != null && status.holding();
  }

  private long checkLoadCell(long nowNs, boolean harnessHeld, PolledStatus<BwsStatus> bws) {
    LoadCellInput loadCell = inputs.loadCell();
    if (!ArrivalTime.hasArrived(loadCell.lastArrivalNs())) {
      return 0;
    }
    int flags = loadCell.flags();
    long mask = 0;
    if ((flags & StreamFlags.LOAD_OVERLOAD) != 0) {
      mask |= raise(LOAD_CELL_OVERLOAD, flags, Double.NaN);
    }
    if ((flags & StreamFlags.LOAD_SENSOR_FAULT) != 0) {
      // An open bridge makes the force value meaningless: no overload or fall judged from it.
      loadCount = 0;
      return mask | raise(LOAD_CELL_SENSOR_FAULT, flags, Double.NaN);
    }
    double loadN = harnessLoadN(nowNs, loadCell, bws);
    double riseN = loadN - recordLoadAndWindowMin(nowNs, loadN);
    UnloadingExpectation expectation = inputs.unloadingExpectation();
    double bodyWeightN = expectation.bodyWeightN();
    double expectedN = expectation.expectedUnloadingN();
    double absoluteOverloadN = limits.maxUnloadingN() + settings.harnessOverloadMarginN();
    // A held cable follows no expectation: the walking patient pulls it by stiffness × the centre
    // of mass's excursion whatever he weighs (section 7a of docs/SAFETY.md), so the absolute rule.
    if (bodyWeightN > 0 && expectedN >= 0 && !harnessHeld) {
      double overloadN =
          Math.min(
              absoluteOverloadN,
              expectedN + settings.overloadMarginPercentBw() / 100 * bodyWeightN);
      if (loadN > overloadN) {
        mask |= raise(HARNESS_OVERLOAD, loadN, overloadN);
      }
      // A fall moves the weight the legs carried onto the harness, above what the loop holds; a
      // rise that stays within the expectation is the loop taking up its target.
      double fallRiseN = settings.fallRisePercentBw() / 100 * bodyWeightN;
      double riseAboveExpectedN = Math.min(riseN, loadN - expectedN);
      if (riseAboveExpectedN > fallRiseN) {
        mask |= raise(PATIENT_FALL, riseAboveExpectedN, fallRiseN);
      }
      return mask;
    }
    if (loadN > absoluteOverloadN) {
      mask |= raise(HARNESS_OVERLOAD, loadN, absoluteOverloadN);
    }
    double fallRiseN = settings.fallRiseN() + (harnessHeld ? HELD_HARNESS_FALL_MARGIN_N : 0);
    if (riseN > fallRiseN) {
      mask |= raise(PATIENT_FALL, riseN, fallRiseN);
    }
    return mask;
  }

  /**
   * The harness load the fall sign and the overload judge: the load cell's, or, while its data is
   * late (a busy host delays serial data; section 3 of docs/SAFETY.md) and the BWS unit's own force
   * was read since, that force. The unit's force comes over Modbus, not the serial path, so a fall
   * is still seen while the load cell's data waits in the kernel; F26 keeps the two sensors honest.
   */
  private double harnessLoadN(long nowNs, LoadCellInput loadCell, PolledStatus<BwsStatus> bws) {
    long lastSampleNs = loadCell.lastArrivalNs();
    boolean late = nowNs - lastSampleNs > settings.streamLateMs() * 1_000_000L;
    BwsStatus unit = bws.lastGood();
    return late && unit != null && bws.lastGoodNs() - lastSampleNs > 0
        ? unit.forceN()
        : loadCell.harnessLoadN();
  }

  /**
   * F26: the BWS unit's own force against the independent load cell's mean of the last {@value
   * #FORCE_MEAN_CYCLES} cycles, for longer than {@code forceDisagreeMs}. Judged only while both
   * read: an unreachable unit is F13, a load cell without a valid sample F02/F03.
   */
  private long checkForceAgreement(long nowNs, PolledStatus<BwsStatus> bws) {
    BwsStatus status = bws.lastGood();
    if (status == null || loadCount == 0) {
      disagreeSinceNs = NOT_DISAGREEING;
      return 0;
    }
    double loadMeanN = recentLoadMeanN();
    double forceN = status.forceN();
    double differenceN = Math.abs(forceN - loadMeanN);
    double limitN =
        Math.max(
            settings.forceDisagreeN(),
            settings.forceDisagreePercent() / 100 * Math.max(forceN, loadMeanN));
    if (differenceN <= limitN) {
      disagreeSinceNs = NOT_DISAGREEING;
      return 0;
    }
    if (disagreeSinceNs == NOT_DISAGREEING) {
      disagreeSinceNs = nowNs;
    }
    return nowNs - disagreeSinceNs > settings.forceDisagreeMs() * 1_000_000L
        ? raise(FORCE_SENSOR_DISAGREE, differenceN, limitN)
        : 0;
  }

  /** Mean of the latest loads in the fall window, at most {@link #FORCE_MEAN_CYCLES} of them. */
  private double recentLoadMeanN() {
    int samples = Math.min(FORCE_MEAN_CYCLES, loadCount);
    double sumN = 0;
    for (int i = 1; i <= samples; i++) {
      sumN += loadsN[(loadHead - i + loadsN.length) % loadsN.length];
    }
    return sumN / samples;
  }

  /** Adds this cycle's load to the fall window and returns the lowest load inside the window. */
  private double recordLoadAndWindowMin(long nowNs, double loadN) {
    loadTimesNs[loadHead] = nowNs;
    loadsN[loadHead] = loadN;
    loadHead = (loadHead + 1) % loadsN.length;
    loadCount = Math.min(loadCount + 1, loadsN.length);
    long windowNs = settings.fallWindowMs() * 1_000_000L;
    double minN = loadN;
    for (int i = 1; i <= loadCount; i++) {
      int index = (loadHead - i + loadsN.length) % loadsN.length;
      if (nowNs - loadTimesNs[index] > windowNs) {
        break;
      }
      minN = Math.min(minN, loadsN[index]);
    }
    return minN;
  }

  private boolean unreachable(PolledStatus<?> status, FaultCode code, double ageMs) {
    if (status.lastGood() == null
        || status.consecutiveFailures() >= settings.unreachableAfterFailures()
        || ageMs > settings.deviceStatusStaleMs()) {
      raise(code, status.consecutiveFailures(), settings.unreachableAfterFailures());
      return true;
    }
    return false;
  }

  private long checkDrive(long nowNs, PolledStatus<DriveStatus> polled, boolean beltMustRest) {
    driveGoodReadAgeMs = polled.goodReadAgeMs(nowNs);
    if (unreachable(polled, DRIVE_UNREACHABLE, driveGoodReadAgeMs)) {
      return DRIVE_UNREACHABLE.bit();
    }
    DriveStatus status = polled.lastGood();
    long mask = 0;
    if (status.estopOpen()) {
      mask |= raise(DRIVE_ESTOP_OPEN, Double.NaN, Double.NaN);
    }
    if (status.safetyKeyOut()) {
      mask |= raise(DRIVE_SAFETY_KEY_OUT, Double.NaN, Double.NaN);
    }
    if (status.watchdogTripped()) {
      mask |= raise(DRIVE_WATCHDOG_TRIPPED, Double.NaN, Double.NaN);
    }
    if (status.fault()) {
      mask |= raise(DRIVE_FAULT, status.faultCode(), Double.NaN);
    }
    double speedMps = Math.max(Math.abs(status.speedMps()), Math.abs(status.speedRightMps()));
    double maxSpeedMps = limits.maxBeltSpeedMps() + settings.beltSpeedToleranceMps();
    if (speedMps > maxSpeedMps) {
      mask |= raise(BELT_OVERSPEED, speedMps, maxSpeedMps);
    }
    if (beltMustRest && speedMps > settings.restSpeedMps()) {
      mask |= raise(BELT_MOVING_WHILE_STOPPED, speedMps, settings.restSpeedMps());
    }
    return mask;
  }

  private long checkBws(long nowNs, PolledStatus<BwsStatus> polled) {
    bwsGoodReadAgeMs = polled.goodReadAgeMs(nowNs);
    if (unreachable(polled, BWS_UNREACHABLE, bwsGoodReadAgeMs)) {
      return BWS_UNREACHABLE.bit();
    }
    BwsStatus status = polled.lastGood();
    long mask = 0;
    if (status.overload()) {
      mask |= raise(BWS_OVERLOAD, status.forceN(), Double.NaN);
    }
    if (status.watchdogTripped()) {
      mask |= raise(BWS_WATCHDOG_TRIPPED, Double.NaN, Double.NaN);
    }
    if (status.fault()) {
      mask |= raise(BWS_FAULT, status.faultCode(), Double.NaN);
    }
    return mask;
  }

  private long checkStages(long nowNs) {
    long stallNs = settings.stageStallMs() * 1_000_000L;
    long worstNs = -1;
    for (int i = 0; i < stageProcessed.length; i++) {
      StageProgress stage = inputs.stages().get(i);
      long processed = stage.processed().count();
      if (processed != stageProcessed[i]) {
        stageProcessed[i] = processed;
        stageChangedNs[i] = nowNs;
      }
      long unchangedNs = nowNs - stageChangedNs[i];
      if (stage.input().count() > processed && unchangedNs > stallNs && unchangedNs > worstNs) {
        worstNs = unchangedNs;
        stalledStage = i;
      }
    }
    return worstNs < 0 ? 0 : raise(PIPELINE_STAGE_STALLED, worstNs / 1e6, settings.stageStallMs());
  }

  private long checkRejectedFrames() {
    long newRejections = inputs.rejectedFrames().count() - rejectedFrameBaseline;
    return newRejections > 0 ? raise(PRESSURE_FRAME_REJECTED, newRejections, 0) : 0;
  }

  /**
   * F25: the patient near an end of the sensing area and moving toward it (or not known to move
   * away), while the belt moves. A patient standing near the front of a belt that starts is carried
   * back to the middle, and one coming back from an end is on the way out of danger; a NaN position
   * (nobody on the belt yet) is no fault. On a belt at rest (paused, stopped) standing near an end
   * endangers no one, and stopping the belt is what F25 would do. Raised once it held {@link
   * #NEAR_END_PERSIST_NS}.
   */
  private long checkPatientPosition(long nowNs, PolledStatus<DriveStatus> drive) {
    DriveStatus belt = drive.lastGood();
    PatientPositionInput patient = inputs.patientPosition();
    double positionM = patient.positionM();
    double distanceM = Math.abs(positionM);
    boolean beltMoves = belt != null && Math.abs(belt.speedMps()) > settings.restSpeedMps();
    // An unknown rate (NaN) counts as toward the end.
    boolean towardTheEnd = !(Math.signum(positionM) * patient.rateMps() <= PATIENT_STILL_MPS);
    if (!beltMoves || !(distanceM > patient.nearEndLimitM()) || !towardTheEnd) {
      nearEndSinceNs = NOT_DISAGREEING;
      return 0;
    }
    if (nearEndSinceNs == NOT_DISAGREEING) {
      nearEndSinceNs = nowNs;
    }
    return nowNs - nearEndSinceNs >= NEAR_END_PERSIST_NS
        ? raise(FaultCode.PATIENT_NEAR_BELT_END, distanceM, patient.nearEndLimitM())
        : 0;
  }

  /** F27: the journal lost or could not write records since start or acknowledge. */
  private long checkJournal() {
    long newFailures = inputs.journal().failures() - journalFailureBaseline;
    return newFailures > 0 ? raise(FaultCode.JOURNAL_FAILED, newFailures, 0) : 0;
  }

  /** F28: the session's control loop completed no cycle for longer than controlStallMs. */
  private long checkControlLoop(long nowNs) {
    long lastCycleNs = inputs.controlLoop().lastCycleNs();
    if (lastCycleNs == ArrivalTime.NONE) {
      return 0;
    }
    double sinceMs = (nowNs - lastCycleNs) / 1e6;
    return sinceMs > settings.controlStallMs()
        ? raise(FaultCode.SESSION_CONTROL_STALLED, sinceMs, settings.controlStallMs())
        : 0;
  }

  private long checkHandlerExceptions() {
    long newExceptions = inputs.handlerExceptions().count() - handlerExceptionBaseline;
    return newExceptions > 0 ? raise(PIPELINE_HANDLER_EXCEPTION, newExceptions, 0) : 0;
  }
}
