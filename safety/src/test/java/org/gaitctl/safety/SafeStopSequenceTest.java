package org.gaitctl.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.gaitctl.core.port.CommandResult;
import org.gaitctl.core.time.ManualNanoClock;
import org.junit.jupiter.api.Test;

class SafeStopSequenceTest {

  private final ManualNanoClock clock = new ManualNanoClock(0);
  private final FakeDrive drive = new FakeDrive(clock);
  private final FakeBws bws = new FakeBws(clock);
  private final SafeStopSequence sequence =
      new SafeStopSequence(
          drive, bws, SupervisorHarness.LIMITS, SupervisorSettings.defaults(), clock);

  @Test
  void shouldRampBeltDownAtStopDecelerationThenHoldHarness() {
    SafeStopOutcome outcome = sequence.execute(Reaction.CONTROLLED_STOP);
    assertThat(drive.calls())
        .containsExactly("setAcceleration(0.5)", "setSpeed(0.0)", "setRunning(false)");
    assertThat(bws.calls()).containsExactly("setHold(true)");
    assertThat(outcome.beltStopCommanded()).isTrue();
    assertThat(outcome.quickStopUsed()).isFalse();
    assertThat(outcome.holdCommanded()).isTrue();
    assertThat(outcome.steps()).extracting(SafeStopOutcome.Step::attempts).containsOnly(1);
  }

  @Test
  void shouldFallBackToQuickStopWhenTheDriveRefusesTheControlledStop() {
    drive.always("setRunning(false)", CommandResult.REJECTED);
    SafeStopOutcome outcome = sequence.execute(Reaction.CONTROLLED_STOP);
    assertThat(drive.calls()).endsWith("setRunning(false)", "quickStop()");
    assertThat(drive.count("setRunning(false)")).as("a refusal is not retried").isEqualTo(1);
    assertThat(outcome.quickStopUsed()).isTrue();
    assertThat(outcome.beltStopCommanded()).isTrue();
  }

  @Test
  void shouldFallBackToQuickStopWhenTheStopDecelerationIsOutOfRange() {
    drive.always("setAcceleration(0.5)", CommandResult.OUT_OF_RANGE);
    SafeStopOutcome outcome = sequence.execute(Reaction.CONTROLLED_STOP);
    assertThat(drive.calls()).containsExactly("setAcceleration(0.5)", "quickStop()");
    assertThat(outcome.quickStopUsed()).isTrue();
  }

  @Test
  void shouldFallBackToQuickStopWhenTheDriveDoesNotAnswer() {
    drive.script(
        "setSpeed(0.0)", CommandResult.TIMEOUT, CommandResult.TIMEOUT, CommandResult.TIMEOUT);
    SafeStopOutcome outcome = sequence.execute(Reaction.CONTROLLED_STOP);
    assertThat(drive.count("setSpeed(0.0)")).isEqualTo(3);
    assertThat(drive.calls()).endsWith("quickStop()");
    assertThat(outcome.steps().get(0))
        .isEqualTo(new SafeStopOutcome.Step("drive.rampToStop(0.5)", CommandResult.TIMEOUT, 3));
  }

  @Test
  void shouldRetryATransientFailureWithoutFallingBack() {
    drive.script("setRunning(false)", CommandResult.IO_ERROR);
    SafeStopOutcome outcome = sequence.execute(Reaction.CONTROLLED_STOP);
    assertThat(drive.count("setRunning(false)")).isEqualTo(2);
    assertThat(drive.calls()).doesNotContain("quickStop()");
    assertThat(outcome.quickStopUsed()).isFalse();
  }

  @Test
  void shouldBoundRetriesByTimeAsWellAsAttempts() {
    drive.unplug(CommandResult.TIMEOUT);
    drive.callTakesMs(200); // each attempt waits out a 200 ms request timeout; budget 300 ms
    SafeStopOutcome outcome = sequence.execute(Reaction.CONTROLLED_STOP);
    assertThat(drive.calls())
        .containsExactly(
            "setAcceleration(0.5)", "setAcceleration(0.5)", "quickStop()", "quickStop()");
    assertThat(outcome.beltStopCommanded()).isFalse();
    assertThat(outcome.holdCommanded()).as("the harness is still held").isTrue();
  }

  @Test
  void shouldQuickStopAtOnceWhenAskedTo() {
    SafeStopOutcome outcome = sequence.execute(Reaction.QUICK_STOP);
    assertThat(drive.calls()).containsExactly("quickStop()");
    assertThat(bws.calls()).containsExactly("setHold(true)");
    assertThat(outcome.requested()).isEqualTo(Reaction.QUICK_STOP);
  }

  @Test
  void shouldHoldHarnessAndNeverLowerOrDisableItEvenWhenTheBwsFails() {
    bws.unplug(CommandResult.TIMEOUT);
    SafeStopOutcome outcome = sequence.execute(Reaction.CONTROLLED_STOP);
    assertThat(bws.calls()).containsOnly("setHold(true)").hasSize(3);
    assertThat(outcome.holdCommanded()).isFalse();
    assertThat(outcome.beltStopCommanded()).isTrue();
  }

  @Test
  void shouldTreatAPortThatThrowsAsAFailedStep() {
    TestPorts.ThrowingDrive throwing = new TestPorts.ThrowingDrive(drive);
    SafeStopSequence withBrokenDriver =
        new SafeStopSequence(
            throwing, bws, SupervisorHarness.LIMITS, SupervisorSettings.defaults(), clock);
    SafeStopOutcome outcome = withBrokenDriver.execute(Reaction.CONTROLLED_STOP);
    assertThat(outcome.steps().get(0).result()).isEqualTo(CommandResult.IO_ERROR);
    assertThat(outcome.quickStopUsed()).isTrue();
    assertThat(outcome.beltStopCommanded()).isTrue();
  }
}
