package org.gaitctl.core.pipeline;

import org.gaitctl.core.gait.Side;
import org.gaitctl.core.gait.StepRecord;
import org.gaitctl.core.gait.StepRecordView;
import org.gaitctl.core.time.ArrivalTime;

/**
 * The latest values for a live view, in field groups, each with the host time it was last updated
 * ({@link ArrivalTime#NONE} before the first), so that a view greys out a group that has gone
 * stale:
 *
 * <ul>
 *   <li>feet ({@link #feetUpdatedNs}): per-foot force, contact, centre of pressure along and across
 *       the belt, contact area; from every pressure frame;
 *   <li>gait events: each foot's last heel strike and toe off, which are times themselves;
 *   <li>unloading ({@link #unloadingUpdatedNs}): measured unloading in N and % body weight, and its
 *       status; from every load sample;
 *   <li>drive ({@link #driveUpdatedNs}): belt speed, running, e-stop, fault; from good status reads
 *       only (a failed read leaves the last good values and lets their time age);
 *   <li>BWS ({@link #bwsUpdatedNs}): enabled, holding, fault, the unit's own force; as the drive;
 *   <li>step ({@link #stepUpdatedNs}): the latest completed step and the symmetry after it.
 * </ul>
 *
 * A plain mutable holder; a reader keeps one and refills it with {@link SnapshotExchange#readInto}
 * (no allocation per read).
 */
public final class DisplaySnapshot {

  /** {@code Side.values()} clones on every call; the ring thread must not allocate. */
  private static final Side[] SIDES = Side.values();

  private long version;
  private long latestArrivalNs = ArrivalTime.NONE;

  private long feetUpdatedNs = ArrivalTime.NONE;
  private final double[] footForceN = new double[2];
  private final boolean[] footInContact = new boolean[2];
  private final double[] footCopApM = {Double.NaN, Double.NaN};
  private final double[] footCopMlM = {Double.NaN, Double.NaN};
  private final double[] footContactAreaM2 = new double[2];

  private final long[] lastHeelStrikeNs = {ArrivalTime.NONE, ArrivalTime.NONE};
  private final long[] lastToeOffNs = {ArrivalTime.NONE, ArrivalTime.NONE};

  private long unloadingUpdatedNs = ArrivalTime.NONE;
  private double measuredUnloadingN = Double.NaN;
  private double measuredUnloadingPercentBodyWeight = Double.NaN;
  private UnloadingStatus unloadingStatus = UnloadingStatus.NONE;

  private long driveUpdatedNs = ArrivalTime.NONE;
  private double beltSpeedMps = Double.NaN;
  private boolean driveRunning;
  private boolean estopOpen;
  private boolean driveFault;

  private long bwsUpdatedNs = ArrivalTime.NONE;
  private double bwsForceN = Double.NaN;
  private boolean bwsEnabled;
  private boolean bwsHolding;
  private boolean bwsFault;

  private long stepUpdatedNs = ArrivalTime.NONE;
  private long stepsCompleted;
  private final StepRecord latestStep = new StepRecord();
  private final StepSymmetry latestSymmetry = new StepSymmetry();

  /** Increases with every publication; 0 until the first. */
  public long version() {
    return version;
  }

  /** Host arrival of the latest event reflected here, ns; {@link ArrivalTime#NONE} before. */
  public long latestArrivalNs() {
    return latestArrivalNs;
  }

  /** Arrival of the latest pressure frame, which set every foot value, ns. */
  public long feetUpdatedNs() {
    return feetUpdatedNs;
  }

  /** Vertical force, N. */
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

  /** Centre of pressure across the belt from the patient's left edge, m; NaN unloaded. */
  public double footCopMlM(Side side) {
    return footCopMlM[side.ordinal()];
  }

  /** Loaded sensing area, m². */
  public double footContactAreaM2(Side side) {
    return footContactAreaM2[side.ordinal()];
  }

  /** Time of {@code side}'s last heel strike, ns; {@link ArrivalTime#NONE} before the first. */
  public long lastHeelStrikeNs(Side side) {
    return lastHeelStrikeNs[side.ordinal()];
  }

  /** Time of {@code side}'s last toe off, ns; {@link ArrivalTime#NONE} before the first. */
  public long lastToeOffNs(Side side) {
    return lastToeOffNs[side.ordinal()];
  }

  /** Arrival of the latest load sample, ns. */
  public long unloadingUpdatedNs() {
    return unloadingUpdatedNs;
  }

  /** Filtered unloading force, N; NaN unless {@link #unloadingStatus()} is VALID. */
  public double measuredUnloadingN() {
    return measuredUnloadingN;
  }

  /**
   * Measured unloading as a percentage of the patient's body weight; NaN when not valid or the body
   * mass is not known.
   */
  public double measuredUnloadingPercentBodyWeight() {
    return measuredUnloadingPercentBodyWeight;
  }

  public UnloadingStatus unloadingStatus() {
    return unloadingStatus;
  }

  /** Arrival of the latest good drive status read, ns. */
  public long driveUpdatedNs() {
    return driveUpdatedNs;
  }

  /** The drive's reported belt speed, m/s; NaN before the first good status read. */
  public double beltSpeedMps() {
    return beltSpeedMps;
  }

  public boolean driveRunning() {
    return driveRunning;
  }

  /** The drive reports its emergency-stop circuit open. */
  public boolean estopOpen() {
    return estopOpen;
  }

  public boolean driveFault() {
    return driveFault;
  }

  /** Arrival of the latest good BWS status read, ns. */
  public long bwsUpdatedNs() {
    return bwsUpdatedNs;
  }

  /** The BWS unit's own force reading, N; NaN before the first good status read. */
  public double bwsForceN() {
    return bwsForceN;
  }

  public boolean bwsEnabled() {
    return bwsEnabled;
  }

  /** The BWS unit holds the cable (brake engaged). */
  public boolean bwsHolding() {
    return bwsHolding;
  }

  public boolean bwsFault() {
    return bwsFault;
  }

  /** Arrival of the frame that completed the latest step, ns. */
  public long stepUpdatedNs() {
    return stepUpdatedNs;
  }

  public long stepsCompleted() {
    return stepsCompleted;
  }

  /** The latest completed step; meaningful once {@link #stepsCompleted()} is positive. */
  public StepRecordView latestStep() {
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
    feetUpdatedNs = other.feetUpdatedNs;
    for (int i = 0; i < 2; i++) {
      footForceN[i] = other.footForceN[i];
      footInContact[i] = other.footInContact[i];
      footCopApM[i] = other.footCopApM[i];
      footCopMlM[i] = other.footCopMlM[i];
      footContactAreaM2[i] = other.footContactAreaM2[i];
      lastHeelStrikeNs[i] = other.lastHeelStrikeNs[i];
      lastToeOffNs[i] = other.lastToeOffNs[i];
    }
    unloadingUpdatedNs = other.unloadingUpdatedNs;
    measuredUnloadingN = other.measuredUnloadingN;
    measuredUnloadingPercentBodyWeight = other.measuredUnloadingPercentBodyWeight;
    unloadingStatus = other.unloadingStatus;
    driveUpdatedNs = other.driveUpdatedNs;
    beltSpeedMps = other.beltSpeedMps;
    driveRunning = other.driveRunning;
    estopOpen = other.estopOpen;
    driveFault = other.driveFault;
    bwsUpdatedNs = other.bwsUpdatedNs;
    bwsForceN = other.bwsForceN;
    bwsEnabled = other.bwsEnabled;
    bwsHolding = other.bwsHolding;
    bwsFault = other.bwsFault;
    stepUpdatedNs = other.stepUpdatedNs;
    stepsCompleted = other.stepsCompleted;
    latestStep.copyFrom(other.latestStep);
    latestSymmetry.copyFrom(other.latestSymmetry);
  }

  /**
   * Folds the outputs of {@code event} into the snapshot; the snapshot stage's thread only.
   *
   * @param bodyWeightN the patient's body weight, N; NaN when not known
   */
  void update(RingEvent event, double bodyWeightN) {
    long arrivalNs = event.arrivalNs();
    latestArrivalNs = arrivalNs;
    switch (event.kind()) {
      case PRESSURE_FRAME -> updateFrame(event, arrivalNs);
      case LOAD_SAMPLE -> {
        unloadingUpdatedNs = arrivalNs;
        unloadingStatus = event.unloading().status();
        measuredUnloadingN = event.unloading().filteredN();
        measuredUnloadingPercentBodyWeight = 100.0 * measuredUnloadingN / bodyWeightN;
      }
      case DRIVE_STATUS -> updateDrive(event.drive(), arrivalNs);
      case BWS_STATUS -> updateBws(event.bws(), arrivalNs);
      case CONTROL_TICK, OPERATOR_COMMAND, NONE -> {
        // Nothing to display from these.
      }
    }
  }

  void nextVersion() {
    version++;
  }

  private void updateFrame(RingEvent event, long arrivalNs) {
    feetUpdatedNs = arrivalNs;
    for (Side side : SIDES) {
      updateFoot(event.foot(side), side);
      GaitEvents events = event.gaitEvents();
      if (events.hasHeelStrike(side)) {
        lastHeelStrikeNs[side.ordinal()] = events.heelStrikeNs(side);
      }
      if (events.hasToeOff(side)) {
        lastToeOffNs[side.ordinal()] = events.toeOffNs(side);
      }
    }
    if (event.step().completed()) {
      stepUpdatedNs = arrivalNs;
      latestStep.copyFrom(event.step().record());
      latestSymmetry.copyFrom(event.step().symmetry());
      stepsCompleted++;
    }
  }

  private void updateFoot(FootContact foot, Side side) {
    if (!foot.valid()) {
      return;
    }
    int i = side.ordinal();
    footForceN[i] = foot.forceN();
    footInContact[i] = foot.inContact();
    footCopApM[i] = foot.copApM();
    footCopMlM[i] = foot.copMlM();
    footContactAreaM2[i] = foot.contactAreaM2();
  }

  private void updateDrive(DriveState drive, long arrivalNs) {
    if (!drive.readOk()) {
      return;
    }
    driveUpdatedNs = arrivalNs;
    beltSpeedMps = drive.speedMps();
    driveRunning = drive.running();
    estopOpen = drive.estopOpen();
    driveFault = drive.fault();
  }

  private void updateBws(BwsState bws, long arrivalNs) {
    if (!bws.readOk()) {
      return;
    }
    bwsUpdatedNs = arrivalNs;
    bwsForceN = bws.forceN();
    bwsEnabled = bws.enabled();
    bwsHolding = bws.holding();
    bwsFault = bws.fault();
  }
}
