package org.gaitctl.hil;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The symmetry expectation of a run that changes the patient's asymmetry (test resources {@code
 * steps/phases/}): a patient stepping every 0.6 s, first stage at 100 s, {@code patient asymmetry
 * 10} at 106 s and {@code 25} at 112 s (walked from the third step after each), the controlled stop
 * at 118 s; the controller detects each step 10 ms late with its stance 20 ms long.
 */
class SymmetryPhasesTest {

  /** The steps table's origin of the fixture's {@code steps.csv}, ns. */
  private static final long ORIGIN_NS = 90_000_000_000L;

  @Test
  void shouldJudgeEachAsymmetryPhaseOnTheStepsDetectedInIt() throws Exception {
    Observations run = run("steps.csv", 0.0);

    ExpectationResult result = new Expectations.Symmetry(2).check(run);

    assertThat(result.measured())
        .isEqualTo(
            "stance SI at 0 %: 0.0 % reported, 0.0 % true (10 steps);"
                + " stance SI at 10 %: 9.8 % reported, 10.0 % true (6 steps);"
                + " stance SI at 25 %: 24.4 % reported, 25.0 % true (6 steps);"
                + " the first 2 strides after each change left out");
    assertThat(result.limit()).isEqualTo("± 2.0 points in every phase");
    assertThat(result.passed()).isTrue();
  }

  @Test
  void shouldFailWhenTheControllerMissesOneChange() throws Exception {
    // Its stance times stay symmetric after the change to 25 %.
    Observations run = run("steps-missed-25.csv", 0.0);

    ExpectationResult result = new Expectations.Symmetry(10).check(run);

    assertThat(result.passed()).isFalse();
    assertThat(result.measured()).contains("stance SI at 25 %: 0.0 % reported, 25.0 % true");
  }

  @Test
  void shouldLeaveOutTwoStridesAfterEachChangeAndTheStepsAfterTheStop() throws Exception {
    Observations run = run("steps.csv", Double.NaN);
    List<SymmetryPhases.Change> changes = SymmetryPhases.changes(run.emulator());
    StepMatch match = StepMatch.of(run.detectedSteps(), run.groundTruth(), 0.05);

    List<SymmetryPhases.Phase> phases =
        SymmetryPhases.of(
            match,
            run.groundTruth(),
            ScenarioRun.firstStage(run.emulator().samples()),
            Double.NaN,
            changes,
            run.emulator().firstStopCommand(changes.get(1).timeNs()));

    assertThat(changes)
        .containsExactly(
            new SymmetryPhases.Change(106_000_000_000L, 10),
            new SymmetryPhases.Change(112_000_000_000L, 25));
    assertThat(phases.get(0).label()).isEqualTo("from the first stage");
    assertThat(firstAndLastTrueHeelStrikeS(phases.get(0))).containsExactly(100.4, 105.8);
    assertThat(firstAndLastTrueHeelStrikeS(phases.get(1))).containsExactly(108.8, 111.8);
    assertThat(firstAndLastTrueHeelStrikeS(phases.get(2))).containsExactly(114.8, 117.8);
  }

  @Test
  void shouldJudgeTheWholeRunAsBeforeWithoutAChange() throws Exception {
    // No asymmetry injection in the log: the reported index of the summary, as before (none here).
    Observations run = run("steps.csv", 0.0);
    Observations withoutChanges =
        new Observations(
            run.exitCode(),
            run.sessionOutput(),
            null,
            run.detectedSteps(),
            run.groundTruth(),
            new EmulatorLog(),
            OptionalLong.empty(),
            null,
            List.of(),
            0.0);

    ExpectationResult result = new Expectations.Symmetry(10).check(withoutChanges);

    assertThat(result.measured()).isEqualTo("no stance SI (summary or ground truth)");
  }

  @Test
  void shouldTellAnAsymmetryChangeFromAFault() {
    assertThat(SymmetryPhases.changesTheWalk(new Injection(8, "patient asymmetry 10", null)))
        .isTrue();
    assertThat(SymmetryPhases.changesTheWalk(new Injection(8, "Patient  Asymmetry 25 20", null)))
        .isTrue();
    assertThat(SymmetryPhases.changesTheWalk(new Injection(8, "patient speed 0.3", null)))
        .isFalse();
    assertThat(
            SymmetryPhases.changesTheWalk(
                new Injection(8, Injection.ProcessFault.KILL_CONTROLLER, null, 0)))
        .isFalse();
  }

  private static List<Double> firstAndLastTrueHeelStrikeS(SymmetryPhases.Phase phase) {
    List<StepMatch.Pair> pairs = phase.pairs();
    return List.of(
        pairs.get(0).truth().heelStrikeS(), pairs.get(pairs.size() - 1).truth().heelStrikeS());
  }

  private static Observations run(String steps, double profileStancePercent) throws Exception {
    Path folder = resource("steps/phases");
    return new Observations(
        130,
        "",
        null,
        GroundTruthCsv.readDetected(folder.resolve(steps), ORIGIN_NS),
        GroundTruthCsv.read(folder.resolve("ground-truth.csv")),
        EmulatorLog.read(folder.resolve("events.jsonl")),
        OptionalLong.empty(),
        null,
        List.of(),
        profileStancePercent);
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(SymmetryPhasesTest.class.getClassLoader().getResource(name).toURI());
  }
}
