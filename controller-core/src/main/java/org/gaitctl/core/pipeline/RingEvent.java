package org.gaitctl.core.pipeline;

import com.lmax.disruptor.EventFactory;
import java.util.Arrays;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepRecord;
import org.gaitctl.core.gait.StepRecordView;
import org.gaitctl.core.symmetry.SymmetryTracker;

/**
 * One preallocated slot of the ring: the input an event carries (a pressure frame, a load sample, a
 * device status, a control tick or an operator command), its host arrival time, the finish time of
 * every stage, and the outputs of the stages so that downstream stages read upstream results.
 *
 * <p>Nothing in a slot is allocated after construction. A producer fills the input part and clears
 * the outputs through {@link RingTranslators}; each stage writes only its own output part, on its
 * own thread; the ring's sequence barriers order the writes before the reads of later stages.
 */
public final class RingEvent {

  private EventKind kind = EventKind.NONE;
  private long arrivalNs;
  private long deviceSeq;
  private long deviceTimeUs;

  private final PressureFrame frame;
  private final LoadSample loadSample = new LoadSample();
  private final DriveState drive = new DriveState();
  private final BwsState bws = new BwsState();
  private long controlTick;
  private OperatorCommand command = OperatorCommand.STOP_SESSION;
  private double commandArgument;

  private final FootContact[] feet = {new FootContact(), new FootContact()};
  private final GaitEvents gaitEvents = new GaitEvents();
  private final StepOutput step = new StepOutput();
  private final Unloading unloading = new Unloading();
  private final long[] stageFinishNs = new long[StageId.COUNT];

  /** A slot whose frame array holds up to {@code maxFrameCells} cells. */
  public RingEvent(int maxFrameCells) {
    this.frame = new PressureFrame(maxFrameCells);
  }

  /** The ring's event factory for frames of up to {@code maxFrameCells} cells. */
  public static EventFactory<RingEvent> factory(int maxFrameCells) {
    return () -> new RingEvent(maxFrameCells);
  }

  /** Sets the header of a new event; called by translators only. */
  void header(long arrivalNs, long deviceSeq, long deviceTimeUs) {
    this.arrivalNs = arrivalNs;
    this.deviceSeq = deviceSeq;
    this.deviceTimeUs = deviceTimeUs;
  }

  /** Publishes the kind after the payload is written; called by translators only. */
  void kind(EventKind kind) {
    this.kind = kind;
  }

  void controlTick(long tick) {
    this.controlTick = tick;
  }

  void command(OperatorCommand command, double argument) {
    this.command = command;
    this.commandArgument = argument;
  }

  /**
   * Marks the slot unfilled and clears every stage output; called by translators before anything
   * else. A slot is reused: should the translator throw after this, the slot is published as {@link
   * EventKind#NONE} (skipped by every stage), never as the previous event's kind over half-new data.
   */
  void beginFill() {
    kind = EventKind.NONE;
    feet[0].clear();
    feet[1].clear();
    gaitEvents.clear();
    step.clear();
    unloading.clear();
    Arrays.fill(stageFinishNs, 0L);
  }

  public EventKind kind() {
    return kind;
  }

  /** Host time the input's last byte arrived (or the tick/command was issued), ns. */
  public long arrivalNs() {
    return arrivalNs;
  }

  /** The device's sequence number of this input, or 0 where the input has none. */
  public long deviceSeq() {
    return deviceSeq;
  }

  /** The device clock at this input, µs, or 0 where the input has none. */
  public long deviceTimeUs() {
    return deviceTimeUs;
  }

  public PressureFrame frame() {
    return frame;
  }

  public LoadSample loadSample() {
    return loadSample;
  }

  public DriveState drive() {
    return drive;
  }

  public BwsState bws() {
    return bws;
  }

  /** The control clock's tick count, for {@link EventKind#CONTROL_TICK}. */
  public long controlTick() {
    return controlTick;
  }

  /** The operator command, for {@link EventKind#OPERATOR_COMMAND}. */
  public OperatorCommand command() {
    return command;
  }

  /** The command's argument in the unit its {@link OperatorCommand} names, or 0. */
  public double commandArgument() {
    return commandArgument;
  }

  /** Output of the foot-contact stage for one foot. */
  public FootContact foot(Side side) {
    return feet[side.ordinal()];
  }

  /** Output of the gait-events stage. */
  public GaitEvents gaitEvents() {
    return gaitEvents;
  }

  /** Output of the steps stage: {@link StepOutput#completed()} when this event closed a step. */
  public StepOutput step() {
    return step;
  }

  /** Output of the load-cell stage. */
  public Unloading unloading() {
    return unloading;
  }

  /** When {@code stage} finished this event, ns on the pipeline clock; 0 if it has not. */
  public long stageFinishNs(StageId stage) {
    return stageFinishNs[stage.ordinal()];
  }

  void stampFinish(StageId stage, long finishNs) {
    stageFinishNs[stage.ordinal()] = finishNs;
  }

  /** One belt's pressure frame: cells in 0.01 N/cm², row-major, row 0 anterior. */
  public static final class PressureFrame {
    private final char[] cells;
    private int belt;
    private int rows;
    private int cols;

    PressureFrame(int maxCells) {
      this.cells = new char[maxCells];
    }

    void geometry(int belt, int rows, int cols) {
      this.belt = belt;
      this.rows = rows;
      this.cols = cols;
    }

    /** The cell array; only the first {@code rows*cols} cells belong to this frame. */
    public char[] cells() {
      return cells;
    }

    public int capacityCells() {
      return cells.length;
    }

    /** 0 the left or only belt, 1 the right belt. */
    public int belt() {
      return belt;
    }

    public int rows() {
      return rows;
    }

    public int cols() {
      return cols;
    }

    /** Cell at {@code row}, {@code col}, 0.01 N/cm². */
    public int cell(int row, int col) {
      return cells[row * cols + col];
    }
  }

  /** One load-cell sample as the amplifier sent it. */
  public static final class LoadSample {
    /** Flag bit: the load cell is overloaded. */
    public static final int FLAG_OVERLOAD = 1;

    /** Flag bit: bridge open or sensor fault. */
    public static final int FLAG_SENSOR_FAULT = 1 << 1;

    /** Flag bit: the amplifier is taring. */
    public static final int FLAG_TARE_IN_PROGRESS = 1 << 2;

    private int forceCn;
    private int flags;

    void set(int forceCn, int flags) {
      this.forceCn = forceCn;
      this.flags = flags;
    }

    /** Cable tension, cN, positive when pulling. */
    public int forceCn() {
      return forceCn;
    }

    public int flags() {
      return flags;
    }
  }

  /** The drive's status block, copied primitive by primitive from a DriveStatus. */
  public static final class DriveState {
    private boolean readOk;
    private boolean running;
    private boolean fault;
    private boolean estopOpen;
    private boolean safetyKeyOut;
    private boolean watchdogTripped;
    private double speedMps;
    private double speedRightMps;
    private double inclinePercent;
    private int faultCode;

    void set(
        boolean readOk,
        boolean running,
        boolean fault,
        boolean estopOpen,
        boolean safetyKeyOut,
        boolean watchdogTripped,
        double speedMps,
        double speedRightMps,
        double inclinePercent,
        int faultCode) {
      this.readOk = readOk;
      this.running = running;
      this.fault = fault;
      this.estopOpen = estopOpen;
      this.safetyKeyOut = safetyKeyOut;
      this.watchdogTripped = watchdogTripped;
      this.speedMps = speedMps;
      this.speedRightMps = speedRightMps;
      this.inclinePercent = inclinePercent;
      this.faultCode = faultCode;
    }

    /** False when the status read failed; every other value is then zero. */
    public boolean readOk() {
      return readOk;
    }

    public boolean running() {
      return running;
    }

    public boolean fault() {
      return fault;
    }

    public boolean estopOpen() {
      return estopOpen;
    }

    public boolean safetyKeyOut() {
      return safetyKeyOut;
    }

    public boolean watchdogTripped() {
      return watchdogTripped;
    }

    public double speedMps() {
      return speedMps;
    }

    public double speedRightMps() {
      return speedRightMps;
    }

    public double inclinePercent() {
      return inclinePercent;
    }

    public int faultCode() {
      return faultCode;
    }
  }

  /** The BWS unit's status block, copied primitive by primitive from a BwsStatus. */
  public static final class BwsState {
    private boolean readOk;
    private boolean enabled;
    private boolean fault;
    private boolean holding;
    private boolean overload;
    private double forceN;
    private double cablePositionM;
    private int faultCode;

    void set(
        boolean readOk,
        boolean enabled,
        boolean fault,
        boolean holding,
        boolean overload,
        double forceN,
        double cablePositionM,
        int faultCode) {
      this.readOk = readOk;
      this.enabled = enabled;
      this.fault = fault;
      this.holding = holding;
      this.overload = overload;
      this.forceN = forceN;
      this.cablePositionM = cablePositionM;
      this.faultCode = faultCode;
    }

    public boolean readOk() {
      return readOk;
    }

    public boolean enabled() {
      return enabled;
    }

    public boolean fault() {
      return fault;
    }

    public boolean holding() {
      return holding;
    }

    public boolean overload() {
      return overload;
    }

    /** The unit's own force sensor, N. */
    public double forceN() {
      return forceN;
    }

    public double cablePositionM() {
      return cablePositionM;
    }

    public int faultCode() {
      return faultCode;
    }
  }

  /** Foot-contact output for one foot; written by the foot-contact stage. */
  public static final class FootContact {
    private boolean valid;
    private double forceN;
    private double copApM;
    private double copMlM;
    private double contactAreaM2;
    private boolean inContact;

    void clear() {
      valid = false;
      forceN = 0;
      copApM = Double.NaN;
      copMlM = Double.NaN;
      contactAreaM2 = 0;
      inContact = false;
    }

    /**
     * Sets this foot's estimate for the frame.
     *
     * @param forceN vertical force, N
     * @param copApM centre of pressure along the belt, m, positive anterior from the rear edge (NaN
     *     unloaded)
     * @param copMlM centre of pressure across the belt from the patient's left edge, m (NaN
     *     unloaded)
     * @param contactAreaM2 loaded area, m²
     * @param inContact the foot is in stance according to the gait-event stage
     */
    void set(double forceN, double copApM, double copMlM, double contactAreaM2, boolean inContact) {
      this.valid = true;
      this.forceN = forceN;
      this.copApM = copApM;
      this.copMlM = copMlM;
      this.contactAreaM2 = contactAreaM2;
      this.inContact = inContact;
    }

    /** True once the foot-contact stage has written this foot for the event. */
    public boolean valid() {
      return valid;
    }

    public double forceN() {
      return forceN;
    }

    public double copApM() {
      return copApM;
    }

    public double copMlM() {
      return copMlM;
    }

    public double contactAreaM2() {
      return contactAreaM2;
    }

    public boolean inContact() {
      return inContact;
    }
  }

  /** A step completed by this event, with the symmetry after it; written by the steps stage. */
  public static final class StepOutput {
    private boolean completed;
    private final StepRecord record = new StepRecord();
    private final StepSymmetry symmetry = new StepSymmetry();

    void clear() {
      completed = false;
    }

    void complete(StepRecordView step, SymmetryTracker tracker) {
      record.copyFrom(step);
      symmetry.capture(tracker);
      completed = true;
    }

    /** True when this event completed a step; the other values are stale otherwise. */
    public boolean completed() {
      return completed;
    }

    public StepRecordView record() {
      return record;
    }

    public StepSymmetry symmetry() {
      return symmetry;
    }
  }

  /** Gait events raised by this event; written by the gait-events stage. */
  public static final class GaitEvents {
    private final boolean[] heelStrike = new boolean[2];
    private final boolean[] toeOff = new boolean[2];
    private final long[] heelStrikeNs = new long[2];
    private final long[] toeOffNs = new long[2];

    void clear() {
      heelStrike[0] = false;
      heelStrike[1] = false;
      toeOff[0] = false;
      toeOff[1] = false;
      heelStrikeNs[0] = 0;
      heelStrikeNs[1] = 0;
      toeOffNs[0] = 0;
      toeOffNs[1] = 0;
    }

    /**
     * Records a heel strike of {@code side} at {@code timeNs} (may precede the event's arrival).
     */
    void heelStrike(Side side, long timeNs) {
      heelStrike[side.ordinal()] = true;
      heelStrikeNs[side.ordinal()] = timeNs;
    }

    /** Records a toe off of {@code side} at {@code timeNs}. */
    void toeOff(Side side, long timeNs) {
      toeOff[side.ordinal()] = true;
      toeOffNs[side.ordinal()] = timeNs;
    }

    public boolean hasHeelStrike(Side side) {
      return heelStrike[side.ordinal()];
    }

    public boolean hasToeOff(Side side) {
      return toeOff[side.ordinal()];
    }

    public long heelStrikeNs(Side side) {
      return heelStrikeNs[side.ordinal()];
    }

    public long toeOffNs(Side side) {
      return toeOffNs[side.ordinal()];
    }

    public boolean any() {
      return heelStrike[0] | heelStrike[1] | toeOff[0] | toeOff[1];
    }
  }

  /** Measured unloading from the harness load cell; written by the load-cell stage. */
  public static final class Unloading {
    private UnloadingStatus status = UnloadingStatus.NONE;
    private double rawN;
    private double filteredN;

    void clear() {
      status = UnloadingStatus.NONE;
      rawN = Double.NaN;
      filteredN = Double.NaN;
    }

    void set(UnloadingStatus status, double rawN, double filteredN) {
      this.status = status;
      this.rawN = rawN;
      this.filteredN = filteredN;
    }

    public UnloadingStatus status() {
      return status;
    }

    /** The sample's cable tension, N. */
    public double rawN() {
      return rawN;
    }

    /** Low-pass filtered unloading force, N; NaN unless {@link UnloadingStatus#VALID}. */
    public double filteredN() {
      return filteredN;
    }
  }
}
