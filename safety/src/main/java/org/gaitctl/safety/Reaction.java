package org.gaitctl.safety;

/**
 * What the supervisor does to the machine when a fault is raised in {@link SafetyState#RUNNING}.
 */
public enum Reaction {
  /**
   * Belt ramped to zero at the profile's {@code stopDecelMps2} ({@code rampToStop}, {@code
   * setRunning(false)}); the drive's quick stop if either fails; harness held.
   */
  CONTROLLED_STOP,
  /**
   * The drive's quick stop at once (emergency ramp, fault latched in the drive); harness held. For
   * faults where the drive cannot be trusted to follow a ramp or the patient is already at risk.
   */
  QUICK_STOP
}
