package org.gaitctl.core.pipeline;

/** The drive's status block, copied primitive by primitive from a DriveStatus. */
public final class DriveState {
  private boolean readOk;
  private boolean running;
  private boolean fault;
  private boolean estopOpen;
  private boolean safetyKeyOut;
  private boolean watchdogTripped;
  private double speedMps;
  private double speedRightMps;
  private double inclinePercent;
  private int faultCode;

  void set(
      boolean readOk,
      boolean running,
      boolean fault,
      boolean estopOpen,
      boolean safetyKeyOut,
      boolean watchdogTripped,
      double speedMps,
      double speedRightMps,
      double inclinePercent,
      int faultCode) {
    this.readOk = readOk;
    this.running = running;
    this.fault = fault;
    this.estopOpen = estopOpen;
    this.safetyKeyOut = safetyKeyOut;
    this.watchdogTripped = watchdogTripped;
    this.speedMps = speedMps;
    this.speedRightMps = speedRightMps;
    this.inclinePercent = inclinePercent;
    this.faultCode = faultCode;
  }

  /** False when the status read failed; every other value is then zero. */
  public boolean readOk() {
    return readOk;
  }

  public boolean running() {
    return running;
  }

  public boolean fault() {
    return fault;
  }

  public boolean estopOpen() {
    return estopOpen;
  }

  public boolean safetyKeyOut() {
    return safetyKeyOut;
  }

  public boolean watchdogTripped() {
    return watchdogTripped;
  }

  public double speedMps() {
    return speedMps;
  }

  public double speedRightMps() {
    return speedRightMps;
  }

  public double inclinePercent() {
    return inclinePercent;
  }

  public int faultCode() {
    return faultCode;
  }
}
