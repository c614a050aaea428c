package org.gaitctl.core.pipeline;

/** Measured unloading from the harness load cell; written by the load-cell stage. */
public final class Unloading {
  private UnloadingStatus status = UnloadingStatus.NONE;
  private double rawN;
  private double filteredN;

  void clear() {
    status = UnloadingStatus.NONE;
    rawN = Double.NaN;
    filteredN = Double.NaN;
  }

  void set(UnloadingStatus status, double rawN, double filteredN) {
    this.status = status;
    this.rawN = rawN;
    this.filteredN = filteredN;
  }

  public UnloadingStatus status() {
    return status;
  }

  /** The sample's cable tension, N. */
  public double rawN() {
    return rawN;
  }

  /** Low-pass filtered unloading force, N; NaN unless {@link UnloadingStatus#VALID}. */
  public double filteredN() {
    return filteredN;
  }
}
