package org.gaitctl.session.unloading;

import org.gaitctl.config.BeltGeometry;
import org.gaitctl.config.PatientSettings;
import org.gaitctl.core.gait.Side;
import org.gaitctl.sim.patient.PatientGaitModel;
import org.gaitctl.sim.plant.HarnessLoadCell;
import org.gaitctl.sim.plant.HarnessPlant;
import org.gaitctl.sim.plant.PlantParameters;
import org.gaitctl.sim.plant.RampedAxis;

/**
 * The unloading loop closed around the emulator's plant on virtual time: the emulated patient
 * ({@link PatientGaitModel}, 75 kg, walking at 1.0 m/s) in the harness ({@link HarnessPlant}) under
 * the BWS unit's own force loop (setpoint slewed at FORCE_RATE, as {@code BwsModel} does), measured
 * by the independent load cell ({@link HarnessLoadCell}) and handed to the controller through the
 * pipeline's 20 Hz measured-unloading filter; the error statistics see the raw load cell. Stepped
 * in 1 ms steps like the simulation world; no threads, no sleeping.
 *
 * <p>What the real system adds between controller and plant is modelled where it matters to the
 * loop: each FORCE_SET reaches the unit one Modbus round trip after it was computed (a transport
 * delay), and each heel strike reaches the controller {@value #HEEL_STRIKE_LATENCY_NS} ns after it
 * happened (pressure frame, detection, ring), carrying its own time.
 */
final class VirtualBwsRig {

  static final long STEP_NS = 1_000_000L;
  static final long HEEL_STRIKE_LATENCY_NS = 30_000_000L;
  static final double BELT_SPEED_MPS = 1.0;
  static final double UNLOADING_PERCENT = 30.0;

  /** A heel strike is a foot's ground force rising through this, N. */
  private static final double CONTACT_N = 20.0;

  private static final int MAX_COMMANDS_IN_FLIGHT = 64;

  /** The pipeline's measured-unloading filter (first order, PipelineSettings' 20 Hz default). */
  private static final double LOAD_FILTER_CUTOFF_HZ = 20;

  private static final double LOAD_FILTER_ALPHA =
      1 - Math.exp(-STEP_NS * 1e-9 * 2 * Math.PI * LOAD_FILTER_CUTOFF_HZ);

  /**
   * One plant variant.
   *
   * @param innerTimeConstantS the unit's force loop as a first-order lag, s
   * @param gainError relative gain error of the unit's own force sensor
   * @param stiffnessNPerM cable and harness stiffness, N/m
   * @param roundTripNs Modbus round trip: the command's transport delay, ns
   * @param loadCellNoiseN standard deviation of the load cell's noise, N
   */
  record Plant(
      double innerTimeConstantS,
      double gainError,
      double stiffnessNPerM,
      long roundTripNs,
      double loadCellNoiseN) {

    static Plant nominal() {
      return new Plant(0.030, 0.02, 3_000, 10_000_000L, 0.5);
    }

    PlantParameters parameters() {
      PlantParameters d = PlantParameters.defaults();
      return new PlantParameters(
          d.emergencyDecelMps2(),
          d.inclineRatePercentPerS(),
          d.atSpeedToleranceMps(),
          innerTimeConstantS,
          gainError,
          stiffnessNPerM,
          d.harnessRestDistanceM(),
          d.winchMaxSpeedMps(),
          d.bwsOverloadN(),
          d.slackBelowN(),
          d.collapseTimeConstantS(),
          d.recoverTimeConstantS(),
          d.floorDropM(),
          d.loadCellGain(),
          d.loadCellOffsetN(),
          loadCellNoiseN,
          d.loadCellOverloadN(),
          d.noiseSeed());
    }

    @Override
    public String toString() {
      return String.format(
          "tau %3.0f ms, gain error %+3.0f %%, stiffness %4.1f kN/m, round trip %2d ms",
          innerTimeConstantS * 1e3, gainError * 100, stiffnessNPerM / 1e3, roundTripNs / 1_000_000);
    }
  }

  /** Receives the load-cell error every millisecond. */
  interface ErrorSink {
    void onError(long timeNs, double errorPercentBodyWeight);
  }

  private final UnloadingController controller;
  private final PatientGaitModel patient;
  private final HarnessPlant harness;
  private final HarnessLoadCell loadCell;
  private final RampedAxis unitSetpoint = new RampedAxis();
  private final double forceRateNPerS;
  private final long roundTripNs;
  private final long cyclePeriodNs;
  private final double bodyWeightN;
  private final long[] commandArrivalNs = new long[MAX_COMMANDS_IN_FLIGHT];
  private final double[] commandN = new double[MAX_COMMANDS_IN_FLIGHT];
  private final boolean[] inContact = new boolean[2];
  private final long[] pendingHeelStrikeNs = {-1, -1};
  private long commandsSent;
  private long commandsApplied;
  private double forceSetN;
  private long nowNs;
  private double measuredN;
  private double filteredN;

  VirtualBwsRig(Plant plant, UnloadingSettings settings) {
    PlantParameters parameters = plant.parameters();
    PatientSettings patientSettings = PatientSettings.defaults();
    this.patient = new PatientGaitModel(patientSettings, BeltGeometry.singleBelt());
    this.harness = new HarnessPlant(parameters);
    this.loadCell = new HarnessLoadCell(parameters);
    this.forceRateNPerS = settings.maxForceRateNPerS();
    this.roundTripNs = plant.roundTripNs();
    this.cyclePeriodNs = settings.cyclePeriodNs();
    this.bodyWeightN = patientSettings.bodyMassKg() * UnloadingController.GRAVITY_MPS2;
    this.controller = new UnloadingController(settings, patientSettings.bodyMassKg());
    controller.targetPercentBodyWeight(UNLOADING_PERCENT);
    this.forceSetN = settings.minUnloadingN();
    controller.start(0, forceSetN);
  }

  UnloadingController controller() {
    return controller;
  }

  /** Runs for {@code durationNs} of virtual time, reporting the error from {@code fromNs} on. */
  void run(long durationNs, long fromNs, ErrorSink sink) {
    long endNs = nowNs + durationNs;
    while (nowNs < endNs) {
      nowNs += STEP_NS;
      stepPlant();
      deliverHeelStrikes();
      if (nowNs % cyclePeriodNs == 0) {
        double command = controller.update(nowNs, filteredN, nowNs, BELT_SPEED_MPS, false);
        send(command);
      }
      if (nowNs >= fromNs) {
        sink.onError(nowNs, (measuredN - controller.targetN()) / bodyWeightN * 100);
      }
    }
  }

  private void stepPlant() {
    double dtS = STEP_NS * 1e-9;
    while (commandsApplied < commandsSent && commandArrivalNs[slot(commandsApplied)] <= nowNs) {
      forceSetN = commandN[slot(commandsApplied)];
      commandsApplied++;
    }
    patient.advance(nowNs, BELT_SPEED_MPS, harness.tensionN());
    unitSetpoint.advance(dtS, forceSetN, forceRateNPerS);
    harness.advanceForceControl(dtS, unitSetpoint.value(), patient.comDisplacementM(), bodyWeightN);
    loadCell.publishTensionN(harness.tensionN());
    measuredN = loadCell.forceCn(nowNs) / 100.0;
    filteredN += LOAD_FILTER_ALPHA * (measuredN - filteredN);
  }

  private void deliverHeelStrikes() {
    for (Side side : Side.values()) {
      int s = side.ordinal();
      boolean contact = patient.groundForceN(side, nowNs) > CONTACT_N;
      if (contact && !inContact[s]) {
        pendingHeelStrikeNs[s] = nowNs;
      }
      inContact[s] = contact;
      if (pendingHeelStrikeNs[s] >= 0 && nowNs - pendingHeelStrikeNs[s] >= HEEL_STRIKE_LATENCY_NS) {
        controller.onHeelStrike(side, pendingHeelStrikeNs[s]);
        pendingHeelStrikeNs[s] = -1;
      }
    }
  }

  private void send(double command) {
    if (commandsSent - commandsApplied >= MAX_COMMANDS_IN_FLIGHT) {
      throw new IllegalStateException("more commands in flight than the rig models");
    }
    commandArrivalNs[slot(commandsSent)] = nowNs + roundTripNs;
    commandN[slot(commandsSent)] = command;
    commandsSent++;
  }

  private static int slot(long index) {
    return (int) (index % MAX_COMMANDS_IN_FLIGHT);
  }
}
