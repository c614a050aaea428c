package org.gaitctl.core.contact;

import org.gaitctl.core.gait.FootSample;
import org.gaitctl.core.gait.Side;

/**
 * Foot-contact stage: turns a pressure frame into each foot's vertical force, centre of pressure
 * and contact area.
 *
 * <pre>
 *  frame ─▶ CellBaseline (net counts, per-cell zero follows unloaded cells)
 *        ─▶ FootprintLabeler (connected loaded regions)
 *        ─▶ split belt: belt 0 = left, belt 1 = right
 *           single belt: FootAssigner (overlap tracking, fragments, alternation)
 *        ─▶ × N per count × drift gain (DriftCompensator) ─▶ FootSample left / right
 * </pre>
 *
 * <p>Single-threaded: the pipeline's foot-contact handler (or the offline analysis) calls it for
 * every frame in order. The one exception is a replay's head start: {@link #netHead} on the thread
 * that reads the journal, ahead of {@link #finish} on the analysing thread; the baseline of a cell
 * only ever depends on the earlier frames of its belt, so that part can run ahead. Allocation-free
 * after construction; never blocks.
 */
public final class FootContactEstimator {

  /** Bit in the {@link #onFrame} result: the left foot's sample was updated. */
  public static final int LEFT_UPDATED = 1;

  /** Bit in the {@link #onFrame} result: the right foot's sample was updated. */
  public static final int RIGHT_UPDATED = 2;

  private final PressureGrid grid;
  private final ContactSettings settings;
  private final DriftCompensator drift;
  private final double newtonsPerCount;
  private final CellBaseline[] baselines;
  private final NetFrame[] wholeFrames;

  /** The heads {@link #onFrame} starts its frames with: the baselines' step, no cell netted. */
  private final NettedHead[] wholeFrameHeads;

  private final FootprintLabeler[] labelers;
  private final FootAssigner assigner;
  private final FootSample left = new FootSample();
  private final FootSample right = new FootSample();
  private long frames;
  private long rejectedFrames;

  public FootContactEstimator(PressureGrid grid, ContactSettings settings, DriftCompensator drift) {
    this.grid = grid;
    this.settings = settings;
    this.drift = drift;
    this.newtonsPerCount = grid.newtonsPerCount();
    int belts = grid.belts();
    baselines = new CellBaseline[belts];
    wholeFrames = new NetFrame[belts];
    wholeFrameHeads = new NettedHead[belts];
    labelers = new FootprintLabeler[belts];
    for (int b = 0; b < belts; b++) {
      baselines[b] = new CellBaseline(grid.cellsPerBelt(), settings.baselineTimeConstantS());
      wholeFrames[b] = new NetFrame(grid.cellsPerBelt());
      wholeFrameHeads[b] = new NettedHead(0);
      labelers[b] = new FootprintLabeler(grid.rows(), grid.cols(), settings.maxFootprints());
    }
    assigner = belts == 1 ? new FootAssigner(grid, settings) : null;
    left.clear(0);
    right.clear(0);
  }

  /**
   * Processes one frame of one belt.
   *
   * @param timeNs the frame's time (host arrival or device time mapped to ns)
   * @param belt 0 (left or only belt) or 1 (right belt of a split belt)
   * @param cells {@code rows*cols} u16 counts, row-major, from {@code offset}
   * @return {@link #LEFT_UPDATED} and/or {@link #RIGHT_UPDATED}; 0 if the frame was rejected (belt
   *     index outside the grid), which is counted
   */
  public int onFrame(long timeNs, int belt, char[] cells, int offset) {
    NettedHead noHead = wholeFrameHeads[belt >= 0 && belt < grid.belts() ? belt : 0];
    netHead(timeNs, belt, cells, offset, 0, noHead);
    return finish(timeNs, cells, offset, noHead);
  }

  /**
   * Starts a frame of {@code belt} sampled at {@code timeNs} (the belt's baselines take their step
   * for it) and nets its cells below {@code upToCell} into {@code head}, for {@link #finish} to end
   * on another thread. Frames of a belt must be started in order, each after the last one's head. A
   * frame that does not fit the grid is remembered as such and rejected by {@link #finish}.
   */
  public void netHead(
      long timeNs, int belt, char[] cells, int offset, int upToCell, NettedHead head) {
    head.fits = belt >= 0 && belt < grid.belts() && cells.length - offset >= grid.cellsPerBelt();
    head.belt = belt;
    head.loaded = 0;
    head.nettedCells = 0;
    if (!head.fits) {
      return;
    }
    CellBaseline baseline = baselines[belt];
    head.alpha = baseline.advance(timeNs);
    head.nettedCells = Math.min(upToCell, grid.cellsPerBelt());
    head.loaded =
        baseline.apply(
            head.alpha,
            cells,
            offset,
            0,
            head.nettedCells,
            settings.cellThresholdCounts(),
            head.loadedCells,
            head.loadedNetCounts,
            0);
  }

  /**
   * Ends a started frame: nets the cells its head left, labels the footprints, assigns them to the
   * feet and corrects for drift.
   *
   * @return {@link #LEFT_UPDATED} and/or {@link #RIGHT_UPDATED}; 0 if the frame was rejected (belt
   *     index outside the grid, too few cells), which is counted
   */
  public int finish(long timeNs, char[] cells, int offset, NettedHead head) {
    if (!head.fits) {
      rejectedFrames++;
      return 0;
    }
    frames++;
    int belt = head.belt;
    NetFrame frame = wholeFrames[belt];
    frame.clear();
    frame.listHead(head);
    frame.loaded =
        baselines[belt].apply(
            head.alpha,
            cells,
            offset,
            head.nettedCells,
            grid.cellsPerBelt(),
            settings.cellThresholdCounts(),
            frame.loadedCells,
            frame.loadedNetCounts,
            frame.loaded);
    frame.spread();
    float[] net = frame.netCounts;
    FootprintLabeler labeler = labelers[belt];
    labeler.label(net, settings.cellThresholdCounts(), frame.loadedCells, frame.loaded);
    if (assigner != null) {
      assigner.assign(labeler, net, newtonsPerCount);
      double rawLeftN = assigner.loadCounts[1] * newtonsPerCount;
      double rawRightN = assigner.loadCounts[2] * newtonsPerCount;
      drift.onFootForce(Side.LEFT, timeNs, rawLeftN);
      drift.onFootForce(Side.RIGHT, timeNs, rawRightN);
      write(left, timeNs, 0, assigner, 1);
      write(right, timeNs, 0, assigner, 2);
      return LEFT_UPDATED | RIGHT_UPDATED;
    }
    FootSample foot = belt == 0 ? left : right;
    writeWholeBelt(foot, timeNs, belt, labeler);
    drift.onFootForce(belt == 0 ? Side.LEFT : Side.RIGHT, timeNs, foot.rawForceN);
    return belt == 0 ? LEFT_UPDATED : RIGHT_UPDATED;
  }

  private void write(FootSample out, long timeNs, int belt, FootAssigner sums, int foot) {
    fill(
        out,
        timeNs,
        belt,
        sums.loadCounts[foot],
        sums.rowMoment[foot],
        sums.colMoment[foot],
        sums.cellCount[foot]);
  }

  private void writeWholeBelt(FootSample out, long timeNs, int belt, FootprintLabeler labeler) {
    double minLoadCounts = settings.minFootprintForceN() / newtonsPerCount;
    double load = 0;
    double rowMoment = 0;
    double colMoment = 0;
    int cells = 0;
    for (int f = 0; f < labeler.footprints(); f++) {
      if (labeler.loadCounts[f] >= minLoadCounts) {
        load += labeler.loadCounts[f];
        rowMoment += labeler.rowMoment[f];
        colMoment += labeler.colMoment[f];
        cells += labeler.size[f];
      }
    }
    fill(out, timeNs, belt, load, rowMoment, colMoment, cells);
  }

  private void fill(
      FootSample out,
      long timeNs,
      int belt,
      double loadCounts,
      double rowMoment,
      double colMoment,
      int cells) {
    out.timeNs = timeNs;
    out.rawForceN = loadCounts * newtonsPerCount;
    out.forceN = out.rawForceN * drift.gain();
    out.contactAreaM2 = cells * grid.cellAreaM2();
    if (loadCounts > 0) {
      out.copApM = grid.apPositionM(rowMoment / loadCounts);
      out.copMlM = grid.mlPositionM(belt, colMoment / loadCounts);
    } else {
      out.copApM = Double.NaN;
      out.copMlM = Double.NaN;
    }
  }

  /**
   * Harness unloading measured by the load cell, N: the other half of the force balance the drift
   * gain is corrected from. Call for every load-cell sample, on this stage's thread.
   */
  public void onUnloading(long timeNs, double unloadingN) {
    drift.onUnloading(timeNs, unloadingN);
  }

  /** Takes the present reading of every cell of {@code belt} as its zero (an unloaded belt). */
  public void captureBaseline(int belt, char[] cells, int offset) {
    baselines[belt].capture(cells, offset);
  }

  /** The latest sample of a foot; overwritten by the next frame. */
  public FootSample sample(Side side) {
    return side == Side.LEFT ? left : right;
  }

  public PressureGrid grid() {
    return grid;
  }

  /** The belt gain correction in use (1 when drift compensation is off). */
  public double gainCorrection() {
    return drift.gain();
  }

  public long frames() {
    return frames;
  }

  /** Frames whose belt index or size did not match the grid. */
  public long rejectedFrames() {
    return rejectedFrames;
  }

  /** Frames with more loaded regions than {@link ContactSettings#maxFootprints()}. */
  public long footprintOverflowFrames() {
    long total = 0;
    for (FootprintLabeler labeler : labelers) {
      total += labeler.overflowFrames();
    }
    return total;
  }

  /** Single belt: footprints that appeared as a new contact. */
  public long newContacts() {
    return assigner == null ? 0 : assigner.newContacts();
  }

  /** Single belt: footprints holding both feet, split cell by cell. */
  public long splitFootprints() {
    return assigner == null ? 0 : assigner.splitFootprints();
  }
}
