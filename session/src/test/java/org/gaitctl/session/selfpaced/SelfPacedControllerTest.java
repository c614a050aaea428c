package org.gaitctl.session.selfpaced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class SelfPacedControllerTest {

  private static final long CYCLE_NS = 10_000_000L;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final SelfPacedSettings settings =
      new SelfPacedSettings(0.0, 0.03, 0.8, 1.6, 0.3, 1.6, 0.5);
  private final SelfPacedController controller = new SelfPacedController(settings);
  private long nowNs;

  @Test
  void shouldHoldTheSpeedWhileThePatientStaysStillInsideTheDeadZone() {
    controller.start(nowNs, 1.0);
    double setpointMps = run(5.0, 0.025, 0.0);
    assertThat(setpointMps).isEqualTo(1.0);
  }

  @Test
  void shouldSpeedUpByThePositionGainTimesTheErrorBeyondTheDeadZone() {
    controller.start(nowNs, 1.0);
    double setpointMps = run(1.0, 0.13, 0.0);
    assertThat(setpointMps).isCloseTo(1.0 + 0.8 * 0.10 * 1.0, within(1e-9));
  }

  @Test
  void shouldSlowDownWhenThePatientFallsBackOnTheBelt() {
    controller.start(nowNs, 1.0);
    double setpointMps = run(1.0, 0.0, -0.1);
    assertThat(setpointMps).isCloseTo(1.0 - 1.6 * 0.1 * 1.0, within(1e-9));
  }

  @Test
  void shouldNotChangeTheSetpointFasterThanMaxAccel() {
    controller.start(nowNs, 1.0);
    double setpointMps = run(0.5, 0.4, 1.0);
    assertThat(setpointMps).isCloseTo(1.0 + 0.5 * 0.5, within(1e-9));
  }

  @Test
  void shouldKeepTheSetpointWithinMinAndMaxSpeed() {
    controller.start(nowNs, 1.0);
    assertThat(run(10.0, 0.4, 0.0)).isEqualTo(1.6);
    assertThat(run(10.0, -0.4, 0.0)).isEqualTo(0.3);
  }

  @Test
  void shouldStartFromTheBeltSpeedClampedIntoTheRange() {
    controller.start(nowNs, 0.0);
    assertThat(controller.setpointMps()).isEqualTo(0.3);
  }

  @Test
  void shouldIgnoreAPositionThatIsNotFinite() {
    controller.start(nowNs, 1.0);
    assertThat(run(1.0, Double.NaN, 0.0)).isEqualTo(1.0);
  }

  @Test
  void shouldRefuseAnUpdateBeforeStart() {
    assertThatThrownBy(() -> controller.update(CYCLE_NS, 0.0, 0.0))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldRefuseAMaxSpeedNotAboveTheMinSpeed() {
    assertThatThrownBy(() -> new SelfPacedSettings(0.0, 0.03, 0.8, 1.6, 1.0, 1.0, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxSpeedMps = 1.0 must be above minSpeedMps = 1.0");
  }

  @Test
  void shouldAllocateNothingPerCycle() {
    StrideCopFilter filter = new StrideCopFilter(0.5);
    controller.start(nowNs, 1.0);
    for (int i = 0; i < 20_000; i++) {
      cycle(filter, i);
    }
    long before = THREADS.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 100_000; i++) {
      cycle(filter, i);
    }
    // An object per cycle would cost >= 16 B x 100,000 cycles; inside the full suite the JVM
    // occasionally charges a one-off few dozen bytes (seen: 96 B), as SupervisorAllocationTest
    // notes.
    assertThat(THREADS.getCurrentThreadAllocatedBytes() - before)
        .as("bytes allocated by 100,000 filter and controller cycles (one-off JVM noise allowed)")
        .isLessThan(1_000);
  }

  private void cycle(StrideCopFilter filter, int i) {
    nowNs += CYCLE_NS;
    filter.add(nowNs, 0.05 * Math.sin(i * 0.1));
    controller.update(nowNs, filter.positionM(), filter.rateMps());
  }

  private double run(double seconds, double positionM, double rateMps) {
    double setpointMps = controller.setpointMps();
    for (long i = 0; i < Math.round(seconds * 1e9 / CYCLE_NS); i++) {
      nowNs += CYCLE_NS;
      setpointMps = controller.update(nowNs, positionM, rateMps);
    }
    return setpointMps;
  }
}
