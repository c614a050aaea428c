package org.gaitctl.core.pipeline;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.DriveStatus;

/**
 * Static translators that fill a claimed slot. Each first marks the slot unfilled ({@link
 * EventKind#NONE}) and clears the stage outputs, then writes the payload, and sets the kind last.
 * Allocation-free; they never throw for inputs the publisher has checked (a frame must fit the
 * slot: {@code rows*cols} cells and as many u16 in the buffer).
 *
 * <p>{@link RingPublisher} uses them between claim and publish; a {@link StageSequence} driver uses
 * them directly on its own events. The caller's thread owns the event while it is filled.
 */
public final class RingTranslators {

  private RingTranslators() {}

  /**
   * Copies {@code rows*cols} little-endian u16 cells from {@code cells} (from its position, which
   * is left unchanged) into the slot's array.
   */
  public static void pressureFrame(
      RingEvent event,
      long arrivalNs,
      long seq,
      long deviceTimeUs,
      int belt,
      int rows,
      int cols,
      ByteBuffer cells) {
    event.beginFill();
    event.header(arrivalNs, seq, deviceTimeUs);
    PressureFrame frame = event.frame();
    frame.geometry(belt, rows, cols);
    char[] target = frame.cells();
    int count = rows * cols;
    int position = cells.position();
    // Absolute reads: no view buffer (it would allocate) and the caller's position is untouched.
    if (cells.order() == ByteOrder.LITTLE_ENDIAN) {
      for (int i = 0; i < count; i++) {
        target[i] = cells.getChar(position + 2 * i);
      }
    } else {
      for (int i = 0; i < count; i++) {
        target[i] = Character.reverseBytes(cells.getChar(position + 2 * i));
      }
    }
    event.kind(EventKind.PRESSURE_FRAME);
  }

  /**
   * A pressure frame whose cells the caller has already written to {@code event.frame().cells()}: a
   * replay decodes a journaled frame in place instead of copying it once more.
   */
  public static void pressureFrameInPlace(
      RingEvent event, long arrivalNs, long seq, long deviceTimeUs, int belt, int rows, int cols) {
    event.beginFill();
    event.header(arrivalNs, seq, deviceTimeUs);
    event.frame().geometry(belt, rows, cols);
    event.kind(EventKind.PRESSURE_FRAME);
  }

  public static void loadSample(
      RingEvent event, long arrivalNs, long seq, long deviceTimeUs, int forceCn, int flags) {
    event.beginFill();
    event.header(arrivalNs, seq, deviceTimeUs);
    event.loadSample().set(forceCn, flags);
    event.kind(EventKind.LOAD_SAMPLE);
  }

  public static void driveStatus(RingEvent event, long arrivalNs, DriveStatus status) {
    event.beginFill();
    event.header(arrivalNs, 0, 0);
    event
        .drive()
        .set(
            status.result().isOk(),
            status.running(),
            status.fault(),
            status.estopOpen(),
            status.safetyKeyOut(),
            status.watchdogTripped(),
            status.speedMps(),
            status.speedRightMps(),
            status.inclinePercent(),
            status.faultCode());
    event.kind(EventKind.DRIVE_STATUS);
  }

  public static void bwsStatus(RingEvent event, long arrivalNs, BwsStatus status) {
    event.beginFill();
    event.header(arrivalNs, 0, 0);
    event
        .bws()
        .set(
            status.result().isOk(),
            status.enabled(),
            status.fault(),
            status.holding(),
            status.overload(),
            status.forceN(),
            status.cablePositionM(),
            status.faultCode());
    event.kind(EventKind.BWS_STATUS);
  }

  public static void controlTick(RingEvent event, long tickNs, long tick) {
    event.beginFill();
    event.header(tickNs, tick, 0);
    event.controlTick(tick);
    event.kind(EventKind.CONTROL_TICK);
  }

  public static void operatorCommand(
      RingEvent event, long issuedNs, OperatorCommand command, double argument) {
    event.beginFill();
    event.header(issuedNs, 0, 0);
    event.command(command, argument);
    event.kind(EventKind.OPERATOR_COMMAND);
  }
}
