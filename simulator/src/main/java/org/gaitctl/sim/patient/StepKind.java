package org.gaitctl.sim.patient;

/** What kind of step a ground-truth record describes. */
public enum StepKind {
  /** A regular walking step: every field is exact. */
  WALK("walk"),
  /** A short irregular step injected by {@link PatientGaitModel#stumble()}. */
  STUMBLE("stumble"),
  /**
   * A stance that took part in stopping or standing (the last steps before standing still, or a
   * stance that began before standing): times are exact, peak force and impulse are unknown.
   */
  STOP("stop"),
  /**
   * A stance ended by {@link PatientGaitModel#fall()}: the toe-off time is the time of the fall.
   */
  FALL("fall");

  private final String csvName;

  StepKind(String csvName) {
    this.csvName = csvName;
  }

  /** The name written in the ground-truth CSV. */
  public String csvName() {
    return csvName;
  }
}
