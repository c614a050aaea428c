package org.gaitctl.session.selfpaced;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gaitctl.config.BeltGeometry;
import org.gaitctl.config.PatientSettings;
import org.gaitctl.sim.modbus.DriveModel;
import org.gaitctl.sim.modbus.RegisterDevice;
import org.gaitctl.sim.patient.IntendedSpeedSchedule;
import org.gaitctl.sim.patient.PatientGaitModel;
import org.gaitctl.sim.patient.PatientModelOptions;
import org.gaitctl.sim.plant.PlantParameters;

/**
 * Test fixture: the emulated patient on the drive model, stepped on virtual time without threads.
 * The world advances at 1 kHz; at 100 Hz a pressure frame is rendered, its centre of pressure goes
 * through the {@link StrideCopFilter} and the {@link SelfPacedController}, whose setpoint is
 * written to the drive's SPEED_SET register, as the drive driver would.
 */
final class SelfPacedWalk {

  static final long WORLD_TICK_NS = 1_000_000L;
  static final long CONTROL_PERIOD_NS = 10_000_000L;
  private static final long NS_PER_S = 1_000_000_000L;

  private final BeltGeometry geometry = BeltGeometry.singleBelt();
  private final PatientGaitModel patient;
  private final DriveModel drive = new DriveModel(PlantParameters.defaults());
  private final StrideCopFilter filter;
  private final SelfPacedController controller;
  private final char[] cells = new char[geometry.cellsPerBelt()];
  private final double sensingLengthM = geometry.rows() * geometry.pitchXUm() * 1e-6;
  private final double rowPitchM = geometry.pitchXUm() * 1e-6;
  private long nowNs;
  private boolean selfPaced;

  /** Called every control period with the state after it. */
  interface Observer {
    void afterControl(long nowNs, double beltSpeedMps, double intendedMps, double positionM);
  }

  SelfPacedWalk(
      List<IntendedSpeedSchedule.Knot> intended,
      SelfPacedSettings settings,
      double filterTimeConstantS) {
    patient =
        new PatientGaitModel(
            new PatientSettings(75.0, 0.90, 0.0, 0.0, 0.0, 2.0, 7L),
            geometry,
            PatientModelOptions.defaults().withoutSensorDrift(),
            IntendedSpeedSchedule.of(intended));
    filter = new StrideCopFilter(filterTimeConstantS);
    controller = new SelfPacedController(settings);
    write(DriveModel.ACCEL, (int) Math.round(settings.maxAccelMps2() * 1000));
    write(0, DriveModel.RUN);
  }

  double sensingLengthM() {
    return sensingLengthM;
  }

  /** Runs the belt at a fixed {@code speedMps} for {@code seconds} (before self-pacing). */
  void runFixed(double seconds, double speedMps, Observer observer) {
    write(DriveModel.SPEED_SET, (int) Math.round(speedMps * 1000));
    run(seconds, observer);
  }

  /** Hands the belt to the controller, from its present speed, for {@code seconds}. */
  void runSelfPaced(double seconds, Observer observer) {
    if (!selfPaced) {
      selfPaced = true;
      controller.start(nowNs, drive.beltSpeedMps());
    }
    run(seconds, observer);
  }

  private void run(double seconds, Observer observer) {
    long endNs = nowNs + Math.round(seconds * NS_PER_S);
    while (nowNs < endNs) {
      nowNs += WORLD_TICK_NS;
      drive.step(nowNs);
      patient.advance(nowNs, drive.beltSpeedMps(), 0.0);
      if (nowNs % CONTROL_PERIOD_NS == 0) {
        patient.render(nowNs, 0, cells);
        filter.add(nowNs, copAheadOfCentreM());
        if (selfPaced && filter.primed()) {
          double setpointMps = controller.update(nowNs, filter.positionM(), filter.rateMps());
          write(DriveModel.SPEED_SET, (int) Math.round(setpointMps * 1000));
        }
        observer.afterControl(
            nowNs, drive.beltSpeedMps(), patient.intendedSpeedMps(), filter.positionM());
      }
    }
  }

  /** The frame's centre of pressure, m ahead of the sensing area's centre; NaN on an empty belt. */
  private double copAheadOfCentreM() {
    double sum = 0;
    double moment = 0;
    for (int row = 0; row < geometry.rows(); row++) {
      for (int col = 0; col < geometry.cols(); col++) {
        double counts = cells[row * geometry.cols() + col];
        sum += counts;
        moment += counts * (row + 0.5) * rowPitchM;
      }
    }
    return sum > 0 ? 0.5 * sensingLengthM - moment / sum : Double.NaN;
  }

  private void write(int address, int value) {
    assertThat(drive.writeHolding(address, new int[] {value}))
        .as("drive register %d <- %d", address, value)
        .isEqualTo(RegisterDevice.OK);
  }
}
