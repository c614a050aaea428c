package org.gaitctl.core.contact;

import java.util.Arrays;

/**
 * Assigns the footprints of a single belt to the left and right foot, frame after frame.
 *
 * <p>A planted foot moves less than a cell per frame, so a footprint that overlaps cells the left
 * foot held in the previous frame is the left foot, wherever it is across the belt: this keeps
 * tracking through a foot crossing the midline. A footprint that overlaps both feet's cells (feet
 * touching in double support) is split cell by cell, by previous owner and else by the nearer foot.
 * A footprint that overlaps nothing is either a part of a foot already loaded in this frame
 * (forefoot landing apart from the heel: together no longer and wider than a foot, and not half a
 * foot's width towards the other foot) or a new contact. A new contact goes to the foot that is not
 * on the belt: in walking the other foot is planted further back, which is the alternation of
 * steps. Only when both feet are off the belt (start, after a gap) does position across the belt
 * decide, against each foot's last known position, else the midline.
 *
 * <p>Single-threaded; allocation-free after construction.
 */
final class FootAssigner {

  private static final byte NONE = 0;
  private static final byte LEFT = 1;
  private static final byte RIGHT = 2;
  private static final int PENDING = -1;
  private static final int NOISE = -2;

  private final PressureGrid grid;
  private final ContactSettings settings;
  private final int cols;

  private byte[] previousOwner;
  private byte[] owner;
  private final int[] assignment;

  /** Per foot (index 1 left, 2 right; 0 unused): this frame's sums. */
  final double[] loadCounts = new double[3];

  final double[] rowMoment = new double[3];
  final double[] colMoment = new double[3];
  final int[] cellCount = new int[3];
  private final int[] minRow = new int[3];
  private final int[] maxRow = new int[3];

  /** Per foot: the previous frame's cell count. */
  private final int[] previousCells = new int[3];

  private final double[] lastRow = new double[3];
  private final double[] lastCol = new double[3];
  private final boolean[] positionKnown = new boolean[3];

  private long newContacts;
  private long splitFootprints;

  FootAssigner(PressureGrid grid, ContactSettings settings) {
    this.grid = grid;
    this.settings = settings;
    this.cols = grid.cols();
    previousOwner = new byte[grid.cellsPerBelt()];
    owner = new byte[grid.cellsPerBelt()];
    assignment = new int[settings.maxFootprints()];
  }

  /** Assigns this frame's footprints; the sums per foot are then in the public arrays. */
  void assign(FootprintLabeler labeler, float[] netCounts, double newtonsPerCount) {
    Arrays.fill(owner, NONE);
    for (int foot = LEFT; foot <= RIGHT; foot++) {
      loadCounts[foot] = 0;
      rowMoment[foot] = 0;
      colMoment[foot] = 0;
      cellCount[foot] = 0;
      minRow[foot] = Integer.MAX_VALUE;
      maxRow[foot] = Integer.MIN_VALUE;
    }
    int footprints = labeler.footprints();
    double minLoadCounts = settings.minFootprintForceN() / newtonsPerCount;
    for (int f = 0; f < footprints; f++) {
      assignment[f] = labeler.loadCounts[f] < minLoadCounts ? NOISE : PENDING;
      if (assignment[f] == NOISE) {
        continue;
      }
      int overlapLeft = 0;
      int overlapRight = 0;
      for (int i = labeler.first[f], end = i + labeler.size[f]; i < end; i++) {
        byte before = previousOwner[labeler.cells[i]];
        if (before == LEFT) {
          overlapLeft++;
        } else if (before == RIGHT) {
          overlapRight++;
        }
      }
      if (overlapLeft > 0 && overlapRight > 0) {
        split(labeler, f, netCounts);
      } else if (overlapLeft > 0 || overlapRight > 0) {
        byte foot = overlapLeft > 0 ? LEFT : RIGHT;
        byte other = foot == LEFT ? RIGHT : LEFT;
        if (previousCells[other] == 0 && longerThanAFoot(labeler, f)) {
          splitNewContact(labeler, f, foot, other, netCounts);
        } else {
          give(labeler, f, foot, netCounts);
        }
      }
    }
    for (int f = 0; f < footprints; f++) {
      if (assignment[f] == PENDING) {
        give(labeler, f, footForNewFootprint(labeler, f), netCounts);
      }
    }
    for (int foot = LEFT; foot <= RIGHT; foot++) {
      previousCells[foot] = cellCount[foot];
      if (cellCount[foot] > 0) {
        lastRow[foot] = rowMoment[foot] / loadCounts[foot];
        lastCol[foot] = colMoment[foot] / loadCounts[foot];
        positionKnown[foot] = true;
      }
    }
    byte[] swap = previousOwner;
    previousOwner = owner;
    owner = swap;
  }

  private byte footForNewFootprint(FootprintLabeler labeler, int f) {
    double row = labeler.rowMoment[f] / labeler.loadCounts[f];
    double col = labeler.colMoment[f] / labeler.loadCounts[f];
    boolean partOfLeft = isPartOf(labeler, f, col, LEFT);
    boolean partOfRight = isPartOf(labeler, f, col, RIGHT);
    if (partOfLeft != partOfRight) {
      return partOfLeft ? LEFT : RIGHT;
    }
    boolean leftFree = cellCount[LEFT] == 0;
    boolean rightFree = cellCount[RIGHT] == 0;
    if (leftFree != rightFree) {
      newContacts++;
      return leftFree ? LEFT : RIGHT;
    }
    if (leftFree) {
      newContacts++;
      if (positionKnown[LEFT] && positionKnown[RIGHT] && lastCol[LEFT] != lastCol[RIGHT]) {
        double midCol = 0.5 * (lastCol[LEFT] + lastCol[RIGHT]);
        boolean leftIsLeftward = lastCol[LEFT] < lastCol[RIGHT];
        return (col < midCol) == leftIsLeftward ? LEFT : RIGHT;
      }
      return col < 0.5 * (cols - 1) ? LEFT : RIGHT;
    }
    return distanceM(row, col, LEFT) <= distanceM(row, col, RIGHT) ? LEFT : RIGHT;
  }

  private boolean isPartOf(FootprintLabeler labeler, int f, double col, byte foot) {
    if (cellCount[foot] == 0) {
      return false;
    }
    int spanRows =
        Math.max(maxRow[foot], labeler.maxRow[f]) - Math.min(minRow[foot], labeler.minRow[f]) + 1;
    double footCol = colMoment[foot] / loadCounts[foot];
    double acrossM = (col - footCol) * grid.pitchXM();
    return spanRows * grid.pitchYM() <= settings.maxFootLengthM()
        && Math.abs(acrossM) <= settings.maxFootWidthM()
        && acrossM * sideOfOtherFoot(foot, footCol) <= 0.5 * settings.maxFootWidthM();
  }

  /**
   * +1 when the other foot is (or, off the belt, was last) at higher columns than {@code footCol},
   * −1 when at lower ones, 0 when its position is not known. A foot's own forefoot lands beside its
   * heel or outward (toe-out), never half a foot's width towards the other foot: a region that far
   * towards the other foot is the other foot landing. At 25 % step-length asymmetry the short step
   * puts the swinging heel within a foot's length of the planted forefoot and, with a narrow step
   * width, within a foot's width across: length and width alone took it for the planted foot.
   */
  private int sideOfOtherFoot(byte foot, double footCol) {
    byte other = foot == LEFT ? RIGHT : LEFT;
    double otherCol;
    if (cellCount[other] > 0) {
      otherCol = colMoment[other] / loadCounts[other];
    } else if (positionKnown[other]) {
      otherCol = lastCol[other];
    } else {
      return 0;
    }
    return (int) Math.signum(otherCol - footCol);
  }

  private double distanceM(double row, double col, byte foot) {
    double footRow = cellCount[foot] > 0 ? rowMoment[foot] / loadCounts[foot] : lastRow[foot];
    double footCol = cellCount[foot] > 0 ? colMoment[foot] / loadCounts[foot] : lastCol[foot];
    return Math.hypot((row - footRow) * grid.pitchYM(), (col - footCol) * grid.pitchXM());
  }

  private void give(FootprintLabeler labeler, int f, byte foot, float[] netCounts) {
    assignment[f] = foot;
    for (int i = labeler.first[f], end = i + labeler.size[f]; i < end; i++) {
      addCell(labeler.cells[i], foot, netCounts);
    }
  }

  private void split(FootprintLabeler labeler, int f, float[] netCounts) {
    splitFootprints++;
    assignment[f] = LEFT;
    for (int i = labeler.first[f], end = i + labeler.size[f]; i < end; i++) {
      int cell = labeler.cells[i];
      byte foot = previousOwner[cell];
      if (foot == NONE) {
        int row = cell / cols;
        int col = cell - row * cols;
        foot =
            Math.hypot(
                        (row - lastRow[LEFT]) * grid.pitchYM(),
                        (col - lastCol[LEFT]) * grid.pitchXM())
                    <= Math.hypot(
                        (row - lastRow[RIGHT]) * grid.pitchYM(),
                        (col - lastCol[RIGHT]) * grid.pitchXM())
                ? LEFT
                : RIGHT;
      }
      addCell(cell, foot, netCounts);
    }
  }

  private boolean longerThanAFoot(FootprintLabeler labeler, int f) {
    return (labeler.maxRow[f] - labeler.minRow[f] + 1) * grid.pitchYM() > settings.maxFootLengthM();
  }

  /**
   * A region that holds the cells of one foot and more than a foot's length, while the other foot
   * was off the belt: the other foot has landed touching it. Cells the foot held, or touching a
   * cell it held (a planted foot moves less than a cell per frame), stay with it; the rest are the
   * new contact.
   */
  private void splitNewContact(
      FootprintLabeler labeler, int f, byte foot, byte other, float[] netCounts) {
    splitFootprints++;
    newContacts++;
    assignment[f] = foot;
    for (int i = labeler.first[f], end = i + labeler.size[f]; i < end; i++) {
      int cell = labeler.cells[i];
      addCell(cell, touchesPrevious(cell, foot) ? foot : other, netCounts);
    }
  }

  private boolean touchesPrevious(int cell, byte foot) {
    int row = cell / cols;
    int col = cell - row * cols;
    for (int r = Math.max(0, row - 1); r <= Math.min(grid.rows() - 1, row + 1); r++) {
      for (int c = Math.max(0, col - 1); c <= Math.min(cols - 1, col + 1); c++) {
        if (previousOwner[r * cols + c] == foot) {
          return true;
        }
      }
    }
    return false;
  }

  private void addCell(int cell, byte foot, float[] netCounts) {
    int row = cell / cols;
    int col = cell - row * cols;
    double load = netCounts[cell];
    owner[cell] = foot;
    loadCounts[foot] += load;
    rowMoment[foot] += load * row;
    colMoment[foot] += load * col;
    cellCount[foot]++;
    minRow[foot] = Math.min(minRow[foot], row);
    maxRow[foot] = Math.max(maxRow[foot], row);
  }

  /** Footprints that appeared without overlapping a foot of the previous frame. */
  long newContacts() {
    return newContacts;
  }

  /** Footprints that held both feet and were split cell by cell. */
  long splitFootprints() {
    return splitFootprints;
  }
}
