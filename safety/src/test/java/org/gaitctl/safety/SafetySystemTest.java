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

  @Test
  void shouldRunOnItsThreadsAndStopTheBeltOnClose() throws Exception {
    ManualNanoClock unusedCallClock = new ManualNanoClock(0);
    FakeDrive drive = new FakeDrive(unusedCallClock);
    FakeBws bws = new FakeBws(unusedCallClock);
    SupervisedInputs inputs =
        new SupervisedInputs(System::nanoTime, new LiveLoadCell(), List.of(), () -> 0);
    SafetySystem safety =
        SafetySystem.create(
            drive,
            bws,
            inputs,
            SupervisorHarness.LIMITS,
            SupervisorSettings.defaults(),
            NanoClock.SYSTEM);
    safety.startThreads();
    try {
      RequestOutcome started = safety.supervisor().requestStart().get(10, TimeUnit.SECONDS);
      assertThat(started.accepted()).as(started.reason()).isTrue();
      drive.setRunning(true);
      drive.setSpeed(1.0);
      while (safety.drivePoller().heartbeatsSent() < 3) {
        Thread.sleep(5);
      }
      assertThat(safety.supervisor().state()).isEqualTo(SafetyState.RUNNING);
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
