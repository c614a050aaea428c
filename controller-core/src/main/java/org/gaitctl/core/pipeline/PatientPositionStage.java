package org.gaitctl.core.pipeline;

import org.gaitctl.core.contact.ContactSettings;
import org.gaitctl.core.contact.PressureGrid;

/**
 * The centre of pressure (COP) along the belt, per pressure frame: the force-weighted mean row
 * position of every loaded cell (above {@link #CELL_FLOOR_COUNTS}), in m ahead of the sensing
 * area's centre (row 0 is the front), NaN when less than {@link #MIN_LOAD_N} stands on the belt. It
 * is where the patient walks, for the self-paced belt and the "patient near belt end" check (F25);
 * the per-foot COPs of the gait stage would need both feet found and labelled, this needs neither.
 *
 * <p>On a split belt each belt's frame arrives on its own; the COP combines the latest row sums of
 * every belt (the rows of both belts lie side by side). Published into a {@link
 * PatientPositionExchange} and to a {@link CopListener}. Allocation-free.
 */
final class PatientPositionStage implements PipelineStage {

  /**
   * Below this total force nobody stands on the belt, N: well above a quiet belt's noise, well
   * below a foot of a patient unloaded to 30 % of 20 kg.
   */
  static final double MIN_LOAD_N = 40.0;

  /**
   * A cell reading this much or less is not loaded, counts: the foot-contact stage's threshold. A
   * belt's baseline offset of a count or two on every cell adds up to some 100 N spread evenly,
   * which would pull the COP towards the centre and keep an empty belt "loaded".
   */
  static final int CELL_FLOOR_COUNTS = ContactSettings.defaults().cellThresholdCounts();

  private final PressureGrid grid;
  private final PatientPositionExchange exchange;
  private final CopListener listener;
  private final double[] beltCounts;
  private final double[] beltRowMoments;

  PatientPositionStage(PressureGrid grid, PatientPositionExchange exchange, CopListener listener) {
    this.grid = grid;
    this.exchange = exchange;
    this.listener = listener;
    this.beltCounts = new double[grid.belts()];
    this.beltRowMoments = new double[grid.belts()];
  }

  @Override
  public boolean handles(EventKind kind) {
    return kind == EventKind.PRESSURE_FRAME;
  }

  @Override
  public void process(RingEvent event) {
    PressureFrame frame = event.frame();
    sumRows(frame);
    double copAheadM = copAheadM();
    exchange.publish(event.arrivalNs(), copAheadM);
    listener.onCop(event.arrivalNs(), copAheadM);
  }

  private void sumRows(PressureFrame frame) {
    char[] cells = frame.cells();
    int cols = frame.cols();
    long counts = 0;
    long rowMoment = 0;
    for (int row = 0, index = 0; row < frame.rows(); row++) {
      long rowCounts = 0;
      for (int col = 0; col < cols; col++, index++) {
        int cellCounts = cells[index];
        if (cellCounts > CELL_FLOOR_COUNTS) {
          rowCounts += cellCounts;
        }
      }
      counts += rowCounts;
      rowMoment += rowCounts * row;
    }
    beltCounts[frame.belt()] = counts;
    beltRowMoments[frame.belt()] = rowMoment;
  }

  private double copAheadM() {
    double counts = 0;
    double rowMoment = 0;
    for (int belt = 0; belt < beltCounts.length; belt++) {
      counts += beltCounts[belt];
      rowMoment += beltRowMoments[belt];
    }
    if (counts * grid.newtonsPerCount() < MIN_LOAD_N) {
      return Double.NaN;
    }
    // Row r's centre is (r + 0.5) pitches behind the front edge; the centre is rows/2 behind it.
    double meanRow = rowMoment / counts;
    return (0.5 * grid.rows() - (meanRow + 0.5)) * grid.pitchYM();
  }
}
