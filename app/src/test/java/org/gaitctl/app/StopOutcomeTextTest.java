package org.gaitctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gaitctl.core.port.CommandResult;
import org.gaitctl.safety.FaultCode;
import org.gaitctl.safety.FaultRecord;
import org.gaitctl.safety.Reaction;
import org.gaitctl.safety.SafeStopOutcome;
import org.junit.jupiter.api.Test;

class StopOutcomeTextTest {

  private static final FaultRecord FALL =
      new FaultRecord(
          FaultCode.PATIENT_FALL, 0, 205, 150, "harness load rose 205 N in 200 ms (limit 150 N)");

  @Test
  void shouldSayInWordsThatTheBeltStoppedAndTheHarnessHoldsAndWhy() {
    SafeStopOutcome outcome =
        new SafeStopOutcome(
            Reaction.CONTROLLED_STOP,
            List.of(new SafeStopOutcome.Step("drive.setSpeed(0)", CommandResult.OK, 1)),
            true,
            false,
            true,
            0,
            1,
            true);

    assertThat(StopOutcomeText.describe(outcome, FALL))
        .isEqualTo(
            "Belt stopped (controlled), harness holding. Cause: F04 fall sign: sudden rise of"
                + " harness load: harness load rose 205 N in 200 ms (limit 150 N).");
  }

  @Test
  void shouldNameEveryCommandThatFailedAndABeltNotSeenAtRest() {
    SafeStopOutcome outcome =
        new SafeStopOutcome(
            Reaction.QUICK_STOP,
            List.of(
                new SafeStopOutcome.Step("drive.quickStop()", CommandResult.OK, 1),
                new SafeStopOutcome.Step("bws.setHold(true)", CommandResult.TIMEOUT, 3)),
            true,
            true,
            false,
            0,
            1,
            false);

    assertThat(StopOutcomeText.describe(outcome, FALL))
        .startsWith(
            "Belt stop commanded (quick stop) but NOT seen at rest, harness hold NOT accepted by"
                + " the BWS unit. Failed: bws.setHold(true) answered TIMEOUT after 3 attempts."
                + " Cause: F04")
        .doesNotContain("SafeStopOutcome[");
  }

  @Test
  void shouldSayWhenNoStopWasRecorded() {
    assertThat(StopOutcomeText.describe(null, null))
        .isEqualTo("No safe stop was recorded. Cause: not recorded.");
  }
}
