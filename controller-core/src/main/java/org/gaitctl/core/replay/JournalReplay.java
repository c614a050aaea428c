package org.gaitctl.core.replay;

import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.gaitctl.core.analysis.GaitSettings;
import org.gaitctl.core.contact.DriftSettings;
import org.gaitctl.core.contact.NettedHead;
import org.gaitctl.core.journal.FrameCellCodec;
import org.gaitctl.core.journal.JournalFormat;
import org.gaitctl.core.journal.JournalReadResult;
import org.gaitctl.core.journal.JournalReader;
import org.gaitctl.core.journal.JournalRecord;
import org.gaitctl.core.journal.JournalRecordType;
import org.gaitctl.core.journal.JournalSink;
import org.gaitctl.core.pipeline.FrameHeadStart;
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
 * <p>Two threads, so a replay uses both cores of a small PC (docs/PERFORMANCE.md, "Replay speed"):
 * the caller's reads the journal, decodes each input into a slot of a small ring and begins each
 * pressure frame ({@link FrameHeadStart}: its time and the first {@value #HEAD_START_PERCENT} % of
 * its cells netted above their baselines, work that depends only on the belt's earlier frames); an
 * analysing thread runs the stages on the slots in order and drains each step before the next. The
 * reader waits when the ring is full, so nothing is dropped. Steps reach the consumer on the
 * analysing thread, one at a time, in order.
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

  /**
   * Inputs in flight between the threads: 64 × (a frame's cells, its head's loaded cells) ≈ 4.6 MB,
   * of which a frame touches its cells and a few hundred loaded ones.
   */
  private static final int RING_SLOTS = 64;

  /**
   * Share of a frame's cells the reading thread nets, where the two threads were about equally busy
   * on a 10-minute journal (docs/PERFORMANCE.md, "Replay speed"): at 80 % the reader waited 0.2–0.5
   * s of a 2.2–2.5 s replay for the analysing thread, at 90 % the analysing thread was idle longer.
   * It labels and runs the stages besides its share. The split must not move during a replay: a
   * cell's baseline steps frame by frame on one thread only.
   */
  static final int HEAD_START_PERCENT = 85;

  /** One input on its way from the reading thread to the analysing one. */
  private static final class Slot {
    final RingEvent event;
    final NettedHead head;
    long arrivalNs;
    boolean filled;

    Slot(int maxFrameCells, int cellsPerBelt) {
      event = RingEvent.factory(maxFrameCells).newInstance();
      head = new NettedHead(cellsPerBelt);
    }
  }

  private final StageSequence stages;
  private final StepSubscription steps;
  private final FrameHeadStart headStart;
  private final int headStartCells;
  private final Disruptor<Slot> ring;
  private final RingBuffer<Slot> slots;
  private final FrameCellCodec cells = new FrameCellCodec();
  private final StepSubscription.StepConsumer consumer;

  /** The replay's clock, on the analysing thread: the arrival of the input being processed. */
  private final NanoClock clock = () -> this.nowNs;

  private long nowNs;
  private long events;
  private long stepsCompleted;

  // The reading thread's, read by it at the end.
  private long firstInputNs = ReplayOutcome.NONE;
  private long lastInputNs;
  private long stepsOriginNs = ReplayOutcome.NONE;
  private long stepsTableRows = JournalSink.STEPS_TABLE_OPEN;
  private volatile Throwable failure;

  private JournalReplay(ReplaySetup setup, StepSubscription.StepConsumer consumer) {
    this.consumer = consumer;
    PipelineSettings settings = PipelineSettings.defaults(setup.grid());
    GaitSettings gait =
        GaitSettings.defaults().withDrift(DriftSettings.forPatient(setup.bodyMassKg(), true));
    stages = PipelineAssembly.sequence(settings, clock, gait, setup.grid(), STEP_STAGES);
    steps = stages.steps().subscribe("replay", STEP_QUEUE);
    headStart = stages.frameHeadStart();
    int cellsPerBelt = setup.grid().cellsPerBelt();
    headStartCells = cellsPerBelt * HEAD_START_PERCENT / 100;
    ring =
        new Disruptor<>(
            () -> new Slot(settings.maxFrameCells(), cellsPerBelt),
            RING_SLOTS,
            runnable -> {
              Thread thread = new Thread(runnable, "replay-analysis");
              thread.setDaemon(true);
              return thread;
            },
            ProducerType.SINGLE,
            new SleepingWaitStrategy());
    ring.handleEventsWith((slot, sequence, endOfBatch) -> analyse(slot));
    ring.setDefaultExceptionHandler(new FailureKeeper());
    slots = ring.start();
  }

  /**
   * Replays {@code journal} (whose setup is {@code setup}) up to its last good record, handing
   * every completed step to {@code consumer}, on the replay's analysing thread, in the order the
   * live pipeline completed them. Returns when every step was handed over, with what the journal
   * said of the live steps table: its origin may come after the first steps (docs/JOURNAL.md).
   *
   * @throws IOException when the file cannot be read
   * @throws RuntimeException what a stage or the consumer threw on the analysing thread; the replay
   *     stops there
   */
  public static ReplayOutcome run(
      Path journal, ReplaySetup setup, StepSubscription.StepConsumer consumer) throws IOException {
    JournalReplay replay = new JournalReplay(setup, consumer);
    JournalReadResult read;
    try {
      read = JournalReader.read(journal, replay::onRecord);
    } finally {
      replay.ring.shutdown();
      replay.cells.close();
    }
    Throwable failure = replay.failure;
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return new ReplayOutcome(
        read,
        replay.events,
        replay.stepsCompleted,
        replay.firstInputNs,
        replay.lastInputNs,
        replay.stepsOriginNs,
        replay.stepsTableRows);
  }

  /**
   * Reading thread: decodes a ring input into the next slot and hands it over; keeps what the
   * session wrote of its steps table.
   */
  private void onRecord(JournalRecord record) {
    if (record.type() == JournalRecordType.STEPS_TABLE) {
      stepsOriginNs = record.payload().getLong(8);
      stepsTableRows = record.payload().getLong(16); // the table's close comes after its open
      return;
    }
    if (record.type() == null || !isRingInput(record.type()) || failure != null) {
      return; // Derived records and the other threads' records are not ring inputs.
    }
    if (firstInputNs == ReplayOutcome.NONE) {
      firstInputNs = record.timeNs();
    }
    lastInputNs = record.timeNs();
    long sequence = slots.next();
    Slot slot = slots.get(sequence);
    slot.filled = false;
    try {
      fill(slot.event, record);
      if (record.type() == JournalRecordType.PRESSURE_FRAME) {
        headStart.begin(slot.event, slot.head, headStartCells);
      }
      slot.arrivalNs = record.timeNs();
      slot.filled = true;
    } finally {
      slots.publish(sequence); // a claimed slot must be published; one not filled is skipped
    }
  }

  private static boolean isRingInput(JournalRecordType type) {
    return switch (type) {
      case PRESSURE_FRAME,
              LOAD_SAMPLE,
              DRIVE_STATUS,
              BWS_STATUS,
              CONTROL_TICK,
              RING_OPERATOR_COMMAND ->
          true;
      default -> false;
    };
  }

  private void fill(RingEvent event, JournalRecord record) {
    ByteBuffer p = record.payload();
    switch (record.type()) {
      case PRESSURE_FRAME -> frame(event, record);
      case LOAD_SAMPLE ->
          RingTranslators.loadSample(
              event, p.getLong(0), p.getLong(8), p.getLong(16), p.getInt(24), p.getInt(28));
      case DRIVE_STATUS -> RingTranslators.driveStatus(event, p.getLong(0), driveStatus(p));
      case BWS_STATUS -> RingTranslators.bwsStatus(event, p.getLong(0), bwsStatus(p));
      case CONTROL_TICK -> RingTranslators.controlTick(event, p.getLong(0), p.getLong(8));
      case RING_OPERATOR_COMMAND ->
          RingTranslators.operatorCommand(
              event, p.getLong(0), OperatorCommand.values()[p.get(8)], p.getDouble(9));
      default -> throw new IllegalArgumentException("not a ring input: " + record.type());
    }
  }

  private void frame(RingEvent event, JournalRecord record) {
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

  /** Analysing thread: the stages on one input, then the step it completed, if any. */
  private void analyse(Slot slot) {
    if (failure != null || !slot.filled) {
      return; // After a failure the reader stops handing over; what is in flight is skipped.
    }
    nowNs = slot.arrivalNs;
    stages.process(slot.event, events++);
    stepsCompleted +=
        steps.drain(
            (step, symmetry, frameArrivalNs) -> consumer.accept(step, symmetry, frameArrivalNs));
  }

  /** Keeps the first exception of the analysing thread for the caller; the thread goes on idle. */
  private final class FailureKeeper implements ExceptionHandler<Slot> {
    @Override
    public void handleEventException(Throwable ex, long sequence, Slot slot) {
      if (failure == null) {
        failure = ex;
      }
    }

    @Override
    public void handleOnStartException(Throwable ex) {
      failure = ex;
    }

    @Override
    public void handleOnShutdownException(Throwable ex) {
      if (failure == null) {
        failure = ex;
      }
    }
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
