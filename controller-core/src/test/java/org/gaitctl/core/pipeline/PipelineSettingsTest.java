package org.gaitctl.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gaitctl.core.contact.PressureGrid;
import org.junit.jupiter.api.Test;

class PipelineSettingsTest {

  private final PipelineSettings defaults = PipelineSettings.defaults(WalkFrames.GRID);

  @Test
  void shouldSizeSlotsForTheLargestConfiguredFrame() {
    assertThat(defaults.maxFrameCells()).isEqualTo(128 * 56);
    PressureGrid split = new PressureGrid(2, 128, 28, 0.00847, 0.00847);
    assertThat(PipelineSettings.defaults(split).maxBelts()).isEqualTo(2);
    assertThat(PipelineSettings.defaults(split).maxFrameCells()).isEqualTo(128 * 28);
  }

  @Test
  void shouldRejectARingSizeThatIsNotAPowerOfTwoNamingTheField() {
    assertThatThrownBy(() -> defaults.withRingSize(1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pipeline.ringSize must be a power of two in [16, 65536], was 1000");
  }

  @Test
  void shouldRejectARingTooSmallOrTooLarge() {
    assertThatThrownBy(() -> defaults.withRingSize(8)).hasMessageContaining("pipeline.ringSize");
    assertThatThrownBy(() -> defaults.withRingSize(1 << 17))
        .hasMessageContaining("pipeline.ringSize");
  }

  @Test
  void shouldRejectAFilterCutoffOutsideItsRange() {
    assertThatThrownBy(
            () ->
                new PipelineSettings(
                    1024,
                    WaitStrategyKind.BLOCKING,
                    StageThreading.SINGLE_THREAD,
                    1,
                    7168,
                    0.0,
                    50_000_000L,
                    10_000_000_000L))
        .hasMessage("pipeline.loadFilterCutoffHz must be in (0, 500], was 0.0");
  }

  @Test
  void shouldRefuseSpinningThreadsThatWouldTakeEveryCore() {
    PipelineSettings spinning =
        defaults
            .withWaitStrategy(WaitStrategyKind.BUSY_SPIN)
            .withThreading(StageThreading.THREAD_PER_STAGE);

    assertThatThrownBy(() -> spinning.checkMachine(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pipeline.waitStrategy BUSY_SPIN")
        .hasMessageContaining("4 threads on 2 cores");
    spinning.withThreading(StageThreading.SINGLE_THREAD).checkMachine(2);
  }

  @Test
  void shouldRefuseAGridWhoseFramesDoNotFitTheSlots() {
    PressureGrid larger = new PressureGrid(2, 128, 64, 0.00847, 0.00847);

    assertThatThrownBy(() -> defaults.checkGrid(larger))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pipeline.maxBelts");
  }

  @Test
  void shouldAcceptBlockingThreadsOnAnyMachine() {
    defaults.withThreading(StageThreading.THREAD_PER_STAGE).checkMachine(1);
  }
}
