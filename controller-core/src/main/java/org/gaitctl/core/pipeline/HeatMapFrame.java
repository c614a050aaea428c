package org.gaitctl.core.pipeline;

import org.gaitctl.core.time.ArrivalTime;

/**
 * One belt's pressure frame as a heat map reads it: a preallocated buffer of {@link
 * HeatMapExchange}, filled by the chart stage and then handed to the reader whole.
 */
public final class HeatMapFrame {

  private final char[] cells;
  private int rows;
  private int cols;
  private long arrivalNs = ArrivalTime.NONE;
  private long deviceSeq;

  HeatMapFrame(int maxCells) {
    this.cells = new char[maxCells];
  }

  void copyFrom(PressureFrame frame, long frameArrivalNs, long frameDeviceSeq) {
    rows = frame.rows();
    cols = frame.cols();
    System.arraycopy(frame.cells(), 0, cells, 0, rows * cols);
    arrivalNs = frameArrivalNs;
    deviceSeq = frameDeviceSeq;
  }

  /** Host arrival of the frame, ns; {@link ArrivalTime#NONE} while no frame has arrived. */
  public long arrivalNs() {
    return arrivalNs;
  }

  /** The belt unit's sequence number of the frame. */
  public long deviceSeq() {
    return deviceSeq;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** Cell at {@code row}, {@code col}, 0.01 N/cm²; row 0 anterior. */
  public int cell(int row, int col) {
    return cells[row * cols + col];
  }
}
