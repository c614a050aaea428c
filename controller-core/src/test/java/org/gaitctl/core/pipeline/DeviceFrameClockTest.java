package org.gaitctl.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceFrameClockTest {

  private static final long FRAME_US = 3_333L;
  private static final long START_NS = 5_000_000_000L;

  private final DeviceFrameClock clock = new DeviceFrameClock();

  @Test
  void shouldPlaceAStalledDeliveryAndItsBurstWhereTheBeltSampledThem() {
    for (int frame = 0; frame < 10; frame++) {
      assertThat(clock.sampledNs(arrivalNs(frame, 2_000_000), FRAME_US * (frame + 1)))
          .isEqualTo(arrivalNs(frame, 2_000_000));
    }
    // Frames 10..89 held back by the OS, then delivered within a millisecond.
    long burstNs = arrivalNs(90, 0);
    for (int frame = 10; frame < 90; frame++) {
      // Where sampled (plus the drift the offset may take: 1000 ppm of at most 0.3 s).
      assertThat(clock.sampledNs(burstNs + frame * 10_000L, FRAME_US * (frame + 1)))
          .isBetween(arrivalNs(frame, 2_000_000), arrivalNs(frame, 2_300_000));
    }
  }

  @Test
  void shouldNeverPlaceAFrameAfterItsArrival() {
    clock.sampledNs(arrivalNs(0, 5_000_000), FRAME_US);

    assertThat(clock.sampledNs(arrivalNs(2, 1_000_000), 3 * FRAME_US))
        .isEqualTo(arrivalNs(2, 1_000_000));
  }

  @Test
  void shouldNotRunBackwardsWhenTheFirstFramesArrivedLate() {
    long firstNs = clock.sampledNs(arrivalNs(0, 200_000_000), FRAME_US);

    long secondNs = clock.sampledNs(arrivalNs(1, 1_000_000), 2 * FRAME_US);
    long laterNs = clock.sampledNs(arrivalNs(100, 1_000_000), 101 * FRAME_US);

    assertThat(secondNs).isGreaterThanOrEqualTo(firstNs);
    assertThat(laterNs).isEqualTo(arrivalNs(100, 1_000_000));
  }

  @Test
  void shouldFollowABeltClockRunningSlowWithinTheAllowedDrift() {
    // 500 ppm slow: the belt counts 999.5 µs per host millisecond.
    long deviceUs = 1;
    long arrivalNs = START_NS;
    long sampledNs = 0;
    for (int frame = 0; frame < 10_000; frame++) {
      arrivalNs += 3_333_000L;
      deviceUs += 3_331L;
      sampledNs = clock.sampledNs(arrivalNs, deviceUs);
    }
    assertThat(arrivalNs - sampledNs).as("behind the arrival after 33 s, ns").isLessThan(20_000L);
  }

  @Test
  void shouldStartOverWhenTheBeltsClockRestarts() {
    clock.sampledNs(arrivalNs(0, 0), 900_000_000L);

    long afterRestartNs = clock.sampledNs(arrivalNs(1, 0), FRAME_US);

    assertThat(afterRestartNs).isEqualTo(arrivalNs(1, 0));
  }

  @Test
  void shouldTimeAFrameWithoutADeviceClockByItsArrival() {
    assertThat(clock.sampledNs(arrivalNs(3, 0), 0)).isEqualTo(arrivalNs(3, 0));
  }

  /** When frame {@code frame} arrives {@code delayNs} after the belt sampled it. */
  private static long arrivalNs(int frame, long delayNs) {
    return START_NS + frame * FRAME_US * 1_000L + delayNs;
  }
}
