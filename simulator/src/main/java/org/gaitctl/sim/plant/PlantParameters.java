package org.gaitctl.sim.plant;

/**
 * Physical parameters of the emulated treadmill, harness and load cell. {@link #defaults()} are the
 * values documented in {@code docs/MODBUS-AND-PLANT.md}.
 *
 * @param emergencyDecelMps2 the drive's deceleration for QUICK_STOP and faults, m/s²
 * @param inclineRatePercentPerS incline actuator speed, percent grade per second
 * @param atSpeedToleranceMps AT_SPEED when every belt is within this of its setpoint, m/s
 * @param forceLoopTimeConstantS the BWS inner force loop as a first-order lag, s
 * @param forceSensorGainError relative gain error of the BWS unit's own force sensor (0.02 reads 2
 *     % high), so FORCE_ACT differs from the true tension the load cell measures
 * @param harnessStiffnessNPerM elasticity of cable and harness, N/m
 * @param harnessRestDistanceM winch to harness attachment at mean COM height, m
 * @param winchMaxSpeedMps fastest cable pay-out or take-up, m/s
 * @param bwsOverloadN tension on the BWS unit's sensor that latches OVERLOAD (fault 1), N
 * @param slackBelowN SLACK when the true tension is below this, N
 * @param collapseTimeConstantS how fast a collapsing patient's weight moves onto the harness, s
 * @param recoverTimeConstantS how fast a patient stands up again after a stumble, s
 * @param floorDropM how far the harness point can sink before the patient rests on the floor, m
 * @param loadCellGain gain of the independent load cell
 * @param loadCellOffsetN offset of the independent load cell, N
 * @param loadCellNoiseN standard deviation of the load cell's noise, N
 * @param loadCellOverloadN tension above which the load cell flags overload, N
 * @param noiseSeed seed of the load cell's noise, so a run can be repeated exactly
 */
public record PlantParameters(
    double emergencyDecelMps2,
    double inclineRatePercentPerS,
    double atSpeedToleranceMps,
    double forceLoopTimeConstantS,
    double forceSensorGainError,
    double harnessStiffnessNPerM,
    double harnessRestDistanceM,
    double winchMaxSpeedMps,
    double bwsOverloadN,
    double slackBelowN,
    double collapseTimeConstantS,
    double recoverTimeConstantS,
    double floorDropM,
    double loadCellGain,
    double loadCellOffsetN,
    double loadCellNoiseN,
    double loadCellOverloadN,
    long noiseSeed) {

  public static PlantParameters defaults() {
    return new PlantParameters(
        1.0, 1.0, 0.01, 0.030, 0.02, 3_000, 1.5, 0.5, 1800, 5, 0.030, 0.300, 0.5, 1.0, 0.0, 0.5,
        2500, 42L);
  }
}
