package org.gaitctl.config.protocol;

/**
 * The zone the symmetry feedback aims for: the absolute symmetry index (Robinson 1987, percent) of
 * stance time and of step length at or below these bounds.
 *
 * @param maxStanceTimeSiPercent highest |SI| of stance time, percent, &gt; 0
 * @param maxStepLengthSiPercent highest |SI| of step length, percent, &gt; 0
 */
public record SymmetryTarget(double maxStanceTimeSiPercent, double maxStepLengthSiPercent) {

  public SymmetryTarget {
    ProtocolRules.requirePositive("maxStanceTimeSiPercent", maxStanceTimeSiPercent);
    ProtocolRules.requirePositive("maxStepLengthSiPercent", maxStepLengthSiPercent);
  }
}
