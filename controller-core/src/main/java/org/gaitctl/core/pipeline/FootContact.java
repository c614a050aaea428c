package org.gaitctl.core.pipeline;

/** Foot-contact output for one foot; written by the foot-contact stage. */
public final class FootContact {
  private boolean valid;
  private double forceN;
  private double copApM;
  private double copMlM;
  private double contactAreaM2;
  private boolean inContact;

  void clear() {
    valid = false;
    forceN = 0;
    copApM = Double.NaN;
    copMlM = Double.NaN;
    contactAreaM2 = 0;
    inContact = false;
  }

  /**
   * Sets this foot's estimate for the frame.
   *
   * @param forceN vertical force, N
   * @param copApM centre of pressure along the belt, m, positive anterior from the rear edge (NaN
   *     unloaded)
   * @param copMlM centre of pressure across the belt from the patient's left edge, m (NaN unloaded)
   * @param contactAreaM2 loaded area, m²
   * @param inContact the foot is in stance according to the gait-event stage
   */
  void set(double forceN, double copApM, double copMlM, double contactAreaM2, boolean inContact) {
    this.valid = true;
    this.forceN = forceN;
    this.copApM = copApM;
    this.copMlM = copMlM;
    this.contactAreaM2 = contactAreaM2;
    this.inContact = inContact;
  }

  /** True once the foot-contact stage has written this foot for the event. */
  public boolean valid() {
    return valid;
  }

  public double forceN() {
    return forceN;
  }

  public double copApM() {
    return copApM;
  }

  public double copMlM() {
    return copMlM;
  }

  public double contactAreaM2() {
    return contactAreaM2;
  }

  public boolean inContact() {
    return inContact;
  }
}
