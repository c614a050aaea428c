package org.gaitctl.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import org.gaitctl.core.gait.Side;
import org.gaitctl.core.port.BwsStatus;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.time.ArrivalTime;
import org.junit.jupiter.api.Test;

class DisplaySnapshotTest {

  private static final double BODY_WEIGHT_N = 750.0;

  private final DisplaySnapshot snapshot = new DisplaySnapshot();
  private final RingEvent event = new RingEvent(4);

  @Test
  void shouldStartEveryFieldGroupWithNoUpdate() {
    assertThat(snapshot.latestArrivalNs()).isEqualTo(ArrivalTime.NONE);
    assertThat(snapshot.feetUpdatedNs()).isEqualTo(ArrivalTime.NONE);
    assertThat(snapshot.unloadingUpdatedNs()).isEqualTo(ArrivalTime.NONE);
    assertThat(snapshot.driveUpdatedNs()).isEqualTo(ArrivalTime.NONE);
    assertThat(snapshot.bwsUpdatedNs()).isEqualTo(ArrivalTime.NONE);
    assertThat(snapshot.stepUpdatedNs()).isEqualTo(ArrivalTime.NONE);
    assertThat(snapshot.lastHeelStrikeNs(Side.LEFT)).isEqualTo(ArrivalTime.NONE);
    assertThat(snapshot.lastToeOffNs(Side.RIGHT)).isEqualTo(ArrivalTime.NONE);
  }

  @Test
  void shouldTakeEachFootsCentreOfPressureAreaAndGaitEventsFromAFrame() {
    RingTranslators.pressureFrame(event, 1_000, 1, 0, 0, 2, 2, ByteBuffer.allocate(8));
    event.foot(Side.LEFT).set(600, 0.30, 0.12, 0.011, true);
    event.foot(Side.RIGHT).set(20, 0.05, 0.40, 0.002, false);
    event.gaitEvents().heelStrike(Side.LEFT, 990);
    event.gaitEvents().toeOff(Side.RIGHT, 980);

    snapshot.update(event, BODY_WEIGHT_N);

    assertThat(snapshot.feetUpdatedNs()).isEqualTo(1_000);
    assertThat(snapshot.footForceN(Side.LEFT)).isEqualTo(600);
    assertThat(snapshot.footCopApM(Side.LEFT)).isEqualTo(0.30);
    assertThat(snapshot.footCopMlM(Side.LEFT)).isEqualTo(0.12);
    assertThat(snapshot.footContactAreaM2(Side.LEFT)).isEqualTo(0.011);
    assertThat(snapshot.footInContact(Side.RIGHT)).isFalse();
    assertThat(snapshot.footCopMlM(Side.RIGHT)).isEqualTo(0.40);
    assertThat(snapshot.lastHeelStrikeNs(Side.LEFT)).isEqualTo(990);
    assertThat(snapshot.lastToeOffNs(Side.RIGHT)).isEqualTo(980);
    assertThat(snapshot.lastHeelStrikeNs(Side.RIGHT)).isEqualTo(ArrivalTime.NONE);
  }

  @Test
  void shouldKeepTheLastGaitEventOfAFootAcrossFramesWithoutOne() {
    RingTranslators.pressureFrame(event, 1_000, 1, 0, 0, 2, 2, ByteBuffer.allocate(8));
    event.gaitEvents().heelStrike(Side.LEFT, 990);
    snapshot.update(event, BODY_WEIGHT_N);

    RingTranslators.pressureFrame(event, 2_000, 2, 0, 0, 2, 2, ByteBuffer.allocate(8));
    snapshot.update(event, BODY_WEIGHT_N);

    assertThat(snapshot.lastHeelStrikeNs(Side.LEFT)).isEqualTo(990);
    assertThat(snapshot.feetUpdatedNs()).isEqualTo(2_000);
  }

  @Test
  void shouldGiveMeasuredUnloadingInNewtonsAndPercentBodyWeight() {
    RingTranslators.loadSample(event, 3_000, 1, 0, 15_000, 0);
    event.unloading().set(UnloadingStatus.VALID, 150, 150);

    snapshot.update(event, BODY_WEIGHT_N);

    assertThat(snapshot.unloadingUpdatedNs()).isEqualTo(3_000);
    assertThat(snapshot.measuredUnloadingN()).isEqualTo(150);
    assertThat(snapshot.measuredUnloadingPercentBodyWeight()).isCloseTo(20.0, within(1e-9));
    assertThat(snapshot.unloadingStatus()).isEqualTo(UnloadingStatus.VALID);
  }

  @Test
  void shouldGiveNoPercentBodyWeightWhenTheBodyWeightIsUnknown() {
    RingTranslators.loadSample(event, 3_000, 1, 0, 15_000, 0);
    event.unloading().set(UnloadingStatus.VALID, 150, 150);

    snapshot.update(event, Double.NaN);

    assertThat(snapshot.measuredUnloadingPercentBodyWeight()).isNaN();
  }

  @Test
  void shouldTakeDriveAndBwsStateFromGoodReadsAndLetAFailedReadAge() {
    RingTranslators.driveStatus(
        event,
        4_000,
        new DriveStatus(
            CommandResult.OK, false, false, true, false, false, false, false, 0, 0, 0, 0));
    snapshot.update(event, BODY_WEIGHT_N);
    RingTranslators.bwsStatus(
        event,
        5_000,
        new BwsStatus(CommandResult.OK, true, false, true, false, false, false, 200, 0.4, 0));
    snapshot.update(event, BODY_WEIGHT_N);

    RingTranslators.driveStatus(event, 6_000, DriveStatus.failed(CommandResult.TIMEOUT));
    snapshot.update(event, BODY_WEIGHT_N);

    assertThat(snapshot.driveUpdatedNs()).as("the last good read").isEqualTo(4_000);
    assertThat(snapshot.driveRunning()).isFalse();
    assertThat(snapshot.estopOpen()).isTrue();
    assertThat(snapshot.beltSpeedMps()).isZero();
    assertThat(snapshot.bwsUpdatedNs()).isEqualTo(5_000);
    assertThat(snapshot.bwsEnabled()).isTrue();
    assertThat(snapshot.bwsHolding()).isTrue();
    assertThat(snapshot.bwsForceN()).isEqualTo(200);
    assertThat(snapshot.latestArrivalNs()).isEqualTo(6_000);
  }

  @Test
  void shouldCopyEveryFieldGroup() {
    shouldTakeEachFootsCentreOfPressureAreaAndGaitEventsFromAFrame();
    RingTranslators.driveStatus(
        event,
        4_000,
        new DriveStatus(
            CommandResult.OK, true, false, false, false, false, true, false, 0.8, 0.8, 0, 0));
    snapshot.update(event, BODY_WEIGHT_N);
    DisplaySnapshot copy = new DisplaySnapshot();

    copy.copyFrom(snapshot);

    assertThat(copy)
        .usingRecursiveComparison()
        .withComparatorForType(Double::compare, Double.class)
        .isEqualTo(snapshot);
  }
}
