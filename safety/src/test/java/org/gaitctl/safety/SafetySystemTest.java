package org.gaitctl.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gaitctl.core.time.ManualNanoClock;
import org.gaitctl.core.time.NanoClock;
import org.junit.jupiter.api.Test;

/** The production wiring on real threads and the host clock, with fake devices. */
class SafetySystemTest {

  /** Inputs that are always fresh: every read is "a sample just arrived". */
  private static final class LiveLoadCell implements LoadCellInput {
    @Override
    public long lastArrivalNs() {
      return System.nanoTime();
    }

    @Override
    public double harnessLoadN() {
      return 200.0;
    }

    @Override
    public int flags() {
      return 0;
    }
  }

  /**
   * A 2-core CI machine shared with other builds delays threads by tens of ms: overrun and status
   * staleness are tested on virtual time, not here.
   */
  private static SupervisorSettings toleratingASharedMachine(SupervisorSettings d) {
    return d.toBuilder().overrunThresholdMs(1_000).deviceStatusStaleMs(2_000).build();
  }

  @Test
  void shouldRunOnItsThreadsAndStopTheBeltOnClose() throws Exception {
    ManualNanoClock unusedCallClock = new ManualNanoClock(0);
    FakeDrive drive = new FakeDrive(unusedCallClock);
    FakeBws bws = new FakeBws(unusedCallClock);
    SupervisedInputs inputs =
        new SupervisedInputs(
            List.of(new SupervisedStream("belt", System::nanoTime)),
            () -> 0,
            new LiveLoadCell(),
            List.of(),
            () -> 0,
            () -> 0);
    SafetySystem safety =
        SafetySystem.create(
            drive,
            bws,
            inputs,
            SupervisorHarness.LIMITS,
            toleratingASharedMachine(SupervisorSettings.defaults()),
            NanoClock.SYSTEM);
    safety.startThreads();
    try {
      RequestOutcome started = safety.supervisor().requestStart().get(10, TimeUnit.SECONDS);
      assertThat(started.accepted()).as(started.reason()).isTrue();
      drive.setRunning(true);
      drive.setSpeed(1.0);
      long deadlineNs = System.nanoTime() + 10_000_000_000L;
      while (safety.drivePoller().heartbeatsSent() < 3
          && safety.supervisor().state() == SafetyState.RUNNING
          && deadlineNs - System.nanoTime() > 0) {
        Thread.sleep(5);
      }
      assertThat(safety.supervisor().state())
          .as("first fault %s", safety.supervisor().firstFault())
          .isEqualTo(SafetyState.RUNNING);
      assertThat(safety.drivePoller().heartbeatsSent()).isGreaterThanOrEqualTo(3);
    } finally {
      safety.close();
    }
    assertThat(safety.supervisor().state()).isEqualTo(SafetyState.SAFE_STOP_LATCHED);
    assertThat(safety.supervisor().firstFault().code()).isEqualTo(FaultCode.OPERATOR_STOP);
    assertThat(drive.calls()).contains("setRunning(false)");
    assertThat(bws.calls()).contains("setHold(true)");
    assertThat(drive.speedMps).isZero();
  }
}
