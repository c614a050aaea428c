package org.gaitctl.sim.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gaitctl.core.loop.LoopCounter;
import org.gaitctl.core.loop.PeriodicAgent;
import org.gaitctl.core.port.Centinewtons;
import org.gaitctl.core.port.StreamFlags;
import org.gaitctl.core.time.ManualNanoClock;
import org.gaitctl.sim.PatientBody;
import org.gaitctl.sim.modbus.BwsModel;
import org.gaitctl.sim.modbus.DriveModel;
import org.gaitctl.sim.plant.HarnessLoadCell;
import org.gaitctl.sim.plant.PlantParameters;
import org.gaitctl.sim.testing.SinusoidalPatient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulationWorldTest {

  private static final long MS = 1_000_000L;
  private static final double BODY_WEIGHT_N = 75 * 9.81;

  /** CONTROL bit 1 on both devices. */
  private static final int FAULT_RESET = 1 << 1;

  private final ManualNanoClock clock = new ManualNanoClock(5_000 * MS);
  private final SimulationWorld world =
      new SimulationWorld(clock, SinusoidalPatient.walking(), PlantParameters.defaults());

  @BeforeEach
  void walkUnloaded() {
    world.step(clock.nanoTime());
    write(world.drive(), DriveModel.ACCEL, 1000);
    write(world.drive(), DriveModel.SPEED_SET, 1000);
    write(world.drive(), 0, DriveModel.RUN);
    write(world.bws(), BwsModel.FORCE_RATE, 1000);
    write(world.bws(), BwsModel.FORCE_SET, 200);
    write(world.bws(), 0, BwsModel.ENABLE);
    runForMs(2000);
  }

  @Test
  void shouldFreezeWhenAModelThrowsInItsLoopAndSayWhy() {
    PatientBody walker = SinusoidalPatient.walking();
    PatientBody failing =
        new PatientBody() {
          @Override
          public double bodyMassKg() {
            return walker.bodyMassKg();
          }

          @Override
          public void advance(long timeNs, double beltSpeedMps, double unloadingN) {
            if (timeNs - 5_010 * MS >= 0) {
              throw new IllegalStateException("model bug");
            }
            walker.advance(timeNs, beltSpeedMps, unloadingN);
          }

          @Override
          public double comDisplacementM() {
            return walker.comDisplacementM();
          }

          @Override
          public double comAccelerationMps2() {
            return walker.comAccelerationMps2();
          }
        };
    ManualNanoClock loopClock = new ManualNanoClock(5_000 * MS);
    SimulationWorld frozen = new SimulationWorld(loopClock, failing, PlantParameters.defaults());
    PeriodicAgent loop = new PeriodicAgent(frozen, loopClock, SimulationWorld.STEP_NS);
    for (int i = 0; i < 30; i++) {
      loop.doWork();
      loopClock.advanceNs(SimulationWorld.STEP_NS);
    }
    assertThat(frozen.steps()).as("steps before the bug").isEqualTo(10);
    assertThat(frozen.failure()).hasMessage("model bug");
    assertThat(loop.counters().get(LoopCounter.CYCLE_ERRORS)).isEqualTo(1);
  }

  @Test
  void shouldStepAtOneKilohertzOnTheInjectedClock() {
    long before = world.steps();
    clock.advanceNs(250 * MS + MS / 2);
    world.step(clock.nanoTime());
    assertThat(world.steps() - before).isEqualTo(250);
  }

  @Test
  void shouldPutTheFullBodyWeightOnTheHarnessWithin100MsWhenThePatientFallsOnAHeldCable() {
    write(world.bws(), 0, BwsModel.ENABLE | BwsModel.HOLD);
    runForMs(1);
    world.injectFall();

    runForMs(100);
    assertThat(world.bws().cableTensionN()).isGreaterThan(0.9 * BODY_WEIGHT_N);
    runForMs(400);
    assertThat(world.bws().cableTensionN()).isCloseTo(BODY_WEIGHT_N, within(0.02 * BODY_WEIGHT_N));
  }

  @Test
  void shouldLowerAFallenPatientUnderPureForceControl() {
    double cableBeforeM = world.bws().cablePaidOutM();
    world.injectFall();
    runForMs(300);
    assertThat(world.bws().cablePaidOutM())
        .as("the force loop pays out cable: why the controller must command HOLD on a fall")
        .isGreaterThan(cableBeforeM + 0.05);
  }

  @Test
  void shouldRecoverAfterAStumble() {
    double walkingMeanN = meanSensorForceOverFiveStepsN();
    world.injectStumble(0.8, 0.3);
    runForMs(150);
    assertThat(world.bws().cableTensionN()).isGreaterThan(walkingMeanN + 100);

    runForMs(3000);
    assertThat(meanSensorForceOverFiveStepsN()).isCloseTo(walkingMeanN, within(2.0));
    assertThat(walkingMeanN).isCloseTo(200, within(10.0));
  }

  @Test
  void shouldGiveTheWeightBackToTheLegsWhenTheFallenPatientRecovers() {
    write(world.bws(), 0, BwsModel.ENABLE | BwsModel.HOLD);
    world.injectFall();
    runForMs(500);
    assertThat(world.bws().cableTensionN()).isGreaterThan(0.9 * BODY_WEIGHT_N);

    world.injectRecovery();
    runForMs(5000);
    assertThat(world.bws().cableTensionN())
        .as("back to the tension of the held cable before the fall (200 N set)")
        .isLessThan(300);
    write(world.bws(), 0, BwsModel.ENABLE | BwsModel.HOLD | FAULT_RESET);
    assertThat(world.bws().faulted()).as("overload gone, so the reset clears it").isFalse();
  }

  @Test
  void shouldBeBackAtThePowerOnHarnessWithNoFaultCauseWhenInjectedFaultsAreCleared() {
    write(world.bws(), 0, BwsModel.ENABLE | BwsModel.HOLD);
    world.injectFall();
    world.drive().setEstopOpen(true);
    world.drive().setSafetyKeyOut(true);
    world.drive().setOvertemperature(true);
    world.bws().setSensorFault(true);
    world.loadCell().setBridgeOpen(true);
    runForMs(500);
    assertThat(world.drive().faulted()).isTrue();
    assertThat(world.bws().faulted()).isTrue();

    world.clearInjectedFaults();
    runForMs(3000);

    assertThat(world.bws().cableTensionN()).as("slack harness, patient standing").isLessThan(50);
    assertThat(world.bws().cablePaidOutM())
        .isEqualTo(PlantParameters.defaults().harnessRestDistanceM());
    assertThat(world.loadCell().flags(clock.nanoTime())).isZero();
    write(world.drive(), 0, FAULT_RESET);
    write(world.bws(), 0, BwsModel.HOLD | FAULT_RESET);
    runForMs(10);
    assertThat(world.drive().faulted()).as("no cause left on the drive").isFalse();
    assertThat(world.bws().faulted()).as("no cause left on the BWS unit").isFalse();
  }

  /** Mean of the BWS sensor over five periods of the stand-in patient's 1.8 Hz COM oscillation. */
  private double meanSensorForceOverFiveStepsN() {
    int steps = (int) Math.round(5 / 1.8 * 1000);
    double sumN = 0;
    for (int i = 0; i < steps; i++) {
      runForMs(1);
      sumN += world.bws().sensorForceN();
    }
    return sumN / steps;
  }

  @Test
  void shouldStreamTheTrueTensionThroughTheLoadCellWithNoiseAndFlags() {
    HarnessLoadCell loadCell = world.loadCell();
    double trueN = world.bws().cableTensionN();
    double sumN = 0;
    for (int i = 0; i < 1000; i++) {
      sumN += Centinewtons.toNewtons(loadCell.forceCn(clock.nanoTime()));
    }
    assertThat(sumN / 1000).isCloseTo(trueN, within(0.1));
    assertThat(trueN).as("unit's own sensor reads 2 % high").isLessThan(world.bws().sensorForceN());
    assertThat(loadCell.flags(clock.nanoTime())).isZero();

    loadCell.setBridgeOpen(true);
    assertThat(loadCell.flags(clock.nanoTime())).isEqualTo(StreamFlags.LOAD_SENSOR_FAULT);
    assertThat(loadCell.forceCn(clock.nanoTime())).isZero();
  }

  @Test
  void shouldRepeatTheLoadCellNoiseForTheSameSeed() {
    HarnessLoadCell first = new HarnessLoadCell(PlantParameters.defaults());
    HarnessLoadCell second = new HarnessLoadCell(PlantParameters.defaults());
    first.publishTensionN(250);
    second.publishTensionN(250);
    for (int i = 0; i < 100; i++) {
      assertThat(first.forceCn(i)).isEqualTo(second.forceCn(i));
    }
  }

  private void runForMs(int durationMs) {
    clock.advanceNs(durationMs * MS);
    world.step(clock.nanoTime());
  }

  private static void write(org.gaitctl.sim.modbus.RegisterDevice device, int address, int value) {
    assertThat(device.writeHolding(address, new int[] {value})).isZero();
  }
}
