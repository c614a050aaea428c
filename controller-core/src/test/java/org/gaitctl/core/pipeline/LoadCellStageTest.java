package org.gaitctl.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gaitctl.core.port.StreamFlags;
import org.junit.jupiter.api.Test;

class LoadCellStageTest {

  private static final long SAMPLE_PERIOD_US = 1_000;

  private final LoadCellStage stage = new LoadCellStage(20.0, 50_000_000L);
  private final RingEvent event = new RingEvent(16);
  private long deviceTimeUs;
  private long seq;

  @Test
  void shouldConvertCentinewtonsAndSettleOnAConstantTension() {
    Unloading first = sample(30_000, 0);
    assertThat(first.status()).isEqualTo(UnloadingStatus.VALID);
    assertThat(first.rawN()).isEqualTo(300.0);
    assertThat(first.filteredN()).isEqualTo(300.0);

    for (int i = 0; i < 200; i++) {
      sample(40_000, 0);
    }
    assertThat(event.unloading().filteredN()).isCloseTo(400.0, within(0.01));
  }

  @Test
  void shouldLowPassAStepWithTheConfiguredTimeConstant() {
    sample(0, 0);
    sample(10_000, 0);
    // First-order step response after one 1 ms sample at 20 Hz: 1 - exp(-2π·20·0.001).
    double expected = 100.0 * (1 - Math.exp(-2 * Math.PI * 20 * 0.001));
    assertThat(event.unloading().filteredN()).isCloseTo(expected, within(1e-9));
  }

  @Test
  void shouldGiveNoValidValueWhileTaringAndRestartTheFilterAfterwards() {
    for (int i = 0; i < 50; i++) {
      sample(50_000, 0);
    }
    Unloading taring = sample(50_000, StreamFlags.LOAD_TARE_IN_PROGRESS);
    assertThat(taring.status()).isEqualTo(UnloadingStatus.TARE_IN_PROGRESS);
    assertThat(taring.filteredN()).isNaN();

    Unloading afterTare = sample(0, 0);
    assertThat(afterTare.status()).isEqualTo(UnloadingStatus.VALID);
    assertThat(afterTare.filteredN()).as("no pre-tare tension leaks into the new zero").isZero();
  }

  @Test
  void shouldMarkOverloadAndSensorFaultAsInvalid() {
    assertThat(sample(200_000, StreamFlags.LOAD_OVERLOAD).status())
        .isEqualTo(UnloadingStatus.OVERLOAD);
    Unloading fault = sample(0, StreamFlags.LOAD_SENSOR_FAULT | StreamFlags.LOAD_OVERLOAD);
    assertThat(fault.status()).isEqualTo(UnloadingStatus.SENSOR_FAULT);
    assertThat(fault.filteredN()).isNaN();
  }

  @Test
  void shouldRestartTheFilterAfterAGapInTheDeviceClock() {
    for (int i = 0; i < 50; i++) {
      sample(50_000, 0);
    }
    deviceTimeUs += 100_000;
    assertThat(sample(20_000, 0).filteredN()).isEqualTo(200.0);
  }

  @Test
  void shouldRestartTheFilterWhenTheDeviceClockGoesBackwards() {
    sample(50_000, 0);
    deviceTimeUs -= 10 * SAMPLE_PERIOD_US;
    assertThat(sample(20_000, 0).filteredN()).isEqualTo(200.0);
  }

  private Unloading sample(int forceCn, int flags) {
    deviceTimeUs += SAMPLE_PERIOD_US;
    RingTranslators.loadSample(event, deviceTimeUs * 1_000, ++seq, deviceTimeUs, forceCn, flags);
    stage.process(event);
    return event.unloading();
  }
}
