package org.gaitctl.app;

import java.io.PrintWriter;
import org.gaitctl.config.DevicesConfig;
import org.gaitctl.config.PatientSettings;
import org.gaitctl.config.SimulationSettings;
import org.gaitctl.config.protocol.TherapyProtocol;
import org.gaitctl.core.analysis.StepRow;
import org.gaitctl.core.gait.StepRecordView;
import org.gaitctl.session.protocol.OverrideLimits;
import org.gaitctl.session.protocol.ProtocolExecutor;
import org.gaitctl.session.unloading.UnloadingController;
import org.gaitctl.session.unloading.UnloadingSettings;
import org.gaitctl.sim.hil.EmulatedHardware;

/**
 * The pieces of a therapy session that {@code gaitctl session} and {@code gaitctl console} build
 * alike: the emulators for a patient's mass, the protocol executor on an open device session, and a
 * step as a row of the session's {@code steps.csv}.
 */
final class SessionParts {

  private SessionParts() {}

  /** Starts the profile's emulators with the emulated patient at {@code massKg}. */
  static EmulatedHardware startEmulators(DevicesConfig devices, double massKg, PrintWriter out) {
    PatientSettings withMass = devices.simulation().patient().withBodyMassKg(massKg);
    return EmulationOptions.start(
        devices.withSimulation(
            new SimulationSettings(withMass, devices.simulation().pressureBelt())),
        null,
        out);
  }

  /**
   * The protocol executor on {@code session}: measurements from its devices, its self-paced belt,
   * and the unloading loop with {@code unloading}'s settings. Not started.
   */
  static ProtocolExecutor executor(
      DeviceSession session,
      TherapyProtocol protocol,
      double massKg,
      OverrideLimits limits,
      UnloadingSettings unloading) {
    return new ProtocolExecutor(
        protocol,
        massKg,
        limits,
        session.session(),
        new DeviceProtocolInputs(session),
        session.selfPacedBelt(),
        new UnloadingController(unloading, massKg));
  }

  /** {@code step} as a row of {@code steps.csv}, times in s from {@code originNs}. */
  static StepRow stepRow(StepRecordView s, long originNs) {
    return new StepRow(
        s.side(),
        (s.heelStrikeNs() - originNs) * 1e-9,
        (s.toeOffNs() - originNs) * 1e-9,
        (s.nextHeelStrikeNs() - originNs) * 1e-9,
        s.strideTimeS(),
        s.stanceTimeS(),
        s.swingTimeS(),
        s.stepTimeS(),
        s.singleSupportS(),
        s.doubleSupportS(),
        s.peakForceN(),
        s.loadingRateNps(),
        s.impulseNewtonSeconds(),
        s.stepLengthM(),
        s.strideLengthM(),
        s.stepWidthM(),
        s.cadenceStepsPerMin());
  }
}
