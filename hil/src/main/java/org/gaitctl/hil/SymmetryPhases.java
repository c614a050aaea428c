package org.gaitctl.hil;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A run's walking split into its asymmetry phases, for the symmetry expectation: from the first
 * stage to the first {@code patient asymmetry} console command the emulators carried out, then from
 * each such command to the next, the last one to the belt's controlled stop (the first stop on the
 * wire after it). A phase after a change leaves out the first {@value #SETTLING_STEPS} true steps
 * after the command: the patient takes a new asymmetry from its next stride, and the stride under
 * way when the command came, and the step already planned, still walk the old one.
 */
final class SymmetryPhases {

  /** The fault console's command that changes the patient's asymmetry (docs/HIL.md section 3). */
  static final String COMMAND_PREFIX = "patient asymmetry ";

  /** Two strides: left out after each change. */
  static final int SETTLING_STEPS = 4;

  private SymmetryPhases() {}

  /** A change of the patient's stance asymmetry, as the emulators carried it out. */
  record Change(long timeNs, double stancePercent) {}

  /**
   * One phase: the detected steps paired with true steps whose true heel strike lies in it.
   *
   * @param stancePercent the stance asymmetry the patient walked with, %; NaN when unknown
   * @param pairs the detected steps of the phase with their true steps
   */
  record Phase(double stancePercent, List<StepMatch.Pair> pairs) {

    /** "at 10 %", or "from the first stage" when the profile's asymmetry is unknown. */
    String label() {
      return Double.isNaN(stancePercent)
          ? "from the first stage"
          : String.format(Locale.ROOT, "at %.0f %%", stancePercent);
    }

    /** The controller's stance SI over the phase: its own stance times ({@code steps.csv}), %. */
    double reportedSiPercent() {
      return siPercent(
          meanStanceS(pairs.stream().filter(p -> p.detected().side().equals("L")), true),
          meanStanceS(pairs.stream().filter(p -> p.detected().side().equals("R")), true));
    }

    /** The patient's true stance SI over the same steps, %. */
    double trueSiPercent() {
      return siPercent(
          meanStanceS(pairs.stream().filter(p -> p.truth().side().equals("L")), false),
          meanStanceS(pairs.stream().filter(p -> p.truth().side().equals("R")), false));
    }

    private static double meanStanceS(Stream<StepMatch.Pair> pairs, boolean detected) {
      return pairs
          .mapToDouble(p -> detected ? p.detected().stanceS() : p.truth().stanceS())
          .average()
          .orElse(Double.NaN);
    }

    /** Robinson's index of the two means, %: the controller's formula ({@code SymmetryMath}). */
    private static double siPercent(double left, double right) {
      return 200 * (left - right) / (left + right);
    }
  }

  /** Whether {@code injection} is a console line that changes the patient's asymmetry. */
  static boolean changesTheWalk(Injection injection) {
    return injection.simCommand() != null
        && (injection.simCommand().trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT) + " ")
            .startsWith(COMMAND_PREFIX);
  }

  /** The asymmetry changes in the emulators' log, in their order. */
  static List<Change> changes(EmulatorLog log) {
    List<Change> changes = new ArrayList<>();
    for (EmulatorLog.Event event : log.events()) {
      if (event.type().equals("inject") && event.command().startsWith(COMMAND_PREFIX)) {
        String stance = event.command().substring(COMMAND_PREFIX.length()).trim().split("\\s+")[0];
        changes.add(new Change(event.timeNs(), Double.parseDouble(stance)));
      }
    }
    return changes;
  }

  /**
   * The phases of a run with at least one change.
   *
   * @param match the detected steps paired with the true ones
   * @param truth every true step, in time order
   * @param firstStageNs when the belt reached the first stage, or negative when never
   * @param profileStancePercent the profile's stance asymmetry (the first phase's), or NaN
   * @param changes the changes, in time order; not empty
   * @param stopNs the first stop on the wire after the last change, if any
   */
  static List<Phase> of(
      StepMatch match,
      List<Observations.TruthStep> truth,
      long firstStageNs,
      double profileStancePercent,
      List<Change> changes,
      OptionalLong stopNs) {
    List<Phase> phases = new ArrayList<>();
    double fromS = firstStageNs < 0 ? Double.NEGATIVE_INFINITY : firstStageNs / 1e9;
    phases.add(
        new Phase(profileStancePercent, pairsIn(match, fromS, changes.get(0).timeNs() / 1e9)));
    for (int i = 0; i < changes.size(); i++) {
      Change change = changes.get(i);
      double settledS = settledAfterS(truth, change.timeNs() / 1e9);
      double untilS =
          i + 1 < changes.size()
              ? changes.get(i + 1).timeNs() / 1e9
              : stopNs.isPresent() ? stopNs.getAsLong() / 1e9 : Double.POSITIVE_INFINITY;
      phases.add(new Phase(change.stancePercent(), pairsIn(match, settledS, untilS)));
    }
    return phases;
  }

  /**
   * The heel strike of the last settling step after {@code changeS}: the phase's steps come after
   * it. Infinite when the run has fewer true steps.
   */
  private static double settledAfterS(List<Observations.TruthStep> truth, double changeS) {
    int after = 0;
    for (Observations.TruthStep step : truth) {
      if (step.heelStrikeS() > changeS && ++after == SETTLING_STEPS) {
        return Math.nextUp(step.heelStrikeS());
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /** The pairs whose true heel strike lies in [fromS, untilS). */
  private static List<StepMatch.Pair> pairsIn(StepMatch match, double fromS, double untilS) {
    return match.matched().stream()
        .filter(p -> p.truth().heelStrikeS() >= fromS && p.truth().heelStrikeS() < untilS)
        .toList();
  }
}
