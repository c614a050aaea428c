package org.gaitctl.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gaitctl.sim.modbus.BwsModel.ENABLE;
import static org.gaitctl.sim.modbus.BwsModel.FORCE_RATE;
import static org.gaitctl.sim.modbus.BwsModel.FORCE_SET;
import static org.gaitctl.sim.modbus.BwsModel.HOLD;

import org.gaitctl.sim.plant.PlantParameters;
import org.gaitctl.sim.testing.SinusoidalPatient;
import org.junit.jupiter.api.Test;

class BwsModelTest {

  private static final long MS = 1_000_000L;
  private static final int FAULT_RESET = 1 << 1;
  private static final double BODY_WEIGHT_N = 75 * 9.81;

  private final BwsModel bws = new BwsModel(PlantParameters.defaults());
  private double bodyWeightN = BODY_WEIGHT_N;
  private double comDisplacementM;
  private long nowNs;

  @Test
  void shouldStartSlackAndUnenabled() {
    runForMs(10);
    assertThat(status()).isEqualTo(1 << 5);
    assertThat(input(BwsModel.CABLE_POS)).isEqualTo(1500);
  }

  @Test
  void shouldSlewTheSetpointAtForceRateAndTrackItWithTheInnerLoop() {
    write(FORCE_RATE, 100);
    write(FORCE_SET, 300);
    write(0, ENABLE);

    runForMs(1000);
    assertThat(bws.sensorForceN()).as("setpoint 100 N, lag ~5 N").isBetween(90.0, 100.0);
    assertThat(status() & 1).as("ENABLED").isEqualTo(1);

    runForMs(3000);
    assertThat(bws.sensorForceN()).isCloseTo(300, within(0.5));
    assertThat(input(BwsModel.FORCE_ACT)).isEqualTo(300);
    assertThat(bws.cableTensionN())
        .as("own sensor reads 2 % high: true tension is lower")
        .isCloseTo(300 / 1.02, within(0.5));
    assertThat(status() & (1 << 5)).as("no longer SLACK").isZero();
  }

  @Test
  void shouldLetTheWalkingPatientModulateTheTension() {
    SinusoidalPatient patient = SinusoidalPatient.walking();
    unloadTo(300);
    double minN = Double.MAX_VALUE;
    double maxN = 0;
    double sumN = 0;
    for (int i = 0; i < 2000; i++) {
      nowNs += MS;
      patient.advance(nowNs, 1.0, bws.cableTensionN());
      comDisplacementM = patient.comDisplacementM();
      bws.step(nowNs, comDisplacementM, bodyWeightN);
      minN = Math.min(minN, bws.cableTensionN());
      maxN = Math.max(maxN, bws.cableTensionN());
      sumN += bws.cableTensionN();
    }
    assertThat(maxN - minN).isGreaterThan(50);
    assertThat(sumN / 2000).isCloseTo(300 / 1.02, within(15.0));
  }

  @Test
  void shouldNeverLowerTheHarnessWhileHolding() {
    unloadTo(300);
    write(0, ENABLE | HOLD);
    runForMs(1);
    double cableM = bws.cablePaidOutM();
    assertThat(status() & (1 << 2)).as("HOLDING").isNotZero();

    write(FORCE_SET, 0);
    bws.collapsePatient(1.0, Double.POSITIVE_INFINITY);
    for (int i = 0; i < 1000; i++) {
      runForMs(1);
      assertThat(bws.cablePaidOutM()).isLessThanOrEqualTo(cableM);
    }
    assertThat(bws.cableTensionN()).isCloseTo(BODY_WEIGHT_N, within(BODY_WEIGHT_N * 0.02));
  }

  @Test
  void shouldBrakeTheCableWhenDisabled() {
    unloadTo(200);
    write(0, 0);
    runForMs(1);
    double cableM = bws.cablePaidOutM();
    write(FORCE_SET, 0);
    runForMs(500);
    assertThat(bws.cablePaidOutM()).isEqualTo(cableM);
    assertThat(status() & 1).as("not ENABLED").isZero();
  }

  @Test
  void shouldEngageHoldAndLatchFault3WhenTheWatchdogTrips() {
    unloadTo(300);
    write(BwsModel.WATCHDOG_MS, 200);
    write(BwsModel.HEARTBEAT, 1);
    runForMs(199);
    assertThat(bws.faulted()).isFalse();
    runForMs(1);
    assertThat(bws.faulted()).isTrue();
    assertThat(input(BwsModel.FAULT_CODE)).isEqualTo(BwsModel.FAULT_WATCHDOG);
    assertThat(status() & (1 << 3)).as("WATCHDOG_TRIPPED").isNotZero();
    assertThat(status() & (1 << 2)).as("HOLDING").isNotZero();

    double cableM = bws.cablePaidOutM();
    write(FORCE_SET, 0);
    runForMs(500);
    assertThat(bws.cablePaidOutM()).isEqualTo(cableM);

    write(0, ENABLE | FAULT_RESET);
    write(0, ENABLE);
    assertThat(bws.faulted()).isFalse();
    assertThat(status() & (1 << 3)).isZero();
  }

  @Test
  void shouldLatchOverloadAndRefuseResetWhileItLasts() {
    bodyWeightN = 2500;
    unloadTo(300);
    bws.collapsePatient(1.0, Double.POSITIVE_INFINITY);
    write(0, ENABLE | HOLD);
    runForMs(300);

    assertThat(input(BwsModel.FAULT_CODE)).isEqualTo(BwsModel.FAULT_OVERLOAD);
    assertThat(status() & (1 << 4)).as("OVERLOAD").isNotZero();
    write(0, ENABLE | HOLD | FAULT_RESET);
    assertThat(bws.faulted()).isTrue();
  }

  @Test
  void shouldLatchSensorAndMotorFaults() {
    bws.setSensorFault(true);
    runForMs(1);
    assertThat(input(BwsModel.FAULT_CODE)).isEqualTo(BwsModel.FAULT_SENSOR);
    assertThat(input(BwsModel.FORCE_ACT)).isZero();
    bws.setSensorFault(false);
    write(0, FAULT_RESET);
    write(0, 0);
    assertThat(bws.faulted()).isFalse();

    bws.injectMotorFault();
    assertThat(input(BwsModel.FAULT_CODE)).isEqualTo(BwsModel.FAULT_MOTOR);
  }

  @Test
  void shouldAnswerException3ForOutOfRangeAndException2OutsideTheTables() {
    assertThat(bws.writeHolding(FORCE_SET, new int[] {1501})).isEqualTo(3);
    assertThat(bws.writeHolding(FORCE_RATE, new int[] {9})).isEqualTo(3);
    assertThat(bws.writeHolding(FORCE_SET, new int[] {500, 2001})).isEqualTo(3);
    assertThat(holding(FORCE_SET)).isZero();
    assertThat(holding(FORCE_RATE)).isEqualTo(100);
    assertThat(bws.writeHolding(5, new int[] {0})).isEqualTo(2);
    assertThat(bws.readInput(4, 1, new int[1])).isEqualTo(2);
  }

  @Test
  void shouldYieldToAWalkingPatientButArrestAFallWhileDisabled() {
    double maxTensionN = 0;
    for (int i = 0; i < 3000; i++) {
      nowNs += MS;
      // 3 cm centre-of-mass oscillation at 1.8 Hz: peak vertical speed about 0.34 m/s
      comDisplacementM = 0.03 * Math.sin(2 * Math.PI * 1.8 * i / 1000.0);
      bws.step(nowNs, comDisplacementM, bodyWeightN);
      maxTensionN = Math.max(maxTensionN, bws.cableTensionN());
    }
    assertThat(maxTensionN).as("walking does not load a disabled unit's cable").isZero();

    bws.collapsePatient(1.0, Double.POSITIVE_INFINITY);
    runForMs(300);
    assertThat(bws.cableTensionN())
        .as("a fall pulls faster than the lock speed")
        .isGreaterThan(500);
  }

  private void unloadTo(int forceN) {
    write(FORCE_RATE, 2000);
    write(FORCE_SET, forceN);
    write(0, ENABLE);
    runForMs(1000);
    assertThat(bws.sensorForceN()).isCloseTo(forceN, within(1.0));
  }

  private void runForMs(int durationMs) {
    for (int i = 0; i < durationMs; i++) {
      nowNs += MS;
      bws.step(nowNs, comDisplacementM, bodyWeightN);
    }
  }

  private void write(int address, int value) {
    assertThat(bws.writeHolding(address, new int[] {value})).isZero();
  }

  private int holding(int address) {
    int[] word = new int[1];
    bws.readHolding(address, 1, word);
    return word[0];
  }

  private int input(int address) {
    int[] word = new int[1];
    assertThat(bws.readInput(address, 1, word)).isZero();
    return word[0];
  }

  private int status() {
    return input(BwsModel.STATUS);
  }
}
