package org.gaitctl.hil;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * What one run produced, measured from outside the controller where possible: the emulators' event
 * log and the patient's ground truth from {@code gaitctl sim}, the controller's exit code, output
 * and session files.
 *
 * @param exitCode the controller's exit code, or {@code null} when the runner had to end it (it
 *     hung past the scenario's timeout) or it never started
 * @param sessionOutput everything the controller printed (stdout and stderr)
 * @param summary the session's {@code summary.json}, or {@code null} when it wrote none
 * @param detectedSteps the steps of the session's {@code steps.csv} (heel strikes on the host
 *     clock, the ground truth's), or {@code null} when it wrote none or the journal has no steps
 *     table to place them
 * @param groundTruth the emulated patient's true steps
 * @param emulator the emulators' event log
 * @param injectionNs when the first injection took effect (the emulator's record of a console
 *     command, the runner's clock for a process fault), or empty when nothing was injected
 * @param journal the session's journal file
 * @param resources the controller's memory sampled from outside (empty unless a soak expectation
 *     asked for it)
 * @param profileStanceAsymmetryPercent the stance asymmetry of the per-run profile's patient, %,
 *     which it walks until a {@code patient asymmetry} injection; NaN when unknown
 */
public record Observations(
    Integer exitCode,
    String sessionOutput,
    JsonNode summary,
    List<StepTime> detectedSteps,
    List<TruthStep> groundTruth,
    EmulatorLog emulator,
    OptionalLong injectionNs,
    Path journal,
    List<ResourceSample> resources,
    double profileStanceAsymmetryPercent) {

  public Observations {
    resources = List.copyOf(resources);
  }

  /**
   * One step of the ground truth: side letter ({@code L}/{@code R}), heel strike on the emulator's
   * clock, stance time.
   */
  public record TruthStep(String side, double heelStrikeS, double stanceS) {}

  /**
   * A step the controller detected: side letter, heel strike on the host clock ({@code
   * System.nanoTime()}, s), the ground truth's, and the stance time the controller measured, s (NaN
   * when it has none).
   */
  public record StepTime(String side, double heelStrikeS, double stanceS) {}
}
