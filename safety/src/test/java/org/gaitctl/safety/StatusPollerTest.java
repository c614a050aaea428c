package org.gaitctl.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.port.DriveStatus;
import org.gaitctl.core.time.ManualNanoClock;
import org.junit.jupiter.api.Test;

class StatusPollerTest {

  private final ManualNanoClock clock = new ManualNanoClock(0);
  private final FakeDrive drive = new FakeDrive(clock);
  private final HeartbeatPermit permit = new HeartbeatPermit();
  private final StatusPoller<DriveStatus> poller = StatusPoller.forDrive(drive, permit, clock);

  private void pollAt(long ms) {
    clock.setNs(ms * 1_000_000L);
    poller.doWork(clock.nanoTime());
  }

  @Test
  void shouldPublishNothingBeforeTheFirstRead() {
    assertThat(poller.latest().lastGood()).isNull();
    assertThat(poller.latest().goodReadAgeMs(0)).isInfinite();
  }

  @Test
  void shouldKeepTheLastGoodStatusAndCountFailuresInARow() {
    drive.speedMps = 1.2;
    pollAt(10);
    drive.script("readStatus()", CommandResult.TIMEOUT, CommandResult.IO_ERROR);
    pollAt(20);
    pollAt(30);
    PolledStatus<DriveStatus> status = poller.latest();
    assertThat(status.consecutiveFailures()).isEqualTo(2);
    assertThat(status.lastResult()).isEqualTo(CommandResult.IO_ERROR);
    assertThat(status.lastGood().speedMps()).isEqualTo(1.2);
    assertThat(status.goodReadAgeMs(30_000_000L)).isEqualTo(20.0);
    pollAt(40);
    assertThat(poller.latest().consecutiveFailures()).isZero();
  }

  @Test
  void shouldHeartbeatOnlyWhilePermitted() {
    pollAt(10);
    assertThat(drive.count("heartbeat()")).isZero();
    permit.grant(clock.nanoTime(), 50_000_000L);
    pollAt(20);
    pollAt(59);
    assertThat(drive.count("heartbeat()")).isEqualTo(2);
    pollAt(60); // permit expired
    assertThat(drive.count("heartbeat()")).isEqualTo(2);
    permit.grant(clock.nanoTime(), 50_000_000L);
    permit.revoke();
    pollAt(70);
    assertThat(drive.count("heartbeat()")).isEqualTo(2);
    assertThat(poller.heartbeatsSent()).isEqualTo(2);
  }

  @Test
  void shouldCountHeartbeatsTheDeviceRefused() {
    drive.always("heartbeat()", CommandResult.TIMEOUT);
    permit.grant(0, 1_000_000_000L);
    pollAt(10);
    assertThat(poller.heartbeatFailures()).isEqualTo(1);
  }

  @Test
  void shouldCountAPortThatThrowsAsAFailedRead() {
    drive.throwOnRead = true;
    for (int cycle = 0; cycle < 2; cycle++) {
      // as PeriodicAgent does: a cycle that throws is handed to onCycleError
      Throwable bug = catchThrowable(() -> poller.doWork(clock.nanoTime()));
      assertThat(bug).hasMessageContaining("injected");
      poller.onCycleError(bug);
    }
    assertThat(poller.latest().consecutiveFailures()).isEqualTo(2);
    assertThat(poller.latest().lastResult()).isEqualTo(CommandResult.IO_ERROR);
  }

  @Test
  void shouldTellTheListenerOfEveryGoodReadOnly() {
    java.util.List<Long> reads = new java.util.ArrayList<>();
    poller.setGoodReadListener((status, readNs) -> reads.add(readNs));
    pollAt(10);
    drive.always("readStatus()", CommandResult.TIMEOUT);
    pollAt(30);
    assertThat(reads).containsExactly(10_000_000L);
  }

  @Test
  void shouldFeedTheDeviceAndKeepTheGoodReadWhenTheListenerThrows() {
    poller.setGoodReadListener(
        (status, readNs) -> {
          throw new IllegalStateException("injected: broken ring publisher");
        });
    permit.grant(0, 1_000_000_000L);
    pollAt(10);
    assertThat(drive.count("heartbeat()")).isEqualTo(1);
    assertThat(poller.latest().consecutiveFailures()).isZero();
    assertThat(poller.latest().lastGood()).isNotNull();
    assertThat(poller.counters().get(PollerCounter.LISTENER_ERRORS)).isEqualTo(1);
  }
}
