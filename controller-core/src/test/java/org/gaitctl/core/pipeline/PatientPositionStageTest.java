package org.gaitctl.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.gaitctl.core.contact.PressureGrid;
import org.junit.jupiter.api.Test;

class PatientPositionStageTest {

  private static final double PITCH_M = 0.00847;
  private static final int ROWS = 128;
  private static final int COLS = 56;

  /** A foot's print: 400 counts (4 N/cm², about 2.9 N a cell) over 20 rows × 10 columns. */
  private static final int FOOT_COUNTS = 400;

  private final PatientPositionExchange exchange = new PatientPositionExchange();
  private final CopReading reading = new CopReading();
  private long heardNs;
  private double heardM = Double.NaN;

  private PatientPositionStage stage(int belts) {
    return new PatientPositionStage(
        new PressureGrid(belts, ROWS, COLS, PITCH_M, PITCH_M),
        exchange,
        (frameNs, copAheadM) -> {
          heardNs = frameNs;
          heardM = copAheadM;
        });
  }

  @Test
  void shouldPlaceAFootInRowsTwentyToThirtyNineThirtyFourRowsAheadOfTheCentre() {
    PatientPositionStage stage = stage(1);

    stage.process(frame(1_000, 0, 20, FOOT_COUNTS));

    // Rows 20..39 centre on row 29.5, whose middle lies 30 pitches behind the front edge; the
    // centre of 128 rows lies 64 pitches behind it.
    double expectedM = 34 * PITCH_M;
    assertThat(exchange.read(reading)).isTrue();
    assertThat(reading.copAheadM()).isCloseTo(expectedM, within(1e-12));
    assertThat(reading.frameNs()).isEqualTo(1_000);
    assertThat(heardM).isCloseTo(expectedM, within(1e-12));
    assertThat(heardNs).isEqualTo(1_000);
  }

  @Test
  void shouldPlaceAFootNearTheRearBehindTheCentre() {
    PatientPositionStage stage = stage(1);

    stage.process(frame(2_000, 0, 100, FOOT_COUNTS));

    exchange.read(reading);
    assertThat(reading.copAheadM()).isCloseTo(-46 * PITCH_M, within(1e-12));
  }

  @Test
  void shouldBeNaNWithNoFootOnTheBelt() {
    PatientPositionStage stage = stage(1);
    stage.process(frame(1_000, 0, 20, FOOT_COUNTS));

    stage.process(frame(2_000, 0, 20, 0));

    exchange.read(reading);
    assertThat(reading.copAheadM()).isNaN();
    assertThat(reading.frameNs()).isEqualTo(2_000);
    assertThat(heardM).isNaN();
  }

  @Test
  void shouldBeNaNWhenLessThanTheMinimumLoadStandsOnTheBelt() {
    PatientPositionStage stage = stage(1);

    // 200 cells of 20 counts (0.2 N/cm², above a cell's floor): 200 × 0.14 N, 29 N.
    stage.process(frame(1_000, 0, 20, 20));

    exchange.read(reading);
    assertThat(reading.copAheadM()).isNaN();
  }

  @Test
  void shouldIgnoreTheBaselineOffsetEveryCellReads() {
    PatientPositionStage stage = stage(1);

    stage.process(frame(1_000, 0, 100, FOOT_COUNTS, 1));

    exchange.read(reading);
    assertThat(reading.copAheadM()).isCloseTo(-46 * PITCH_M, within(1e-12));
  }

  @Test
  void shouldBeNaNOnAnEmptyBeltWhoseCellsReadABaselineOffset() {
    PatientPositionStage stage = stage(1);

    // 7168 cells of 2 counts: about 100 N spread evenly, a belt's offset, not a patient.
    stage.process(frame(1_000, 0, 20, 2, 2));

    exchange.read(reading);
    assertThat(reading.copAheadM()).isNaN();
  }

  @Test
  void shouldWeighTheLatestFramesOfBothBeltsOfASplitBelt() {
    PatientPositionStage stage = stage(2);

    stage.process(frame(1_000, 0, 20, FOOT_COUNTS));
    stage.process(frame(1_500, 1, 100, FOOT_COUNTS));

    exchange.read(reading);
    assertThat(reading.copAheadM()).isCloseTo(0.5 * (34 - 46) * PITCH_M, within(1e-12));
  }

  @Test
  void shouldReportNoFrameBeforeTheFirst() {
    assertThat(exchange.read(reading)).isFalse();
    assertThat(reading.copAheadM()).isNaN();
  }

  /** A frame with one foot print, 20 rows from {@code firstRow}, columns 20..29, else empty. */
  private static RingEvent frame(long arrivalNs, int belt, int firstRow, int counts) {
    return frame(arrivalNs, belt, firstRow, counts, 0);
  }

  /** As above, every other cell reading {@code offsetCounts}. */
  private static RingEvent frame(
      long arrivalNs, int belt, int firstRow, int counts, int offsetCounts) {
    ByteBuffer cells = ByteBuffer.allocate(ROWS * COLS * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int cell = 0; cell < ROWS * COLS; cell++) {
      cells.putChar(cell * 2, (char) offsetCounts);
    }
    for (int row = firstRow; row < firstRow + 20; row++) {
      for (int col = 20; col < 30; col++) {
        cells.putChar((row * COLS + col) * 2, (char) counts);
      }
    }
    RingEvent event = new RingEvent(ROWS * COLS);
    RingTranslators.pressureFrame(event, arrivalNs, 1, 0, belt, ROWS, COLS, cells);
    return event;
  }
}
