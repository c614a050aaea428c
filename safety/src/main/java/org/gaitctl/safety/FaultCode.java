package org.gaitctl.safety;

import static org.gaitctl.safety.FaultCode.Kind.CONDITION;
import static org.gaitctl.safety.FaultCode.Kind.EVENT;
import static org.gaitctl.safety.Reaction.CONTROLLED_STOP;
import static org.gaitctl.safety.Reaction.QUICK_STOP;

/**
 * The catalogue of faults the supervisor detects: what each means, how it is detected and what the
 * machine does about it. The order is the priority: when several faults appear in the same cycle,
 * the first in this order is recorded as the first fault (specific causes come before the generic
 * faults they also set, e.g. an open e-stop before the drive's latched fault). Codes added after
 * the first catalogue are appended, because an identifier, once published, never changes.
 *
 * <p>Every fault raised while {@link SafetyState#RUNNING} leads to a safe stop ({@link
 * #reaction()}) and is latched until acknowledged. A {@link Kind#CONDITION} must also be gone for
 * the acknowledgement to be accepted; an {@link Kind#EVENT} is gone once it has been seen.
 */
public enum FaultCode {
  PRESSURE_STREAM_STALE(
      "F01",
      CONDITION,
      CONTROLLED_STOP,
      "ms",
      "pressure stream stale",
      "no pressure frame arrived for longer than pressureStaleMs (or none yet)"),
  LOAD_CELL_STREAM_STALE(
      "F02",
      CONDITION,
      CONTROLLED_STOP,
      "ms",
      "load-cell stream stale",
      "no load-cell sample arrived for longer than loadCellStaleMs (or none yet)"),
  LOAD_CELL_SENSOR_FAULT(
      "F03",
      CONDITION,
      CONTROLLED_STOP,
      "flags",
      "load-cell sensor fault (bridge open)",
      "bit 1 of the latest LOAD_SAMPLE flags"),
  PATIENT_FALL(
      "F04",
      EVENT,
      QUICK_STOP,
      "N",
      "fall sign: sudden rise of harness load",
      "harness load rose by more than fallRiseN within fallWindowMs; while the session tracks a"
          + " known unloading, by more than fallRisePercentBw of the body weight, ending that far"
          + " above the expected unloading"),
  HARNESS_OVERLOAD(
      "F05",
      CONDITION,
      QUICK_STOP,
      "N",
      "harness overload",
      "harness load above maxUnloadingN + harnessOverloadMarginN; while the session tracks a"
          + " known unloading, also above it + overloadMarginPercentBw of the body weight"),
  LOAD_CELL_OVERLOAD(
      "F06",
      CONDITION,
      QUICK_STOP,
      "flags",
      "load-cell overload flag",
      "bit 0 of the latest LOAD_SAMPLE flags"),
  DRIVE_UNREACHABLE(
      "F07",
      CONDITION,
      QUICK_STOP,
      "failures",
      "treadmill drive unreachable",
      "unreachableAfterFailures consecutive failed status reads, or no good read for"
          + " deviceStatusStaleMs"),
  DRIVE_ESTOP_OPEN(
      "F08", CONDITION, QUICK_STOP, "", "e-stop chain open", "drive STATUS bit 2 (ESTOP)"),
  DRIVE_SAFETY_KEY_OUT(
      "F09",
      CONDITION,
      QUICK_STOP,
      "",
      "patient safety key pulled",
      "drive STATUS bit 3 (SAFETY_KEY_OUT)"),
  DRIVE_WATCHDOG_TRIPPED(
      "F10",
      CONDITION,
      QUICK_STOP,
      "",
      "drive communication watchdog tripped",
      "drive STATUS bit 4 (WATCHDOG_TRIPPED)"),
  DRIVE_FAULT(
      "F11",
      CONDITION,
      QUICK_STOP,
      "fault code",
      "drive reports a fault",
      "drive STATUS bit 1 (FAULT); FAULT_CODE recorded"),
  BELT_OVERSPEED(
      "F12",
      CONDITION,
      QUICK_STOP,
      "m/s",
      "belt speed above limit",
      "actual speed of either belt above maxBeltSpeedMps + beltSpeedToleranceMps"),
  BWS_UNREACHABLE(
      "F13",
      CONDITION,
      CONTROLLED_STOP,
      "failures",
      "BWS unit unreachable",
      "unreachableAfterFailures consecutive failed status reads, or no good read for"
          + " deviceStatusStaleMs"),
  BWS_OVERLOAD(
      "F14",
      CONDITION,
      QUICK_STOP,
      "N",
      "BWS overload",
      "BWS STATUS bit 4 (OVERLOAD); the unit's FORCE_ACT recorded"),
  BWS_WATCHDOG_TRIPPED(
      "F15",
      CONDITION,
      CONTROLLED_STOP,
      "",
      "BWS communication watchdog tripped",
      "BWS STATUS bit 3 (WATCHDOG_TRIPPED)"),
  BWS_FAULT(
      "F16",
      CONDITION,
      CONTROLLED_STOP,
      "fault code",
      "BWS unit reports a fault",
      "BWS STATUS bit 1 (FAULT); FAULT_CODE recorded"),
  PIPELINE_STAGE_STALLED(
      "F17",
      CONDITION,
      CONTROLLED_STOP,
      "ms",
      "pipeline stage stalled",
      "a stage's processed count unchanged for stageStallMs while its input count is ahead"),
  PIPELINE_HANDLER_EXCEPTION(
      "F18",
      EVENT,
      CONTROLLED_STOP,
      "exceptions",
      "pipeline handler exception",
      "the pipeline's handler-exception count grew since the supervisor was armed"),
  SUPERVISOR_OVERRUN(
      "F19",
      EVENT,
      CONTROLLED_STOP,
      "ms",
      "supervisor cycle overrun",
      "the supervisor's cycle started later than cyclePeriodMs + overrunThresholdMs after the"
          + " previous one"),
  SUPERVISOR_ERROR(
      "F20",
      EVENT,
      QUICK_STOP,
      "",
      "supervisor internal error",
      "an exception escaped one of the supervisor's checks or a device port"),
  OPERATOR_STOP(
      "F21",
      EVENT,
      CONTROLLED_STOP,
      "",
      "stop requested",
      "the operator asked for a stop (console, CLI, Ctrl-C), or the session on the operator's"
          + " behalf (a command its device refused; the detail says which)"),
  PRESSURE_SENSOR_FAULT(
      "F22",
      CONDITION,
      CONTROLLED_STOP,
      "flags",
      "pressure-belt sensor fault",
      "bit 1 (sensor fault) of the pressure-belt unit's latest STATUS flags"),
  PRESSURE_FRAME_REJECTED(
      "F23",
      EVENT,
      CONTROLLED_STOP,
      "frames",
      "pressure frame rejected",
      "a pressure frame whose rows x columns differ from the belt's announced grid (or that does"
          + " not fit the ring slot) was refused since the supervisor was armed"),
  BELT_MOVING_WHILE_STOPPED(
      "F24",
      CONDITION,
      QUICK_STOP,
      "m/s",
      "belt moving while stopped",
      "either belt above restSpeedMps while the supervisor is IDLE (after its first start) or"
          + " SAFE_STOP_LATCHED; the heartbeat is then withheld as well"),
  PATIENT_NEAR_BELT_END(
      "F25",
      CONDITION,
      CONTROLLED_STOP,
      "m",
      "patient near belt end",
      "the patient's stride-filtered centre of pressure further than the sensing area's half"
          + " length less nearEndMarginM (0.15 m) from its centre"),
  FORCE_SENSOR_DISAGREE(
      "F26",
      CONDITION,
      CONTROLLED_STOP,
      "N",
      "BWS force and load cell disagree",
      "the BWS unit's FORCE_ACT differs from the load cell's 50 ms mean by more than"
          + " forceDisagreeN (60 N) or forceDisagreePercent (10 %) of the larger, for longer than"
          + " forceDisagreeMs (500 ms)"),
  JOURNAL_FAILED(
      "F27",
      EVENT,
      CONTROLLED_STOP,
      "records",
      "session journal failed",
      "the session journal could not write (disk full, I/O error) or lost records to a full"
          + " hand-off buffer since the supervisor was armed: the session would go unrecorded"),
  SESSION_CONTROL_STALLED(
      "F28",
      CONDITION,
      CONTROLLED_STOP,
      "ms",
      "session control stalled",
      "the session's control loop completed no cycle for longer than controlStallMs (1000 ms):"
          + " setpoints, ramps, the unloading loop and the protocol's stages no longer move");

  /** Whether a fault is a lasting condition or a one-off occurrence. */
  public enum Kind {
    /** Present while its cause persists; acknowledging needs the cause gone. */
    CONDITION,
    /** An occurrence; gone once seen, so acknowledging it needs nothing more. */
    EVENT
  }

  private static final FaultCode[] VALUES = values();

  private final String id;
  private final Kind kind;
  private final Reaction reaction;
  private final String unit;
  private final String description;
  private final String detection;

  FaultCode(
      String id, Kind kind, Reaction reaction, String unit, String description, String detection) {
    this.id = id;
    this.kind = kind;
    this.reaction = reaction;
    this.unit = unit;
    this.description = description;
    this.detection = detection;
  }

  /** Stable identifier for logs, the console and the documentation, e.g. {@code F02}. */
  public String id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  public Reaction reaction() {
    return reaction;
  }

  /** Unit of the measured value recorded with the fault; empty when the fault has none. */
  public String unit() {
    return unit;
  }

  public String description() {
    return description;
  }

  /** How the supervisor detects the fault, naming the setting that sets its threshold. */
  public String detection() {
    return detection;
  }

  /** This code's bit in a fault mask (a {@code long} with one bit per code). */
  public long bit() {
    return 1L << ordinal();
  }

  /** The first code (highest priority) in {@code mask}; {@code null} when the mask is empty. */
  public static FaultCode firstIn(long mask) {
    return mask == 0 ? null : VALUES[Long.numberOfTrailingZeros(mask)];
  }

  /** The strongest reaction any code in {@code mask} asks for. */
  public static Reaction reactionFor(long mask) {
    for (FaultCode code : VALUES) {
      if ((mask & code.bit()) != 0 && code.reaction == QUICK_STOP) {
        return QUICK_STOP;
      }
    }
    return CONTROLLED_STOP;
  }

  /** Only the lasting conditions of {@code mask}. */
  public static long conditionsIn(long mask) {
    long conditions = 0;
    for (FaultCode code : VALUES) {
      if (code.kind == CONDITION) {
        conditions |= code.bit();
      }
    }
    return mask & conditions;
  }

  /**
   * Human-readable list of the codes in {@code mask}, e.g. {@code "F02 load-cell stream stale"}.
   */
  public static String describe(long mask) {
    StringBuilder text = new StringBuilder();
    for (FaultCode code : VALUES) {
      if ((mask & code.bit()) != 0) {
        if (text.length() > 0) {
          text.append("; ");
        }
        text.append(code.id).append(' ').append(code.description);
      }
    }
    return text.toString();
  }

  static int count() {
    return VALUES.length;
  }
}
