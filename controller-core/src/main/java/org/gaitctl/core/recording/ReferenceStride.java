package org.gaitctl.core.recording;

/**
 * One row of a PhysioNet gaitndd {@code .ts} file: the original authors' measurement of one stride,
 * ending at a left heel strike. Times in seconds, shares in percent of the stride.
 *
 * @param leftHeelStrikeS elapsed time of the left heel strike that ends this stride
 * @param leftStrideS left stride time (previous left heel strike to this one)
 * @param rightStrideS right stride time
 * @param leftSwingS left swing time
 * @param rightSwingS right swing time
 * @param leftSwingPct left swing, % of stride
 * @param rightSwingPct right swing, % of stride
 * @param leftStanceS left stance time
 * @param rightStanceS right stance time
 * @param leftStancePct left stance, % of stride
 * @param rightStancePct right stance, % of stride
 * @param doubleSupportS double support time within the stride
 * @param doubleSupportPct double support, % of stride
 */
public record ReferenceStride(
    double leftHeelStrikeS,
    double leftStrideS,
    double rightStrideS,
    double leftSwingS,
    double rightSwingS,
    double leftSwingPct,
    double rightSwingPct,
    double leftStanceS,
    double rightStanceS,
    double leftStancePct,
    double rightStancePct,
    double doubleSupportS,
    double doubleSupportPct) {

  /** Left heel strike that starts this stride: {@code leftHeelStrikeS - leftStrideS}. */
  public double previousLeftHeelStrikeS() {
    return leftHeelStrikeS - leftStrideS;
  }

  /** Left toe off within this stride: stance comes first, so it is swing time before the end. */
  public double leftToeOffS() {
    return leftHeelStrikeS - leftSwingS;
  }
}
