package org.gaitctl.core.journal;

import static org.gaitctl.core.journal.JournalFormat.ORDER;

import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepRecordView;
import org.gaitctl.core.pipeline.BwsState;
import org.gaitctl.core.pipeline.DriveState;
import org.gaitctl.core.pipeline.EventKind;
import org.gaitctl.core.pipeline.FootContact;
import org.gaitctl.core.pipeline.GaitEvents;
import org.gaitctl.core.pipeline.LoadSample;
import org.gaitctl.core.pipeline.PipelineStage;
import org.gaitctl.core.pipeline.PressureFrame;
import org.gaitctl.core.pipeline.RingEvent;

/**
 * The ring's journal stage: copies each event's input exactly as it was published (a frame's cells
 * and arrival time, a load sample and its arrival time, a status read) and what the stages derived
 * from it (per-foot contact, gait events, a completed step, the filtered unloading) into the
 * writer's one-to-one hand-off buffer, in the payload layout of docs/JOURNAL.md.
 *
 * <p>Runs last on its ring thread, so every upstream output is there. Never blocks and allocates
 * nothing: a record that does not fit the buffer is counted lost ({@link
 * JournalCounters#ringRecordsLost()}), which the supervisor turns into its journal fault.
 */
public final class JournalStage implements PipelineStage {

  static final int FOOT_CONTACT_BYTES = 8 + 1 + 2 * (1 + 4 * 8);
  static final int LOAD_SAMPLE_BYTES = 8 + 8 + 8 + 4 + 4 + 8;
  static final int DRIVE_STATUS_BYTES = 8 + 1 + 3 * 8 + 4;
  static final int BWS_STATUS_BYTES = 8 + 1 + 2 * 8 + 4;
  static final int CONTROL_TICK_BYTES = 8 + 8;
  static final int RING_COMMAND_BYTES = 8 + 1 + 8;
  static final int GAIT_EVENT_BYTES = 8 + 1 + 1 + 8;
  static final int STEP_BYTES = 8 + 8 + 1 + 3 * 8 + 13 * 8;

  /** {@code Side.values()} clones its array on every call; this does not. */
  private static final Side[] SIDES = Side.values();

  private final RingBuffer buffer;
  private final AtomicBuffer bytes;
  private final boolean rawFrames;
  private final JournalCounters counters;

  JournalStage(RingBuffer buffer, boolean rawFrames, JournalCounters counters) {
    this.buffer = buffer;
    this.bytes = buffer.buffer();
    this.rawFrames = rawFrames;
    this.counters = counters;
  }

  @Override
  public boolean handles(EventKind kind) {
    return kind != EventKind.NONE;
  }

  @Override
  public void process(RingEvent event) {
    switch (event.kind()) {
      case PRESSURE_FRAME -> frame(event);
      case LOAD_SAMPLE -> loadSample(event);
      case DRIVE_STATUS -> driveStatus(event);
      case BWS_STATUS -> bwsStatus(event);
      case CONTROL_TICK -> controlTick(event);
      case OPERATOR_COMMAND -> operatorCommand(event);
      case NONE -> {
        // Never handed over: handles() refuses it.
      }
    }
  }

  private void frame(RingEvent event) {
    PressureFrame frame = event.frame();
    if (rawFrames) {
      int cells = frame.rows() * frame.cols();
      int index =
          claim(JournalRecordType.PRESSURE_FRAME, JournalFormat.FRAME_HEADER_BYTES + 2 * cells);
      if (index >= 0) {
        bytes.putLong(index, event.arrivalNs(), ORDER);
        bytes.putLong(index + 8, event.deviceSeq(), ORDER);
        bytes.putLong(index + 16, event.deviceTimeUs(), ORDER);
        bytes.putByte(index + 24, (byte) frame.belt());
        bytes.putByte(index + JournalFormat.FRAME_ENCODING_OFFSET, (byte) JournalFormat.CELLS_RAW);
        bytes.putShort(index + 26, (short) frame.rows(), ORDER);
        bytes.putShort(index + 28, (short) frame.cols(), ORDER);
        bytes.putInt(index + JournalFormat.FRAME_DATA_LENGTH_OFFSET, 2 * cells, ORDER);
        char[] values = frame.cells();
        int at = index + JournalFormat.FRAME_HEADER_BYTES;
        for (int i = 0; i < cells; i++) {
          bytes.putChar(at, values[i], ORDER);
          at += 2;
        }
        buffer.commit(index);
      }
    }
    footContact(event);
    gaitEvents(event);
    if (event.step().completed()) {
      step(event.arrivalNs(), event.step().record());
    }
  }

  private void footContact(RingEvent event) {
    int index = claim(JournalRecordType.FOOT_CONTACT, FOOT_CONTACT_BYTES);
    if (index < 0) {
      return;
    }
    // The time the analysis used, so that per-foot forces exported from the journal give the same
    // steps (gaitctl analyze) as the live session.
    bytes.putLong(index, event.sampledNs(), ORDER);
    bytes.putByte(index + 8, (byte) event.frame().belt());
    putFoot(index + 9, event.foot(Side.LEFT));
    putFoot(index + 9 + 33, event.foot(Side.RIGHT));
    buffer.commit(index);
  }

  private void putFoot(int index, FootContact foot) {
    int flags = (foot.valid() ? 1 : 0) | (foot.inContact() ? 2 : 0);
    bytes.putByte(index, (byte) flags);
    bytes.putDouble(index + 1, foot.forceN(), ORDER);
    bytes.putDouble(index + 9, foot.copApM(), ORDER);
    bytes.putDouble(index + 17, foot.copMlM(), ORDER);
    bytes.putDouble(index + 25, foot.contactAreaM2(), ORDER);
  }

  private void gaitEvents(RingEvent event) {
    GaitEvents events = event.gaitEvents();
    if (!events.any()) {
      return;
    }
    for (Side side : SIDES) {
      if (events.hasHeelStrike(side)) {
        gaitEvent(event.arrivalNs(), side, 0, events.heelStrikeNs(side));
      }
      if (events.hasToeOff(side)) {
        gaitEvent(event.arrivalNs(), side, 1, events.toeOffNs(side));
      }
    }
  }

  private void gaitEvent(long arrivalNs, Side side, int kind, long eventNs) {
    int index = claim(JournalRecordType.GAIT_EVENT, GAIT_EVENT_BYTES);
    if (index < 0) {
      return;
    }
    bytes.putLong(index, arrivalNs, ORDER);
    bytes.putByte(index + 8, (byte) side.ordinal());
    bytes.putByte(index + 9, (byte) kind);
    bytes.putLong(index + 10, eventNs, ORDER);
    buffer.commit(index);
  }

  private void step(long arrivalNs, StepRecordView step) {
    int index = claim(JournalRecordType.STEP, STEP_BYTES);
    if (index < 0) {
      return;
    }
    bytes.putLong(index, arrivalNs, ORDER);
    bytes.putLong(index + 8, step.stepIndex(), ORDER);
    bytes.putByte(index + 16, (byte) step.side().ordinal());
    bytes.putLong(index + 17, step.heelStrikeNs(), ORDER);
    bytes.putLong(index + 25, step.toeOffNs(), ORDER);
    bytes.putLong(index + 33, step.nextHeelStrikeNs(), ORDER);
    int at = index + 41;
    at = putDouble(at, step.strideTimeS());
    at = putDouble(at, step.stanceTimeS());
    at = putDouble(at, step.swingTimeS());
    at = putDouble(at, step.stepTimeS());
    at = putDouble(at, step.singleSupportS());
    at = putDouble(at, step.doubleSupportS());
    at = putDouble(at, step.stepLengthM());
    at = putDouble(at, step.strideLengthM());
    at = putDouble(at, step.stepWidthM());
    at = putDouble(at, step.cadenceStepsPerMin());
    at = putDouble(at, step.peakForceN());
    at = putDouble(at, step.loadingRateNps());
    putDouble(at, step.impulseNewtonSeconds());
    buffer.commit(index);
  }

  private int putDouble(int index, double value) {
    bytes.putDouble(index, value, ORDER);
    return index + 8;
  }

  private void loadSample(RingEvent event) {
    int index = claim(JournalRecordType.LOAD_SAMPLE, LOAD_SAMPLE_BYTES);
    if (index < 0) {
      return;
    }
    LoadSample sample = event.loadSample();
    bytes.putLong(index, event.arrivalNs(), ORDER);
    bytes.putLong(index + 8, event.deviceSeq(), ORDER);
    bytes.putLong(index + 16, event.deviceTimeUs(), ORDER);
    bytes.putInt(index + 24, sample.forceCn(), ORDER);
    bytes.putInt(index + 28, sample.flags(), ORDER);
    bytes.putDouble(index + 32, event.unloading().filteredN(), ORDER);
    buffer.commit(index);
  }

  private void driveStatus(RingEvent event) {
    int index = claim(JournalRecordType.DRIVE_STATUS, DRIVE_STATUS_BYTES);
    if (index < 0) {
      return;
    }
    DriveState drive = event.drive();
    int flags =
        (drive.readOk() ? 1 : 0)
            | (drive.running() ? 2 : 0)
            | (drive.fault() ? 4 : 0)
            | (drive.estopOpen() ? 8 : 0)
            | (drive.safetyKeyOut() ? 16 : 0)
            | (drive.watchdogTripped() ? 32 : 0);
    bytes.putLong(index, event.arrivalNs(), ORDER);
    bytes.putByte(index + 8, (byte) flags);
    bytes.putDouble(index + 9, drive.speedMps(), ORDER);
    bytes.putDouble(index + 17, drive.speedRightMps(), ORDER);
    bytes.putDouble(index + 25, drive.inclinePercent(), ORDER);
    bytes.putInt(index + 33, drive.faultCode(), ORDER);
    buffer.commit(index);
  }

  private void bwsStatus(RingEvent event) {
    int index = claim(JournalRecordType.BWS_STATUS, BWS_STATUS_BYTES);
    if (index < 0) {
      return;
    }
    BwsState bws = event.bws();
    int flags =
        (bws.readOk() ? 1 : 0)
            | (bws.enabled() ? 2 : 0)
            | (bws.fault() ? 4 : 0)
            | (bws.holding() ? 8 : 0)
            | (bws.overload() ? 16 : 0);
    bytes.putLong(index, event.arrivalNs(), ORDER);
    bytes.putByte(index + 8, (byte) flags);
    bytes.putDouble(index + 9, bws.forceN(), ORDER);
    bytes.putDouble(index + 17, bws.cablePositionM(), ORDER);
    bytes.putInt(index + 25, bws.faultCode(), ORDER);
    buffer.commit(index);
  }

  private void controlTick(RingEvent event) {
    int index = claim(JournalRecordType.CONTROL_TICK, CONTROL_TICK_BYTES);
    if (index < 0) {
      return;
    }
    bytes.putLong(index, event.arrivalNs(), ORDER);
    bytes.putLong(index + 8, event.controlTick(), ORDER);
    buffer.commit(index);
  }

  private void operatorCommand(RingEvent event) {
    int index = claim(JournalRecordType.RING_OPERATOR_COMMAND, RING_COMMAND_BYTES);
    if (index < 0) {
      return;
    }
    bytes.putLong(index, event.arrivalNs(), ORDER);
    bytes.putByte(index + 8, (byte) event.command().ordinal());
    bytes.putDouble(index + 9, event.commandArgument(), ORDER);
    buffer.commit(index);
  }

  /** The index to write {@code length} bytes at, or negative when the record is lost (counted). */
  private int claim(JournalRecordType type, int length) {
    int index = buffer.tryClaim(type.code(), length);
    if (index < 0) {
      counters.ringRecordsLost.incrementAndGet();
    }
    return index;
  }
}
