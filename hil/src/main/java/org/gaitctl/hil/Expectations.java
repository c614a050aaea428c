package org.gaitctl.hil;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.gaitctl.core.journal.JournalReadResult;
import org.gaitctl.core.journal.JournalReader;

/**
 * The expectations a scenario can state (docs/HIL.md, "Expectations"), each with its measurement.
 */
final class Expectations {

  private Expectations() {}

  private static String ms(double value) {
    return String.format(Locale.ROOT, "%.0f ms", value);
  }

  /** Whether {@code eventNs} came at most {@code withinMs} after the injection. */
  private static ExpectationResult within(
      Expectation expectation,
      long injectedNs,
      OptionalLong eventNs,
      double withinMs,
      String whenMissing) {
    if (eventNs.isEmpty()) {
      return ExpectationResult.of(expectation, false, whenMissing, "≤ " + ms(withinMs));
    }
    double latencyMs = msBetween(injectedNs, eventNs.getAsLong());
    return ExpectationResult.of(
        expectation, latencyMs <= withinMs, "after " + ms(latencyMs), "≤ " + ms(withinMs));
  }

  private static double msBetween(long fromNs, long toNs) {
    return (toNs - fromNs) / 1e6;
  }

  private static ExpectationResult noInjection(Expectation e) {
    return ExpectationResult.of(e, false, "nothing was injected", "needs an injection");
  }

  /** The controller's exit code. */
  record ExitCode(int code) implements Expectation {
    @Override
    public String describe() {
      return "exit code " + code;
    }

    @Override
    public ExpectationResult check(Observations run) {
      Integer exit = run.exitCode();
      String measured = exit == null ? "no exit (ended by the runner)" : "exit code " + exit;
      return ExpectationResult.of(this, exit != null && exit == code, measured, "= " + code);
    }
  }

  /**
   * The controller raised one of {@code codes} (in its output), and, when {@code stopWithinMs} is
   * given, the drive was commanded to stop on the wire within that time of the injection.
   */
  record Fault(List<String> codes, Double stopWithinMs) implements Expectation {
    @Override
    public boolean measuredFromInjection() {
      return stopWithinMs != null;
    }

    @Override
    public String describe() {
      return "fault "
          + String.join("|", codes)
          + (stopWithinMs == null ? "" : ", stop on the wire within " + ms(stopWithinMs));
    }

    @Override
    public ExpectationResult check(Observations run) {
      String raised =
          codes.stream().filter(c -> raisedIn(run.sessionOutput(), c)).findFirst().orElse(null);
      if (raised == null) {
        return ExpectationResult.of(this, false, "none of " + codes + " in the output", "raised");
      }
      if (stopWithinMs == null) {
        return ExpectationResult.of(this, true, raised + " raised", "raised");
      }
      if (run.injectionNs().isEmpty()) {
        return noInjection(this);
      }
      long injectedNs = run.injectionNs().getAsLong();
      OptionalLong stopNs = run.emulator().firstStopCommand(injectedNs);
      if (stopNs.isEmpty()) {
        return ExpectationResult.of(
            this, false, raised + ", no stop on the wire", "≤ " + ms(stopWithinMs));
      }
      double latencyMs = msBetween(injectedNs, stopNs.getAsLong());
      return ExpectationResult.of(
          this,
          latencyMs <= stopWithinMs,
          raised + ", stop after " + ms(latencyMs),
          "≤ " + ms(stopWithinMs));
    }
  }

  /**
   * Whether {@code text} names fault {@code code} as the controller prints it ("Cause: F04 fall
   * sign", "later fault: F05 ..."): not inside a word or a path, where a report folder named after
   * the scenario ("/F24-belt-moving-while-stopped/") would make every check pass.
   */
  static boolean raisedIn(String text, String code) {
    return java.util.regex.Pattern.compile(
            "(?<![\\w/.-])" + java.util.regex.Pattern.quote(code) + "(?![\\w/.-])")
        .matcher(text)
        .find();
  }

  /**
   * Every belt below {@code belowMps} within {@code withinMs} of the injection (emulator state).
   */
  record BeltStopped(double belowMps, double withinMs) implements Expectation {
    @Override
    public boolean measuredFromInjection() {
      return true;
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "belt < %.2f m/s within %s", belowMps, ms(withinMs));
    }

    @Override
    public ExpectationResult check(Observations run) {
      if (run.injectionNs().isEmpty()) {
        return noInjection(this);
      }
      long injectedNs = run.injectionNs().getAsLong();
      EmulatorLog.Sample stopped =
          run.emulator().firstSample(injectedNs, s -> s.fastestBeltMps() < belowMps);
      OptionalLong stoppedNs =
          stopped == null ? OptionalLong.empty() : OptionalLong.of(stopped.timeNs());
      return within(this, injectedNs, stoppedNs, withinMs, "never below in the log");
    }
  }

  /**
   * The harness braked (HOLD or a latched BWS fault) within {@code withinMs} of the injection and
   * never released to the end of the log (emulator state).
   */
  record HarnessHeld(double withinMs) implements Expectation {
    @Override
    public boolean measuredFromInjection() {
      return true;
    }

    @Override
    public String describe() {
      return "harness held within " + ms(withinMs) + ", never released";
    }

    @Override
    public ExpectationResult check(Observations run) {
      if (run.injectionNs().isEmpty()) {
        return noInjection(this);
      }
      long injectedNs = run.injectionNs().getAsLong();
      EmulatorLog.Sample held =
          run.emulator().firstSample(injectedNs, EmulatorLog.Sample::harnessHeld);
      if (held == null) {
        return ExpectationResult.of(this, false, "never held in the log", "≤ " + ms(withinMs));
      }
      EmulatorLog.Sample released =
          run.emulator().firstSample(held.timeNs(), s -> !s.harnessHeld());
      double latencyMs = msBetween(injectedNs, held.timeNs());
      if (released != null) {
        return ExpectationResult.of(
            this,
            false,
            "held after "
                + ms(latencyMs)
                + ", released after "
                + ms(msBetween(injectedNs, released.timeNs())),
            "never released");
      }
      return ExpectationResult.of(
          this, latencyMs <= withinMs, "held after " + ms(latencyMs), "≤ " + ms(withinMs));
    }
  }

  /** A device's watchdog tripped within {@code withinMs} of the injection (emulator event). */
  record WatchdogTrip(String device, double withinMs) implements Expectation {
    @Override
    public boolean measuredFromInjection() {
      return true;
    }

    @Override
    public String describe() {
      return device + " watchdog trips within " + ms(withinMs);
    }

    @Override
    public ExpectationResult check(Observations run) {
      if (run.injectionNs().isEmpty()) {
        return noInjection(this);
      }
      long injectedNs = run.injectionNs().getAsLong();
      OptionalLong trip = run.emulator().firstEvent(injectedNs, "watchdog", device);
      return within(this, injectedNs, trip, withinMs, "no trip in the log");
    }
  }

  /** The belt began to slow within {@code withinMs} of the injection (emulator state). */
  record BeltFalls(double withinMs) implements Expectation {
    @Override
    public boolean measuredFromInjection() {
      return true;
    }

    @Override
    public String describe() {
      return "belt starts to slow within " + ms(withinMs);
    }

    @Override
    public ExpectationResult check(Observations run) {
      if (run.injectionNs().isEmpty()) {
        return noInjection(this);
      }
      long injectedNs = run.injectionNs().getAsLong();
      OptionalLong onset = run.emulator().beltFallOnset(injectedNs);
      return within(this, injectedNs, onset, withinMs, "did not slow in the log");
    }
  }

  /**
   * The steps the controller detected ({@code steps.csv}) against the patient's ground truth, on
   * their common clock: the steps table's origin in the journal plus the step's time is the
   * controller's {@code System.nanoTime()}, the clock of the emulators' ground truth ({@link
   * StepsTableOrigin}). Each detected heel strike is paired with a true one of the same side within
   * {@code heelStrikeWithinMs} ({@link StepMatch}). Over the span the controller detected (its
   * first to its last step), at most {@code withinPercent} of the true steps may be missed and at
   * most as many detected steps may have no true step.
   */
  record Steps(double withinPercent, double heelStrikeWithinMs) implements Expectation {
    @Override
    public String describe() {
      return String.format(
          Locale.ROOT,
          "steps within %.0f %% of ground truth, heel strikes within %s",
          withinPercent,
          ms(heelStrikeWithinMs));
    }

    @Override
    public ExpectationResult check(Observations run) {
      List<Observations.StepTime> detected = run.detectedSteps();
      List<Observations.TruthStep> truth = run.groundTruth();
      if (detected == null || detected.isEmpty() || truth.isEmpty()) {
        return ExpectationResult.of(
            this,
            false,
            detected == null
                ? "no steps.csv, or no steps-table origin in the journal"
                : "no steps to compare",
            "steps in both");
      }
      StepMatch match = StepMatch.of(detected, truth, heelStrikeWithinMs / 1000);
      int inSpan = match.trueInSpan().size();
      double allowed = withinPercent / 100 * inSpan;
      return ExpectationResult.of(
          this,
          match.missed() <= allowed && match.withoutTrueStep() <= allowed,
          String.format(
              Locale.ROOT,
              "%d detected, %d true in their span: %d matched (heel strike within %.0f ms),"
                  + " %d missed, %d without a true step",
              detected.size(),
              inSpan,
              match.matched().size(),
              match.worstErrorMs(),
              match.missed(),
              match.withoutTrueStep()),
          String.format(Locale.ROOT, "missed and extra ≤ %.1f", allowed));
    }
  }

  /**
   * The stance-time symmetry index the controller reported ({@code summary.json}, stages weighted
   * by their steps) against the ground truth's over the same steps: the true steps the controller
   * detected ({@link StepMatch}, heel strikes within {@link #PAIRING_MS}). Not over every true
   * step: the emulator's log also holds the steps before the controller's first and after its last
   * (the first ones from standing, the last one's stance ended by the belt stopping), which the
   * reported index never contained.
   *
   * <p>A run that changes the patient's asymmetry ({@code patient asymmetry} injections) is judged
   * per phase ({@link SymmetryPhases}): per interval between changes, the controller's stance SI
   * over the steps it detected there (its own stance times, {@code steps.csv}: the stage summary
   * holds one index per stage, not per interval) against the true SI of the same steps, the first
   * two strides after each change left out.
   */
  record Symmetry(double withinPoints) implements Expectation {

    /** Pairing of detected and true heel strikes, ms: the library's {@code heelStrikeWithinMs}. */
    static final double PAIRING_MS = 50;

    @Override
    public String describe() {
      return String.format(
          Locale.ROOT, "stance SI within %.1f points of ground truth", withinPoints);
    }

    @Override
    public ExpectationResult check(Observations run) {
      List<SymmetryPhases.Change> changes = SymmetryPhases.changes(run.emulator());
      if (!changes.isEmpty()) {
        return checkPhases(run, changes);
      }
      List<Observations.StepTime> detected = run.detectedSteps();
      double truth =
          detected == null
              ? Double.NaN
              : truthStanceSiPercent(
                  StepMatch.of(detected, run.groundTruth(), PAIRING_MS / 1000).matchedTruth());
      double reported = reportedStanceSiPercent(run.summary());
      if (!Double.isFinite(truth) || !Double.isFinite(reported)) {
        return ExpectationResult.of(
            this, false, "no stance SI (summary or ground truth)", "both present");
      }
      double points = Math.abs(reported - truth);
      return ExpectationResult.of(
          this,
          points <= withinPoints,
          String.format(
              Locale.ROOT, "%.1f %% reported, %.1f %% true (same steps)", reported, truth),
          String.format(Locale.ROOT, "± %.1f points", withinPoints));
    }

    private ExpectationResult checkPhases(Observations run, List<SymmetryPhases.Change> changes) {
      String limit = String.format(Locale.ROOT, "± %.1f points in every phase", withinPoints);
      List<Observations.StepTime> detected = run.detectedSteps();
      if (detected == null) {
        return ExpectationResult.of(
            this, false, "no steps.csv, or no steps-table origin in the journal", limit);
      }
      StepMatch match = StepMatch.of(detected, run.groundTruth(), PAIRING_MS / 1000);
      List<SymmetryPhases.Phase> phases =
          SymmetryPhases.of(
              match,
              run.groundTruth(),
              ScenarioRun.firstStage(run.emulator().samples()),
              run.profileStanceAsymmetryPercent(),
              changes,
              run.emulator().firstStopCommand(changes.get(changes.size() - 1).timeNs()));
      boolean passed = true;
      List<String> lines = new ArrayList<>();
      for (SymmetryPhases.Phase phase : phases) {
        double reported = phase.reportedSiPercent();
        double truth = phase.trueSiPercent();
        if (!Double.isFinite(reported) || !Double.isFinite(truth)) {
          passed = false;
          lines.add(
              String.format(
                  Locale.ROOT,
                  "stance SI %s: no SI (%d steps, both sides needed)",
                  phase.label(),
                  phase.pairs().size()));
          continue;
        }
        passed &= Math.abs(reported - truth) <= withinPoints;
        lines.add(
            String.format(
                Locale.ROOT,
                "stance SI %s: %.1f %% reported, %.1f %% true (%d steps)",
                phase.label(),
                reported,
                truth,
                phase.pairs().size()));
      }
      return ExpectationResult.of(
          this,
          passed,
          String.join("; ", lines)
              + "; the first "
              + SymmetryPhases.SETTLING_STEPS / 2
              + " strides after each change left out",
          limit);
    }

    static double truthStanceSiPercent(List<Observations.TruthStep> steps) {
      double left =
          steps.stream()
              .filter(s -> s.side().equals("L"))
              .mapToDouble(Observations.TruthStep::stanceS)
              .average()
              .orElse(Double.NaN);
      double right =
          steps.stream()
              .filter(s -> s.side().equals("R"))
              .mapToDouble(Observations.TruthStep::stanceS)
              .average()
              .orElse(Double.NaN);
      return 200 * (left - right) / (left + right);
    }

    static double reportedStanceSiPercent(JsonNode summary) {
      if (summary == null) {
        return Double.NaN;
      }
      double weighted = 0;
      int steps = 0;
      for (JsonNode stage : summary.path("stages")) {
        JsonNode si = stage.path("stanceTimeSiPercent");
        int n = stage.path("steps").asInt();
        if (si.isNumber() && n > 0) {
          weighted += si.asDouble() * n;
          steps += n;
        }
      }
      return steps == 0 ? Double.NaN : weighted / steps;
    }
  }

  /** The worst stage's unloading error RMS in {@code summary.json}, in % body weight. */
  record UnloadingRms(double belowPercentBw) implements Expectation {
    @Override
    public String describe() {
      return String.format(Locale.ROOT, "unloading error RMS < %.1f %% BW", belowPercentBw);
    }

    @Override
    public ExpectationResult check(Observations run) {
      double worst = Double.NaN;
      if (run.summary() != null) {
        for (JsonNode stage : run.summary().path("stages")) {
          JsonNode rms = stage.path("unloadingErrorRmsPercentBw");
          if (rms.isNumber() && !(rms.asDouble() <= worst)) {
            worst = rms.asDouble();
          }
        }
      }
      if (Double.isNaN(worst)) {
        return ExpectationResult.of(
            this, false, "no unloading RMS in summary.json", "< " + belowPercentBw);
      }
      return ExpectationResult.of(
          this,
          worst < belowPercentBw,
          String.format(Locale.ROOT, "%.2f %% BW", worst),
          String.format(Locale.ROOT, "< %.1f %% BW", belowPercentBw));
    }
  }

  /** The session's journal reads back to its end with {@link JournalReader}. */
  record JournalComplete() implements Expectation {
    @Override
    public String describe() {
      return "journal complete";
    }

    @Override
    public ExpectationResult check(Observations run) {
      if (!Files.exists(run.journal())) {
        return ExpectationResult.of(this, false, "no journal", "complete");
      }
      try {
        JournalReadResult result = JournalReader.read(run.journal(), record -> {});
        return ExpectationResult.of(this, result.complete(), result.describe(), "complete");
      } catch (IOException e) {
        return ExpectationResult.of(this, false, "unreadable: " + e.getMessage(), "complete");
      }
    }
  }

  /**
   * No device latched a fault of its own while the belt moved: every {@code latch} event up to the
   * last sample with a belt at or above {@value #MOVING_MPS} m/s is the drive's code 0, a quick
   * stop the controller commanded. A controlled stop for a lost stream or sensor must not trip a
   * device (leave it out where the injection itself latches one). Latches with the belt at rest for
   * good are left out: the controller leaves the device watchdogs armed when it exits (SAFETY.md
   * section 8), so both devices trip a WATCHDOG_MS after every session's end.
   */
  record NoDeviceFault() implements Expectation {

    static final double MOVING_MPS = 0.05;

    @Override
    public String describe() {
      return "no device fault latched while the belt moved (but a commanded quick stop)";
    }

    @Override
    public ExpectationResult check(Observations run) {
      long lastMovingNs = Long.MIN_VALUE;
      for (EmulatorLog.Sample sample : run.emulator().samples()) {
        if (sample.fastestBeltMps() >= MOVING_MPS) {
          lastMovingNs = sample.timeNs();
        }
      }
      long movingUntilNs = lastMovingNs;
      List<String> latched =
          run.emulator().events().stream()
              .filter(e -> e.type().equals("latch"))
              .filter(e -> e.timeNs() - movingUntilNs <= 0)
              .filter(e -> !(e.device().equals("drive") && e.code() == 0))
              .map(e -> e.device() + " code " + e.code())
              .toList();
      return ExpectationResult.of(
          this, latched.isEmpty(), latched.isEmpty() ? "none" : String.join(", ", latched), "none");
    }
  }
}
