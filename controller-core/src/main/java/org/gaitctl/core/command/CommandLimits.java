package org.gaitctl.core.command;

import org.gaitctl.config.SafetyLimits;

/**
 * What the {@link CommandGate} lets through: the device profile's safety limits, plus the largest
 * change of a setpoint one command may ask for. The step limits make a setpoint move in ramps the
 * controller sends (e.g. 0.05 m/s every 100 ms), never in one jump a bug or a slip of a finger
 * could cause; a speed decrease is always allowed, because slowing the belt is the way to safety.
 *
 * @param limits the device profile's safety limits
 * @param maxSpeedStepMps largest increase of a belt speed setpoint in one command, m/s
 * @param maxInclineStepPercent largest change of the incline setpoint in one command, % grade
 * @param maxForceStepN largest change of the unloading setpoint in one command, N
 */
public record CommandLimits(
    SafetyLimits limits,
    double maxSpeedStepMps,
    double maxInclineStepPercent,
    double maxForceStepN) {

  /** Default step limits: 0.25 m/s, 2 % grade, 50 N per command. */
  public static CommandLimits of(SafetyLimits limits) {
    return new CommandLimits(limits, 0.25, 2.0, 50.0);
  }

  public CommandLimits {
    if (limits == null) {
      throw new IllegalArgumentException("command limits need the profile's safety limits");
    }
    positive("maxSpeedStepMps", maxSpeedStepMps);
    positive("maxInclineStepPercent", maxInclineStepPercent);
    positive("maxForceStepN", maxForceStepN);
  }

  private static void positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "command limit " + name + " = " + value + " must be finite and > 0");
    }
  }
}
