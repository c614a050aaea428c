package org.gaitctl.hil;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ExpectedOutcomesTest {

  private static final List<Expectation> SAFE_STOP =
      List.of(new Expectations.ExitCode(3), new Expectations.Fault(List.of("F07"), null));
  private static final List<Expectation> RIDDEN_THROUGH =
      List.of(new Expectations.ExitCode(130), new Expectations.JournalComplete());

  private static Scenario scenario(List<Expectation> alternative) {
    return new Scenario(
        "reset",
        Path.of("reset.yaml"),
        "",
        false,
        "emulated",
        Map.of(),
        "demo",
        8.0,
        60,
        List.of(new Injection(2, Injection.ProcessFault.RESET_TCP, "drive", 0)),
        SAFE_STOP,
        alternative);
  }

  private static Observations run(int exitCode, String output) {
    return new Observations(
        exitCode,
        output,
        null,
        null,
        List.of(),
        new EmulatorLog(),
        OptionalLong.of(1),
        Path.of("no-journal.gjl"),
        List.of(),
        Double.NaN);
  }

  @Test
  void shouldJudgeByTheFirstOutcomeWhenItHolds() {
    List<ExpectationResult> results =
        ExpectedOutcomes.judge(scenario(RIDDEN_THROUGH), run(3, "Cause: F07 drive unreachable"));

    assertThat(results).extracting(ExpectationResult::passed).containsOnly(true);
    assertThat(results)
        .extracting(ExpectationResult::expectation)
        .doesNotHaveDuplicates()
        .noneMatch(e -> e.startsWith(ExpectedOutcomes.ALTERNATIVE_PREFIX));
  }

  @Test
  void shouldFailWhenOnlyTheFirstOutcomeIsAllowedAndItDoesNotHold() {
    List<ExpectationResult> results = ExpectedOutcomes.judge(scenario(List.of()), run(130, ""));

    assertThat(results).hasSize(2).extracting(ExpectationResult::passed).contains(false);
  }

  @Test
  void shouldReportBothOutcomesMarkedWhenNeitherHolds() {
    List<ExpectationResult> results =
        ExpectedOutcomes.judge(scenario(RIDDEN_THROUGH), run(130, ""));

    assertThat(results).hasSize(4);
    assertThat(results.subList(2, 4))
        .extracting(ExpectationResult::expectation)
        .allMatch(e -> e.startsWith(ExpectedOutcomes.ALTERNATIVE_PREFIX));
    assertThat(results.get(3).passed()).as("no journal was written").isFalse();
  }
}
