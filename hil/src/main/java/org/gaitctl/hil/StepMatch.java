package org.gaitctl.hil;

import java.util.ArrayList;
import java.util.List;

/**
 * The controller's steps paired with the patient's true steps on their common clock (the host's
 * {@code System.nanoTime()}: {@link StepsTableOrigin}): each detected heel strike with the nearest
 * unpaired true heel strike of the same side within the tolerance, each true step used once.
 *
 * @param matched the pairs, in the order of the detected steps
 * @param trueInSpan the true steps from the first detected heel strike to the last (± tolerance):
 *     the span the controller analysed
 * @param detected the number of detected steps
 */
record StepMatch(List<Pair> matched, List<Observations.TruthStep> trueInSpan, int detected) {

  /** A detected step and its true step. */
  record Pair(Observations.StepTime detected, Observations.TruthStep truth) {

    /** Detected minus true heel strike, ms (positive: detected late). */
    double errorMs() {
      return (detected.heelStrikeS() - truth.heelStrikeS()) * 1000;
    }
  }

  static StepMatch of(
      List<Observations.StepTime> detected, List<Observations.TruthStep> truth, double toleranceS) {
    List<Pair> matched = new ArrayList<>();
    boolean[] used = new boolean[truth.size()];
    for (Observations.StepTime step : detected) {
      int best = -1;
      double bestErrorS = Double.POSITIVE_INFINITY;
      for (int i = 0; i < truth.size(); i++) {
        Observations.TruthStep t = truth.get(i);
        double errorS = Math.abs(t.heelStrikeS() - step.heelStrikeS());
        if (!used[i]
            && t.side().equals(step.side())
            && errorS <= toleranceS
            && errorS < bestErrorS) {
          best = i;
          bestErrorS = errorS;
        }
      }
      if (best >= 0) {
        used[best] = true;
        matched.add(new Pair(step, truth.get(best)));
      }
    }
    List<Observations.TruthStep> inSpan = List.of();
    if (!detected.isEmpty()) {
      double firstS = detected.get(0).heelStrikeS() - toleranceS;
      double lastS = detected.get(detected.size() - 1).heelStrikeS() + toleranceS;
      inSpan =
          truth.stream()
              .filter(t -> t.heelStrikeS() >= firstS && t.heelStrikeS() <= lastS)
              .toList();
    }
    return new StepMatch(List.copyOf(matched), inSpan, detected.size());
  }

  int missed() {
    return trueInSpan.size() - matched.size();
  }

  int withoutTrueStep() {
    return detected - matched.size();
  }

  /** The true steps the controller detected. */
  List<Observations.TruthStep> matchedTruth() {
    return matched.stream().map(Pair::truth).toList();
  }

  /** The largest heel-strike error of the pairs, ms (0 without pairs). */
  double worstErrorMs() {
    return matched.stream().mapToDouble(p -> Math.abs(p.errorMs())).max().orElse(0);
  }
}
