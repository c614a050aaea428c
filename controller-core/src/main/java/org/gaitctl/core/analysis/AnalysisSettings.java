package org.gaitctl.core.analysis;

import org.gaitctl.core.gait.EventSettings;
import org.gaitctl.core.recording.ForceRecording;

/**
 * Parameters of an offline analysis ({@code gaitctl analyze}).
 *
 * @param heelStrikeThresholdN heel-strike threshold for recordings in newtons, N
 * @param toeOffThresholdN toe-off threshold for recordings in newtons, N
 * @param heelStrikeFraction heel-strike threshold for recordings in other units, as a fraction of
 *     each foot's running force range
 * @param toeOffFraction toe-off threshold for recordings in other units, as a fraction
 * @param minStanceS minimum stance, s
 * @param minSwingS minimum swing, s
 * @param maxGapS a longer gap between samples resets event detection, s
 */
public record AnalysisSettings(
    double heelStrikeThresholdN,
    double toeOffThresholdN,
    double heelStrikeFraction,
    double toeOffFraction,
    double minStanceS,
    double minSwingS,
    double maxGapS) {

  public AnalysisSettings {
    // Build both variants now, so that bad values fail here and not in the middle of an analysis.
    absoluteEvents(
            heelStrikeThresholdN,
            toeOffThresholdN,
            heelStrikeFraction,
            toeOffFraction,
            minStanceS,
            minSwingS,
            maxGapS)
        .withRelative(heelStrikeFraction, toeOffFraction);
  }

  /** The live defaults: 20 N / 10 N, 10 % / 5 %, 120 ms stance, 100 ms swing, 100 ms gap. */
  public static AnalysisSettings defaults() {
    EventSettings n = EventSettings.newtonDefaults();
    EventSettings r = EventSettings.relativeDefaults();
    return new AnalysisSettings(
        n.heelStrikeThreshold(),
        n.toeOffThreshold(),
        r.heelStrikeFraction(),
        r.toeOffFraction(),
        n.minStanceS(),
        n.minSwingS(),
        n.maxGapS());
  }

  public AnalysisSettings withThresholdsN(double heelStrikeN, double toeOffN) {
    return new AnalysisSettings(
        heelStrikeN, toeOffN, heelStrikeFraction, toeOffFraction, minStanceS, minSwingS, maxGapS);
  }

  /** Event settings for {@code recording}: newtons absolute, any other unit relative. */
  public EventSettings eventsFor(ForceRecording recording) {
    EventSettings absolute =
        absoluteEvents(
            heelStrikeThresholdN,
            toeOffThresholdN,
            heelStrikeFraction,
            toeOffFraction,
            minStanceS,
            minSwingS,
            maxGapS);
    return recording.isNewtons()
        ? absolute
        : absolute.withRelative(heelStrikeFraction, toeOffFraction);
  }

  /** The live detector's settings with this analysis' thresholds and durations. */
  private static EventSettings absoluteEvents(
      double heelStrikeN,
      double toeOffN,
      double heelStrikeFraction,
      double toeOffFraction,
      double minStanceS,
      double minSwingS,
      double maxGapS) {
    EventSettings base = EventSettings.newtonDefaults();
    return new EventSettings(
        heelStrikeN,
        toeOffN,
        false,
        heelStrikeFraction,
        toeOffFraction,
        base.rangeTimeConstantS(),
        base.warmupS(),
        minStanceS,
        minSwingS,
        maxGapS,
        base.heelStrikeConfirmS());
  }
}
