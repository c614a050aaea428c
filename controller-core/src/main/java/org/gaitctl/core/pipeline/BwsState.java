package org.gaitctl.core.pipeline;

/** The BWS unit's status block, copied primitive by primitive from a BwsStatus. */
public final class BwsState {
  private boolean readOk;
  private boolean enabled;
  private boolean fault;
  private boolean holding;
  private boolean overload;
  private double forceN;
  private double cablePositionM;
  private int faultCode;

  void set(
      boolean readOk,
      boolean enabled,
      boolean fault,
      boolean holding,
      boolean overload,
      double forceN,
      double cablePositionM,
      int faultCode) {
    this.readOk = readOk;
    this.enabled = enabled;
    this.fault = fault;
    this.holding = holding;
    this.overload = overload;
    this.forceN = forceN;
    this.cablePositionM = cablePositionM;
    this.faultCode = faultCode;
  }

  public boolean readOk() {
    return readOk;
  }

  public boolean enabled() {
    return enabled;
  }

  public boolean fault() {
    return fault;
  }

  public boolean holding() {
    return holding;
  }

  public boolean overload() {
    return overload;
  }

  /** The unit's own force sensor, N. */
  public double forceN() {
    return forceN;
  }

  public double cablePositionM() {
    return cablePositionM;
  }

  public int faultCode() {
    return faultCode;
  }
}
