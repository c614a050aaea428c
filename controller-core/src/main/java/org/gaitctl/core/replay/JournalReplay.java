package org.gaitctl.core.replay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.gaitctl.core.analysis.GaitSettings;
import org.gaitctl.core.contact.DriftSettings;
import org.gaitctl.core.journal.FrameCellCodec;
import org.gaitctl.core.journal.JournalFormat;
import org.gaitctl.core.journal.JournalReadResult;
import org.gaitctl.core.journal.JournalReader;
import org.gaitctl.core.journal.JournalRecord;
import org.gaitctl.core.pipeline.OperatorCommand;
import org.gaitctl.core.pipeline.PipelineAssembly;
import org.gaitctl.core.pipeline.PipelineSettings;
import org.gaitctl.core.pipeline.RingEvent;
import org.gaitctl.core.pipeline.RingTranslators;
import org.gaitctl.core.pipeline.StageId;
import org.gaitctl.core.pipeline.StageSequence;
import org.gaitctl.core.pipeline.StepSubscription;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.time.NanoClock;

/**
 * Runs a journal's ring inputs through the live pipeline's stages again and hands over the steps
 * they complete.
 *
 * <p>Bit-identical by construction: the stages are the ones the live session assembled ({@link
 * PipelineAssembly#sequence}, the same settings: {@link PipelineSettings#defaults}, {@link
 * GaitSettings#defaults} with the patient's drift settings, the journaled grid), fed the inputs the
 * journal stage copied as they were published (same cells, same arrival ns, same device times) in
 * ring order, which is the order every live stage saw them in whatever the threading (the gait
 * stage reads the unloading its event carries, not another thread's state). The stages' clock reads
 * each input's arrival ns; its stamps reach only the latency probes, never a step.
 *
 * <p>One thread, synchronous: each input is processed and its step drained before the next is read,
 * so nothing is dropped and the replay runs as fast as the stages (docs/PERFORMANCE.md).
 */
public final class JournalReplay {

  /**
   * The stages a step depends on, in the ring's order; the safety monitor, patient position,
   * snapshot and charts only read the events for the display and the supervisor.
   */
  private static final StageId[] STEP_STAGES = {
    StageId.LOAD_CELL, StageId.GAIT_ANALYSIS, StageId.STEP_PUBLICATION
  };

  /** The subscription drains after every event; a frame completes at most one step. */
  private static final int STEP_QUEUE = 4;

  private final StageSequence stages;
  private final StepSubscription steps;

  /** The replay's clock: the arrival of the input being processed. */
  private final NanoClock clock = () -> this.nowNs;

  private long nowNs;
  private final RingEvent event;
  private final FrameCellCodec cells = new FrameCellCodec();
  private final StepSubscription.StepConsumer consumer;
  private long events;
  private long stepsCompleted;

  private JournalReplay(ReplaySetup setup, StepSubscription.StepConsumer consumer) {
    this.consumer = consumer;
    PipelineSettings settings = PipelineSettings.defaults(setup.grid());
    GaitSettings gait =
        GaitSettings.defaults().withDrift(DriftSettings.forPatient(setup.bodyMassKg(), true));
    stages = PipelineAssembly.sequence(settings, clock, gait, setup.grid(), STEP_STAGES);
    steps = stages.steps().subscribe("replay", STEP_QUEUE);
    event = RingEvent.factory(settings.maxFrameCells()).newInstance();
  }

  /**
   * Replays {@code journal} (whose setup is {@code setup}) up to its last good record, handing
   * every completed step to {@code consumer} on this thread, in the order the live pipeline
   * completed them.
   *
   * @throws IOException when the file cannot be read
   */
  public static ReplayOutcome run(
      Path journal, ReplaySetup setup, StepSubscription.StepConsumer consumer) throws IOException {
    JournalReplay replay = new JournalReplay(setup, consumer);
    try {
      JournalReadResult read = JournalReader.read(journal, replay::onRecord);
      return new ReplayOutcome(read, replay.events, replay.stepsCompleted, replay.nowNs);
    } finally {
      replay.cells.close();
    }
  }

  private void onRecord(JournalRecord record) {
    if (record.type() == null) {
      return;
    }
    ByteBuffer p = record.payload();
    switch (record.type()) {
      case PRESSURE_FRAME -> frame(record);
      case LOAD_SAMPLE ->
          RingTranslators.loadSample(
              event, p.getLong(0), p.getLong(8), p.getLong(16), p.getInt(24), p.getInt(28));
      case DRIVE_STATUS -> RingTranslators.driveStatus(event, p.getLong(0), driveStatus(p));
      case BWS_STATUS -> RingTranslators.bwsStatus(event, p.getLong(0), bwsStatus(p));
      case CONTROL_TICK -> RingTranslators.controlTick(event, p.getLong(0), p.getLong(8));
      case RING_OPERATOR_COMMAND ->
          RingTranslators.operatorCommand(
              event, p.getLong(0), OperatorCommand.values()[p.get(8)], p.getDouble(9));
      default -> {
        return; // Derived records and the other threads' records are not ring inputs.
      }
    }
    process(record.timeNs());
  }

  private void frame(JournalRecord record) {
    ByteBuffer p = record.payload();
    cells.decode(record, event.frame().cells());
    RingTranslators.pressureFrameInPlace(
        event,
        p.getLong(0),
        p.getLong(8),
        p.getLong(16),
        p.get(24),
        Short.toUnsignedInt(p.getShort(JournalFormat.FRAME_ROWS_OFFSET)),
        Short.toUnsignedInt(p.getShort(JournalFormat.FRAME_COLS_OFFSET)));
  }

  private void process(long arrivalNs) {
    nowNs = arrivalNs;
    stages.process(event, events++);
    stepsCompleted +=
        steps.drain(
            (step, symmetry, frameArrivalNs) -> consumer.accept(step, symmetry, frameArrivalNs));
  }

  private static DriveStatus driveStatus(ByteBuffer p) {
    int flags = p.get(8);
    return new DriveStatus(
        result(flags),
        (flags & 2) != 0,
        (flags & 4) != 0,
        (flags & 8) != 0,
        (flags & 16) != 0,
        (flags & 32) != 0,
        false,
        false,
        p.getDouble(9),
        p.getDouble(17),
        p.getDouble(25),
        p.getInt(33));
  }

  private static BwsStatus bwsStatus(ByteBuffer p) {
    int flags = p.get(8);
    return new BwsStatus(
        result(flags),
        (flags & 2) != 0,
        (flags & 4) != 0,
        (flags & 8) != 0,
        false,
        (flags & 16) != 0,
        false,
        p.getDouble(9),
        p.getDouble(17),
        p.getInt(25));
  }

  /** The journal keeps only whether a read was good; a bad one replays as an I/O error. */
  private static CommandResult result(int flags) {
    return (flags & 1) != 0 ? CommandResult.OK : CommandResult.IO_ERROR;
  }
}
