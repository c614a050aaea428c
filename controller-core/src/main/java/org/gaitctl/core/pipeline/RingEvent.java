package org.gaitctl.core.pipeline;

import com.lmax.disruptor.EventFactory;
import java.util.Arrays;
import org.gaitctl.core.contact.NettedHead;
import org.gaitctl.core.gait.Side;

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
  private long sampledNs;

  private final PressureFrame frame;

  /** A replay's head start on this frame ({@link FrameHeadStart}); null on the live ring. */
  private NettedHead begunFrame;

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
    this.sampledNs = arrivalNs;
    this.begunFrame = null;
  }

  /** A replay's thread began this frame ahead: placed in time and partly netted. */
  void begunFrame(NettedHead head) {
    this.begunFrame = head;
  }

  /** The frame's head start, or null when the gait stage does all of it. */
  NettedHead begunFrame() {
    return begunFrame;
  }

  /** The gait stage placed this pressure frame at {@code sampledNs} (its belt's sampling time). */
  void sampledNs(long sampledNs) {
    this.sampledNs = sampledNs;
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
   * EventKind#NONE} (skipped by every stage), never as the previous event's kind over half-new
   * data.
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

  /**
   * The host time the gait analysis placed this input at, ns: for a pressure frame the moment its
   * belt sampled it ({@link DeviceFrameClock}), for other inputs their arrival.
   */
  public long sampledNs() {
    return sampledNs;
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
}
