package org.gaitctl.hmi.feedback;

import org.gaitctl.config.protocol.SymmetryTarget;
import org.gaitctl.core.symmetry.StepParameter;

/**
 * The two step quantities a protocol sets a symmetry zone for ({@link SymmetryTarget}), with what
 * the patient is told to do about the weaker side: the side with the smaller value, which bears
 * weight for less time or steps shorter.
 */
public enum SymmetryParameter {
  STANCE_TIME("Stance time", StepParameter.STANCE_TIME, "Stand longer on "),
  STEP_LENGTH("Step length", StepParameter.STEP_LENGTH, "Longer step with ");

  private final String displayName;
  private final StepParameter stepParameter;
  private final String instructionPrefix;

  SymmetryParameter(String displayName, StepParameter stepParameter, String instructionPrefix) {
    this.displayName = displayName;
    this.stepParameter = stepParameter;
    this.instructionPrefix = instructionPrefix;
  }

  public String displayName() {
    return displayName;
  }

  /** The tracked quantity, whose floor says when a symmetry index means nothing. */
  public StepParameter stepParameter() {
    return stepParameter;
  }

  /** What the patient is asked, followed by the side's name. */
  String instructionPrefix() {
    return instructionPrefix;
  }

  /** The highest |SI| of this quantity the protocol accepts, percent. */
  public double maxIndexPercent(SymmetryTarget target) {
    return this == STANCE_TIME ? target.maxStanceTimeSiPercent() : target.maxStepLengthSiPercent();
  }
}
