package org.gaitctl.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.gaitctl.core.time.ArrivalTime;
import org.junit.jupiter.api.Test;

class InputArrivalsTest {

  private final InputArrivals arrivals = new InputArrivals();

  @Test
  void shouldReportNoArrivalForEveryInputBeforeTheFirst() {
    for (PipelineInput input : PipelineInput.values()) {
      assertThat(arrivals.lastArrivalNs(input)).as("%s", input).isEqualTo(ArrivalTime.NONE);
      assertThat(arrivals.count(input)).as("%s", input).isZero();
    }
  }

  @Test
  void shouldTellAnArrivalAtClockZeroFromNoArrival() {
    arrivals.arrived(PipelineInput.LOAD_CELL, 0);

    assertThat(ArrivalTime.hasArrived(arrivals.lastArrivalNs(PipelineInput.LOAD_CELL))).isTrue();
    assertThat(arrivals.count(PipelineInput.LOAD_CELL)).isEqualTo(1);
  }

  @Test
  void shouldKeepEachBeltsArrivalApartSoThatASilentBeltIsSeen() {
    arrivals.arrived(PipelineInput.PRESSURE_BELT_RIGHT, 1_000);
    arrivals.arrived(PipelineInput.PRESSURE_BELT_RIGHT, 2_000);

    assertThat(arrivals.lastArrivalNs(PipelineInput.PRESSURE_BELT_RIGHT)).isEqualTo(2_000);
    assertThat(arrivals.count(PipelineInput.PRESSURE_BELT_RIGHT)).isEqualTo(2);
    assertThat(arrivals.lastArrivalNs(PipelineInput.PRESSURE_BELT_LEFT_OR_ONLY))
        .isEqualTo(ArrivalTime.NONE);
  }
}
