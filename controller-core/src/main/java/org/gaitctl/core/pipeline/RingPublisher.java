package org.gaitctl.core.pipeline;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import java.nio.ByteBuffer;
import java.util.Objects;
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
 * in {@code finally}; none blocks or allocates. A full ring is never waited on (a device reader
 * must not stall): the input is dropped, counted in {@link
 * PipelineCounter#EVENTS_DROPPED_RING_FULL} and raises {@link PipelineFaultKind#RING_FULL}.
 */
public final class RingPublisher implements PressureFrameSink, LoadSampleSink {

  private static final long NOT_CLAIMED = -1L;

  private final RingBuffer<RingEvent> ring;
  private final PipelineCounters counters;
  private final PipelineFaults faults;
  private final int maxFrameCells;
  private final int maxBelts;

  RingPublisher(
      RingBuffer<RingEvent> ring,
      PipelineCounters counters,
      PipelineFaults faults,
      int maxFrameCells,
      int maxBelts) {
    this.ring = ring;
    this.counters = counters;
    this.faults = faults;
    this.maxFrameCells = maxFrameCells;
    this.maxBelts = maxBelts;
  }

  /**
   * Publishes one belt's frame. A frame with a belt index, geometry or buffer that does not fit is
   * refused before a slot is claimed, counted in {@link PipelineCounter#FRAMES_REJECTED} and raises
   * {@link PipelineFaultKind#FRAME_REJECTED}.
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
    if (!frameFits(belt, rows, cols, cellsLittleEndian)) {
      counters.incrementAtomic(PipelineCounter.FRAMES_REJECTED);
      faults.raise(
          PipelineFaultKind.FRAME_REJECTED,
          "pressure frame publisher",
          -1,
          "frame refused: belt "
              + belt
              + ", "
              + rows
              + "x"
              + cols
              + " cells, "
              + cellsLittleEndian.remaining()
              + " bytes; slot holds "
              + maxFrameCells
              + " cells of "
              + maxBelts
              + " belt(s)",
          null);
      return;
    }
    long sequence = claim("pressure frame publisher");
    if (sequence == NOT_CLAIMED) {
      return;
    }
    try {
      RingTranslators.pressureFrame(
          ring.get(sequence), arrivalNs, seq, deviceTimeUs, belt, rows, cols, cellsLittleEndian);
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
    } finally {
      ring.publish(sequence);
    }
  }

  /** Publishes one read of the drive's status (also a failed read); the poller's thread. */
  public void publishDriveStatus(long arrivalNs, DriveStatus status) {
    Objects.requireNonNull(status, "status");
    long sequence = claim("drive status publisher");
    if (sequence == NOT_CLAIMED) {
      return;
    }
    try {
      RingTranslators.driveStatus(ring.get(sequence), arrivalNs, status);
    } finally {
      ring.publish(sequence);
    }
  }

  /** Publishes one read of the BWS unit's status (also a failed read); the poller's thread. */
  public void publishBwsStatus(long arrivalNs, BwsStatus status) {
    Objects.requireNonNull(status, "status");
    long sequence = claim("BWS status publisher");
    if (sequence == NOT_CLAIMED) {
      return;
    }
    try {
      RingTranslators.bwsStatus(ring.get(sequence), arrivalNs, status);
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
    } finally {
      ring.publish(sequence);
    }
  }

  private boolean frameFits(int belt, int rows, int cols, ByteBuffer cells) {
    if (belt < 0 || belt >= maxBelts || rows <= 0 || cols <= 0) {
      return false;
    }
    long cellCount = (long) rows * cols;
    return cellCount <= maxFrameCells && cells.remaining() >= 2 * cellCount;
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
