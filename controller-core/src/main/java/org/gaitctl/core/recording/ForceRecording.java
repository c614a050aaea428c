package org.gaitctl.core.recording;

import java.util.List;
import java.util.Objects;

/**
 * Vertical ground reaction force of each foot over time, as read from a recording made by another
 * system (C3D, CSV, PhysioNet WFDB). The offline analysis feeds it through the live pipeline's
 * stage code.
 *
 * @param source where it came from, for messages (file name, trial)
 * @param timeS sample times, s, strictly increasing; may be irregular
 * @param leftFz left foot vertical force, in {@code forceUnit}
 * @param rightFz right foot vertical force, in {@code forceUnit}
 * @param beltSpeedMps belt speed per sample, m/s, or {@code null} when unknown (overground)
 * @param leftCopApM left centre of pressure along the direction of travel, m, or {@code null}
 * @param rightCopApM right centre of pressure along the direction of travel, m, or {@code null}
 * @param forceUnit {@code "N"} for newtons; anything else (e.g. {@code "ADC"}) means thresholds in
 *     newtons do not apply as they are and the summary must say so
 * @param referenceEvents gait events the recording itself carries (may be empty)
 */
public record ForceRecording(
    String source,
    double[] timeS,
    double[] leftFz,
    double[] rightFz,
    double[] beltSpeedMps,
    double[] leftCopApM,
    double[] rightCopApM,
    String forceUnit,
    List<ReferenceEvent> referenceEvents) {

  public static final String NEWTONS = "N";

  public ForceRecording {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(timeS, "timeS");
    Objects.requireNonNull(leftFz, "leftFz");
    Objects.requireNonNull(rightFz, "rightFz");
    Objects.requireNonNull(forceUnit, "forceUnit");
    referenceEvents = List.copyOf(referenceEvents);
    requireLength(source, "leftFz", leftFz, timeS.length);
    requireLength(source, "rightFz", rightFz, timeS.length);
    requireLength(source, "beltSpeedMps", beltSpeedMps, timeS.length);
    requireLength(source, "leftCopApM", leftCopApM, timeS.length);
    requireLength(source, "rightCopApM", rightCopApM, timeS.length);
  }

  public int sampleCount() {
    return timeS.length;
  }

  public boolean isNewtons() {
    return NEWTONS.equals(forceUnit);
  }

  private static void requireLength(String source, String name, double[] values, int expected) {
    if (values != null && values.length != expected) {
      throw new IllegalArgumentException(
          source + ": " + name + " has " + values.length + " samples, time has " + expected);
    }
  }
}
