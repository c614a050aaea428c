package org.gaitctl.hil;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafetyFiguresTest {

  private static ScenarioResult result(Injection injection, Map<String, Double> latenciesMs) {
    Scenario scenario =
        new Scenario(
            "s",
            Path.of("s.yaml"),
            "",
            false,
            "emulated",
            Map.of(),
            "demo",
            null,
            60,
            List.of(injection),
            List.of(),
            List.of());
    return new ScenarioResult(scenario, null, List.of(), latenciesMs, Path.of("s"), null, 1);
  }

  private static SafetyFigures.Row row(List<SafetyFigures.Row> rows, String name) {
    return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void shouldTakeTheFaultToStopFigureFromEveryRunThatDetectedAFault() {
    List<ScenarioResult> results =
        List.of(
            result(new Injection(2, "estop open", null), Map.of(SafetyFigures.FAULT_TO_STOP, 4.0)),
            result(new Injection(2, "pbu stop", null), Map.of(SafetyFigures.FAULT_TO_STOP, 12.0)),
            result(new Injection(2, "drive delay 80", null), Map.of()));

    SafetyFigures.Row row =
        row(SafetyFigures.of(results), "supervised fault detected → stop on the wire");

    assertThat(row.count()).isEqualTo(2);
    assertThat(row.maxMs()).isCloseTo(12.0, org.assertj.core.data.Offset.offset(0.1));
    assertThat(row.met()).isTrue();
  }

  @Test
  void shouldJudgeTheKillFiguresOnlyOnRunsThatKilledTheControllerAndFailOnTheWorstRun() {
    List<ScenarioResult> results =
        List.of(
            result(
                new Injection(2, null, Injection.ProcessFault.KILL_CONTROLLER),
                Map.of("injection → belt slows", 280.0)),
            result(
                new Injection(2, null, Injection.ProcessFault.KILL_CONTROLLER),
                Map.of("injection → belt slows", 320.0)),
            result(new Injection(2, "estop open", null), Map.of("injection → belt slows", 5.0)));

    SafetyFigures.Row row =
        row(SafetyFigures.of(results), "SIGKILL of the controller → belt ramping down");

    assertThat(row.count()).isEqualTo(2);
    assertThat(row.met()).as("one run above WATCHDOG_MS + 50").isFalse();
  }

  @Test
  void shouldTakeTheFallFiguresFromTheFallInjectionOnly() {
    List<ScenarioResult> results =
        List.of(
            result(
                new Injection(2, "fall", null),
                Map.of("injection → HOLD on the wire", 30.0, "injection → stop on the wire", 40.0)),
            result(
                new Injection(2, "stumble", null), Map.of("injection → HOLD on the wire", 900.0)));

    List<SafetyFigures.Row> rows = SafetyFigures.of(results);

    assertThat(row(rows, "fall onset → BWS HOLD commanded").count()).isEqualTo(1);
    assertThat(row(rows, "fall onset → BWS HOLD commanded").met()).isTrue();
    assertThat(row(rows, "fall onset → belt stop commanded").met()).isTrue();
  }

  @Test
  void shouldNotCallAFigureMetThatNoRunMeasured() {
    SafetyFigures.Row row =
        row(SafetyFigures.of(List.of()), "supervised fault detected → stop on the wire");

    assertThat(row.count()).isZero();
    assertThat(row.met()).isFalse();
  }
}
