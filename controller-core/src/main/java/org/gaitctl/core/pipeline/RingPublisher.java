package org.gaitctl.core.pipeline;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.gaitctl.core.contact.PressureGrid;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.port.LoadSampleSink;
import org.gaitctl.core.port.PressureFrameSink;

/**
 * The producers' side of the ring: the belt and load-cell readers call it as their sinks, the
 * Modbus status poller, the control clock and the operator console call its publish methods. Any
 * number of threads may call it at once (multi-producer ring).
 *
 * <p>Every method claims a slot without waiting, fills it with a static translator and publishes it
 * in {@code finally}; none blocks or allocates. Should a translator throw, the slot goes out
 * unfilled (skipped by every stage), counted in {@link PipelineCounter#EVENTS_UNFILLED} and raising
 * {@link PipelineFaultKind#TRANSLATOR_FAILED}, and the exception reaches the producer. A full ring
 * is never waited on (a device reader must not stall): the input is dropped, counted in {@link
 * PipelineCounter#EVENTS_DROPPED_RING_FULL} and raises {@link PipelineFaultKind#RING_FULL}.
 */
public final class RingPublisher implements PressureFrameSink, LoadSampleSink {

  private static final long NOT_CLAIMED = -1L;

  private final RingBuffer<RingEvent> ring;
  private final PipelineCounters counters;
  private final PipelineFaults faults;
  private final PressureGrid grid;

  /**
   * @param grid the geometry the belt unit announced; its frames fit the slots ({@link
   *     PipelineSettings#checkGrid})
   */
  RingPublisher(
      RingBuffer<RingEvent> ring,
      PipelineCounters counters,
      PipelineFaults faults,
      PressureGrid grid) {
    this.ring = ring;
    this.counters = counters;
    this.faults = faults;
    this.grid = grid;
  }

  /**
   * Publishes one belt's frame. A frame of a belt the unit did not announce, whose rows x columns
   * differ from the announced grid, or whose buffer is short, is refused before a slot is claimed:
   * counted in {@link PipelineCounter#FRAMES_REJECTED} and in its reason's counter ({@link
   * FrameRejection}), and raises {@link PipelineFaultKind#FRAME_REJECTED}.
   */
  @Override
  public void onPressureFrame(
      long arrivalNs,
      long seq,
      long deviceTimeUs,
      int belt,
      int rows,
      int cols,
      ByteBuffer cellsLittleEndian) {
    FrameRejection rejection = check(belt, rows, cols, cellsLittleEndian);
    if (rejection != null) {
      reject(rejection, belt, rows, cols, cellsLittleEndian);
      return;
    }
    long sequence = claim("pressure frame publisher");
    if (sequence == NOT_CLAIMED) {
      return;
    }
    try {
      RingTranslators.pressureFrame(
          ring.get(sequence), arrivalNs, seq, deviceTimeUs, belt, rows, cols, cellsLittleEndian);
    } catch (RuntimeException translatorFailed) {
      unfilled("pressure frame publisher", sequence, translatorFailed);
      throw translatorFailed;
    } finally {
      ring.publish(sequence);
    }
  }

  @Override
  public void onLoadSample(long arrivalNs, long seq, long deviceTimeUs, int forceCn, int flags) {
    long sequence = claim("load sample publisher");
    if (sequence == NOT_CLAIMED) {
      return;
    }
    try {
      RingTranslators.loadSample(ring.get(sequence), arrivalNs, seq, deviceTimeUs, forceCn, flags);
    } catch (RuntimeException translatorFailed) {
      unfilled("load sample publisher", sequence, translatorFailed);
      throw translatorFailed;
    } finally {
      ring.publish(sequence);
    }
  }

  /**
   * Publishes one read of the drive's status, so that the gait analysis has the belt speed and the
   * snapshot the drive state without anyone republishing it. The status poller calls it on every
   * good read, from its own thread (a failed read, if published, is kept out of the snapshot and
   * not counted as fresh); safe alongside every other producer; allocation-free.
   *
   * @param readNs host time the read completed, ns
   */
  public void publishDriveStatus(long readNs, DriveStatus status) {
    Objects.requireNonNull(status, "status");
    long sequence = claim("drive status publisher");
    if (sequence == NOT_CLAIMED) {
      return;
    }
    try {
      RingTranslators.driveStatus(ring.get(sequence), readNs, status);
    } catch (RuntimeException translatorFailed) {
      unfilled("drive status publisher", sequence, translatorFailed);
      throw translatorFailed;
    } finally {
      ring.publish(sequence);
    }
  }

  /**
   * Publishes one read of the BWS unit's status; as {@link #publishDriveStatus}, from the BWS
   * poller's thread.
   *
   * @param readNs host time the read completed, ns
   */
  public void publishBwsStatus(long readNs, BwsStatus status) {
    Objects.requireNonNull(status, "status");
    long sequence = claim("BWS status publisher");
    if (sequence == NOT_CLAIMED) {
      return;
    }
    try {
      RingTranslators.bwsStatus(ring.get(sequence), readNs, status);
    } catch (RuntimeException translatorFailed) {
      unfilled("BWS status publisher", sequence, translatorFailed);
      throw translatorFailed;
    } finally {
      ring.publish(sequence);
    }
  }

  /** Publishes tick number {@code tick} of the control clock, issued at {@code tickNs}. */
  public void publishControlTick(long tickNs, long tick) {
    long sequence = claim("control clock");
    if (sequence == NOT_CLAIMED) {
      return;
    }
    try {
      RingTranslators.controlTick(ring.get(sequence), tickNs, tick);
    } catch (RuntimeException translatorFailed) {
      unfilled("control clock", sequence, translatorFailed);
      throw translatorFailed;
    } finally {
      ring.publish(sequence);
    }
  }

  /** Publishes an operator command with its argument (0 where it takes none). */
  public void publishOperatorCommand(long issuedNs, OperatorCommand command, double argument) {
    Objects.requireNonNull(command, "command");
    long sequence = claim("operator command publisher");
    if (sequence == NOT_CLAIMED) {
      return;
    }
    try {
      RingTranslators.operatorCommand(ring.get(sequence), issuedNs, command, argument);
    } catch (RuntimeException translatorFailed) {
      unfilled("operator command publisher", sequence, translatorFailed);
      throw translatorFailed;
    } finally {
      ring.publish(sequence);
    }
  }

  /** The reason to refuse the frame, or null when it matches the announced grid. */
  private FrameRejection check(int belt, int rows, int cols, ByteBuffer cells) {
    if (belt < 0 || belt >= grid.belts()) {
      return FrameRejection.UNKNOWN_BELT;
    }
    if (rows != grid.rows() || cols != grid.cols()) {
      return FrameRejection.GRID_MISMATCH;
    }
    if (cells.remaining() < 2 * grid.cellsPerBelt()) {
      return FrameRejection.SHORT_BUFFER;
    }
    return null;
  }

  private void reject(FrameRejection rejection, int belt, int rows, int cols, ByteBuffer cells) {
    counters.incrementAtomic(PipelineCounter.FRAMES_REJECTED);
    counters.incrementAtomic(rejection.counter());
    faults.raise(
        PipelineFaultKind.FRAME_REJECTED,
        "pressure frame publisher",
        -1,
        "frame refused ("
            + rejection
            + "): belt "
            + belt
            + ", "
            + rows
            + "x"
            + cols
            + " cells, "
            + cells.remaining()
            + " bytes; the unit announced "
            + grid.belts()
            + " belt(s) of "
            + grid.rows()
            + "x"
            + grid.cols(),
        null);
  }

  /** Counts and raises a slot that goes out unfilled; the caller rethrows to its producer. */
  private void unfilled(String producer, long sequence, RuntimeException cause) {
    counters.incrementAtomic(PipelineCounter.EVENTS_UNFILLED);
    faults.raise(
        PipelineFaultKind.TRANSLATOR_FAILED,
        producer,
        sequence,
        "slot published unfilled, input lost: " + cause,
        cause);
  }

  private long claim(String producer) {
    try {
      return ring.tryNext();
    } catch (InsufficientCapacityException ringFull) {
      counters.incrementAtomic(PipelineCounter.EVENTS_DROPPED_RING_FULL);
      faults.raise(
          PipelineFaultKind.RING_FULL,
          producer,
          ring.getCursor(),
          "ring of " + ring.getBufferSize() + " slots full, input dropped",
          null);
      return NOT_CLAIMED;
    }
  }
}
