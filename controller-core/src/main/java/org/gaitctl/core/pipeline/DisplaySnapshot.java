package org.gaitctl.core.pipeline;

import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepRecord;

/**
 * The latest values for a display: per-foot force and contact, measured unloading, belt speed, BWS
 * force and the latest completed step. A plain mutable holder; a reader keeps one and refills it
 * with {@link SnapshotExchange#readInto} (no allocation per read).
 */
public final class DisplaySnapshot {

  private long version;
  private long latestArrivalNs;
  private final double[] footForceN = new double[2];
  private final boolean[] footInContact = new boolean[2];
  private final double[] footCopApM = {Double.NaN, Double.NaN};
  private double measuredUnloadingN = Double.NaN;
  private UnloadingStatus unloadingStatus = UnloadingStatus.NONE;
  private double beltSpeedMps = Double.NaN;
  private double bwsForceN = Double.NaN;
  private long stepsCompleted;
  private final StepRecord latestStep = new StepRecord();
  private final StepSymmetry latestSymmetry = new StepSymmetry();

  /** Increases with every publication; 0 until the first. */
  public long version() {
    return version;
  }

  /** Host arrival of the latest event reflected here, ns. */
  public long latestArrivalNs() {
    return latestArrivalNs;
  }

  public double footForceN(Side side) {
    return footForceN[side.ordinal()];
  }

  public boolean footInContact(Side side) {
    return footInContact[side.ordinal()];
  }

  /** Centre of pressure along the belt, m, positive anterior from the rear edge; NaN unloaded. */
  public double footCopApM(Side side) {
    return footCopApM[side.ordinal()];
  }

  /** Filtered unloading force, N; NaN unless {@link #unloadingStatus()} is VALID. */
  public double measuredUnloadingN() {
    return measuredUnloadingN;
  }

  public UnloadingStatus unloadingStatus() {
    return unloadingStatus;
  }

  /** The drive's reported belt speed, m/s; NaN before the first good status read. */
  public double beltSpeedMps() {
    return beltSpeedMps;
  }

  /** The BWS unit's own force reading, N; NaN before the first good status read. */
  public double bwsForceN() {
    return bwsForceN;
  }

  public long stepsCompleted() {
    return stepsCompleted;
  }

  /** The latest completed step; meaningful once {@link #stepsCompleted()} is positive. */
  public StepRecord latestStep() {
    return latestStep;
  }

  /** The rolling symmetry after the latest completed step. */
  public StepSymmetry latestSymmetry() {
    return latestSymmetry;
  }

  /** Copies every value of {@code other}; allocation-free. */
  public void copyFrom(DisplaySnapshot other) {
    version = other.version;
    latestArrivalNs = other.latestArrivalNs;
    for (int i = 0; i < 2; i++) {
      footForceN[i] = other.footForceN[i];
      footInContact[i] = other.footInContact[i];
      footCopApM[i] = other.footCopApM[i];
    }
    measuredUnloadingN = other.measuredUnloadingN;
    unloadingStatus = other.unloadingStatus;
    beltSpeedMps = other.beltSpeedMps;
    bwsForceN = other.bwsForceN;
    stepsCompleted = other.stepsCompleted;
    latestStep.copyFrom(other.latestStep);
    latestSymmetry.copyFrom(other.latestSymmetry);
  }

  /** Folds the outputs of {@code event} into the snapshot; the snapshot stage's thread only. */
  void update(RingEvent event) {
    latestArrivalNs = event.arrivalNs();
    switch (event.kind()) {
      case PRESSURE_FRAME -> {
        updateFoot(event.foot(Side.LEFT), Side.LEFT);
        updateFoot(event.foot(Side.RIGHT), Side.RIGHT);
        if (event.step().completed()) {
          latestStep.copyFrom(event.step().record());
          latestSymmetry.copyFrom(event.step().symmetry());
          stepsCompleted++;
        }
      }
      case LOAD_SAMPLE -> {
        unloadingStatus = event.unloading().status();
        measuredUnloadingN = event.unloading().filteredN();
      }
      case DRIVE_STATUS ->
          beltSpeedMps = event.drive().readOk() ? event.drive().speedMps() : Double.NaN;
      case BWS_STATUS -> bwsForceN = event.bws().readOk() ? event.bws().forceN() : Double.NaN;
      case CONTROL_TICK, OPERATOR_COMMAND, NONE -> {
        // Nothing to display from these.
      }
    }
  }

  void nextVersion() {
    version++;
  }

  private void updateFoot(RingEvent.FootContact foot, Side side) {
    if (!foot.valid()) {
      return;
    }
    footForceN[side.ordinal()] = foot.forceN();
    footInContact[side.ordinal()] = foot.inContact();
    footCopApM[side.ordinal()] = foot.copApM();
  }
}
