package org.gaitctl.core.pipeline;

/**
 * A ring slot's input part for one belt's pressure frame: cells in 0.01 N/cm², row-major, row 0
 * anterior.
 */
public final class PressureFrame {
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
