package org.gaitctl.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** F27: a session whose journal cannot record stops under control with the harness held. */
class JournalFailedTest {

  private final SupervisorHarness h = new SupervisorHarness();

  @Test
  void shouldStopTheBeltUnderControlAndHoldTheHarnessWhenTheJournalCannotWrite() {
    h.running();
    h.runMs(50);
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
    h.journalFailure = "No space left on device";
    h.journalFailures.addAndGet(3);
    h.tick();

    assertThat(h.supervisor.firstFault().code()).isEqualTo(FaultCode.JOURNAL_FAILED);
    assertThat(h.supervisor.firstFault().detail())
        .isEqualTo("writing failed: No space left on device (3 record(s) not written)");
    h.runUntilLatched(5_000);
    assertThat(h.drive.calls())
        .containsSubsequence("setAcceleration(0.5)", "setSpeed(0.0)", "setRunning(false)")
        .doesNotContain("quickStop()");
    assertThat(h.bws.holding).as("the stop holds the harness").isTrue();
    assertThat(h.supervisor.lastSafeStop().quickStopUsed()).isFalse();
  }

  @Test
  void shouldStopWhenRecordsAreLostToAFullHandOffBuffer() {
    h.running();
    h.journalFailures.incrementAndGet();
    h.tick();

    assertThat(h.supervisor.firstFault().code()).isEqualTo(FaultCode.JOURNAL_FAILED);
    assertThat(h.supervisor.firstFault().detail())
        .isEqualTo("1 record(s) lost to a full hand-off buffer");
  }

  @Test
  void shouldNotCountFailuresFromBeforeTheSessionStarted() {
    h.journalFailures.addAndGet(5);
    h.running();
    h.runMs(100);

    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
  }
}
