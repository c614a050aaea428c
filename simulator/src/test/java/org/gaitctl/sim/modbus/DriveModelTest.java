package org.gaitctl.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gaitctl.sim.modbus.DriveModel.ACCEL;
import static org.gaitctl.sim.modbus.DriveModel.HEARTBEAT;
import static org.gaitctl.sim.modbus.DriveModel.QUICK_STOP;
import static org.gaitctl.sim.modbus.DriveModel.RUN;
import static org.gaitctl.sim.modbus.DriveModel.SPEED_SET;
import static org.gaitctl.sim.modbus.DriveModel.SPLIT;
import static org.gaitctl.sim.modbus.DriveModel.WATCHDOG_MS;

import org.gaitctl.sim.plant.PlantParameters;
import org.junit.jupiter.api.Test;

class DriveModelTest {

  private static final long MS = 1_000_000L;
  private static final int FAULT_RESET = 1 << 1;

  private final DriveModel drive = new DriveModel(PlantParameters.defaults());
  private long nowNs;

  @Test
  void shouldRampBeltToSetpointAtAccel() {
    write(ACCEL, 500);
    write(SPEED_SET, 1000);
    write(0, RUN);

    runForMs(1000);
    assertThat(drive.beltSpeedMps()).isCloseTo(0.5, within(0.002));
    assertThat(input(DriveModel.SPEED_ACT)).isBetween(498, 502);
    assertThat(status() & 1).as("RUNNING").isEqualTo(1);
    assertThat(status() & (1 << 5)).as("not AT_SPEED while ramping").isZero();

    runForMs(1100);
    assertThat(drive.beltSpeedMps()).isEqualTo(1.0);
    assertThat(status() & (1 << 5)).as("AT_SPEED").isNotZero();
  }

  @Test
  void shouldRampToZeroAtAccelWhenRunIsCleared() {
    runAt(1000);
    write(ACCEL, 250);
    write(0, 0);

    runForMs(2000);
    assertThat(drive.beltSpeedMps()).isCloseTo(0.5, within(0.002));
    assertThat(drive.faulted()).isFalse();
    runForMs(2100);
    assertThat(drive.beltSpeedMps()).isZero();
  }

  @Test
  void shouldAnswerException3AndChangeNothingWhenAValueIsOutOfRange() {
    write(SPEED_SET, 1200);

    assertThat(drive.writeHolding(SPEED_SET, new int[] {5001})).isEqualTo(3);
    assertThat(drive.writeHolding(DriveModel.INCLINE_SET, new int[] {-101 & 0xFFFF})).isEqualTo(3);
    assertThat(drive.writeHolding(DriveModel.INCLINE_SET, new int[] {251})).isEqualTo(3);
    assertThat(drive.writeHolding(ACCEL, new int[] {49})).isEqualTo(3);
    assertThat(drive.writeHolding(WATCHDOG_MS, new int[] {60001})).isEqualTo(3);

    assertThat(holding(SPEED_SET)).isEqualTo(1200);
    assertThat(holding(ACCEL)).isEqualTo(500);
    assertThat(drive.writeHolding(DriveModel.INCLINE_SET, new int[] {-100 & 0xFFFF})).isZero();
  }

  @Test
  void shouldChangeNoRegisterWhenAnyValueOfAMultipleWriteIsOutOfRange() {
    int result = drive.writeHolding(SPEED_SET, new int[] {800, 900, 50, 3000});

    assertThat(result).isEqualTo(3);
    int[] words = new int[4];
    drive.readHolding(SPEED_SET, 4, words);
    assertThat(words).containsExactly(0, 0, 0, 500);
  }

  @Test
  void shouldAnswerException2OutsideTheRegisterTables() {
    int[] words = new int[8];
    assertThat(drive.readHolding(7, 1, words)).isEqualTo(2);
    assertThat(drive.readHolding(0, 8, words)).isEqualTo(2);
    assertThat(drive.readInput(5, 1, words)).isEqualTo(2);
    assertThat(drive.readInput(4, 2, words)).isEqualTo(2);
    assertThat(drive.writeHolding(7, new int[] {1})).isEqualTo(2);
    assertThat(drive.writeHolding(6, new int[] {1, 1})).isEqualTo(2);
    assertThat(drive.readHolding(0, 7, words)).isZero();
    assertThat(drive.readInput(0, 5, words)).isZero();
  }

  @Test
  void shouldTripWatchdogWhenHeartbeatStopsChangingAndRampToZeroAtEmergencyDecel() {
    runAt(2000);
    write(WATCHDOG_MS, 200);
    for (int beat = 1; beat <= 10; beat++) {
      write(HEARTBEAT, beat);
      runForMs(150);
    }
    assertThat(drive.faulted()).as("fed every 150 ms").isFalse();

    runForMs(60);
    assertThat(drive.faulted()).isTrue();
    assertThat(input(DriveModel.FAULT_CODE)).isEqualTo(DriveModel.FAULT_WATCHDOG);
    assertThat(status() & (1 << 4)).as("WATCHDOG_TRIPPED").isNotZero();
    assertThat(status() & 1).as("not RUNNING").isZero();

    double speedAtTrip = drive.beltSpeedMps();
    runForMs(500);
    assertThat(drive.beltSpeedMps()).isCloseTo(speedAtTrip - 0.5, within(0.003));
    runForMs(1600);
    assertThat(drive.beltSpeedMps()).isZero();
  }

  @Test
  void shouldNotTripWhenHeartbeatIsRewrittenWithTheSameValue() {
    write(WATCHDOG_MS, 100);
    write(HEARTBEAT, 7);
    for (int i = 0; i < 5; i++) {
      runForMs(30);
      write(HEARTBEAT, 7);
    }
    assertThat(drive.faulted()).isTrue();
  }

  @Test
  void shouldLatchQuickStopUntilResetWithTheBitCleared() {
    runAt(1500);
    write(0, RUN | QUICK_STOP);
    runForMs(1);
    assertThat(drive.faulted()).isTrue();
    assertThat(input(DriveModel.FAULT_CODE)).isEqualTo(DriveModel.FAULT_QUICK_STOP);

    runForMs(1000);
    assertThat(drive.beltSpeedMps()).isCloseTo(0.5, within(0.003));

    write(0, RUN | QUICK_STOP | FAULT_RESET);
    runForMs(1);
    assertThat(drive.faulted()).as("cause still present").isTrue();

    write(0, RUN);
    write(0, RUN | FAULT_RESET);
    runForMs(1);
    assertThat(drive.faulted()).isFalse();
  }

  @Test
  void shouldHoldZeroWhileEstopIsOpenAndResetOnlyOnARisingEdgeWithTheChainClosed() {
    runAt(1000);
    drive.setEstopOpen(true);
    runForMs(1500);
    assertThat(drive.beltSpeedMps()).isZero();
    assertThat(input(DriveModel.FAULT_CODE)).isEqualTo(DriveModel.FAULT_ESTOP);
    assertThat(status() & (1 << 2)).as("ESTOP").isNotZero();

    write(0, RUN | FAULT_RESET);
    runForMs(100);
    assertThat(drive.faulted()).as("chain still open").isTrue();

    drive.setEstopOpen(false);
    write(0, RUN | FAULT_RESET);
    runForMs(100);
    assertThat(drive.faulted()).as("no rising edge: bit was already set").isTrue();
    assertThat(drive.beltSpeedMps()).isZero();

    write(0, RUN);
    write(0, RUN | FAULT_RESET);
    runForMs(100);
    assertThat(drive.faulted()).isFalse();
    assertThat(input(DriveModel.FAULT_CODE)).isZero();
  }

  @Test
  void shouldLatchSafetyKeyAndDriveFaultsWithTheirCodes() {
    drive.setSafetyKeyOut(true);
    runForMs(1);
    assertThat(input(DriveModel.FAULT_CODE)).isEqualTo(DriveModel.FAULT_SAFETY_KEY);
    assertThat(status() & (1 << 3)).as("SAFETY_KEY_OUT").isNotZero();
    drive.setSafetyKeyOut(false);
    resetFault();

    drive.injectOvercurrent();
    assertThat(input(DriveModel.FAULT_CODE)).isEqualTo(DriveModel.FAULT_OVERCURRENT);
    resetFault();
    assertThat(drive.faulted()).as("overcurrent cause is gone at once").isFalse();

    drive.setOvertemperature(true);
    runForMs(1);
    resetFault();
    assertThat(input(DriveModel.FAULT_CODE)).isEqualTo(DriveModel.FAULT_OVERTEMPERATURE);
    drive.setOvertemperature(false);
    resetFault();
    assertThat(drive.faulted()).isFalse();

    drive.injectInclineMotorFault();
    assertThat(input(DriveModel.FAULT_CODE)).isEqualTo(DriveModel.FAULT_INCLINE_MOTOR);
  }

  @Test
  void shouldRunBeltsIndependentlyInSplitModeOnly() {
    write(ACCEL, 2000);
    write(SPEED_SET, 800);
    write(DriveModel.SPEED_SET_RIGHT, 1200);
    write(0, RUN);
    runForMs(1000);
    assertThat(drive.rightBeltSpeedMps()).as("SPEED_SET_RIGHT unused").isEqualTo(0.8);
    assertThat(status() & (1 << 6)).isZero();

    write(0, RUN | SPLIT);
    runForMs(1000);
    assertThat(drive.beltSpeedMps()).isEqualTo(0.8);
    assertThat(drive.rightBeltSpeedMps()).isEqualTo(1.2);
    assertThat(input(DriveModel.SPEED_ACT_RIGHT)).isEqualTo(1200);
    assertThat(status() & (1 << 6)).as("SPLIT").isNotZero();
    assertThat(status() & (1 << 5)).as("AT_SPEED").isNotZero();
  }

  @Test
  void shouldMoveInclineAtTheActuatorRate() {
    write(DriveModel.INCLINE_SET, -50 & 0xFFFF);
    runForMs(2000);
    assertThat(drive.inclinePercent()).isCloseTo(-2.0, within(0.01));
    assertThat((short) input(DriveModel.INCLINE_ACT)).isEqualTo((short) -20);
    runForMs(4000);
    assertThat((short) input(DriveModel.INCLINE_ACT)).isEqualTo((short) -50);
  }

  @Test
  void shouldRunFasterThanCommandedWhileOverspeedIsInjectedUntilAFaultLatches() {
    runAt(600);
    drive.setOverspeedMps(1.6);

    runForMs(1000);
    assertThat(input(DriveModel.SPEED_ACT)).isEqualTo(2200);

    write(0, RUN | QUICK_STOP);
    runForMs(3000);
    assertThat(drive.beltSpeedMps()).as("a latched fault still stops it").isZero();
  }

  @Test
  void shouldKeepCreepingAfterRunIsClearedUntilAFaultLatches() {
    runAt(600);
    drive.setCreepMps(0.1);

    write(0, 0);
    runForMs(1000);
    assertThat(input(DriveModel.SPEED_ACT)).as("RUN cleared, still creeping").isEqualTo(100);

    write(0, QUICK_STOP);
    runForMs(1000);
    assertThat(drive.beltSpeedMps()).isZero();
  }

  @Test
  void shouldRunAtTheCommandedSpeedAgainOnceTheInjectedRunawayIsCleared() {
    runAt(600);
    drive.setOverspeedMps(0.3);
    drive.setCreepMps(0.1);
    drive.clearInjectedFaults();

    runForMs(1000);
    assertThat(input(DriveModel.SPEED_ACT)).isEqualTo(600);
    write(0, 0);
    runForMs(1000);
    assertThat(drive.beltSpeedMps()).isZero();
  }

  private void runAt(int speedMmPerS) {
    write(ACCEL, 2000);
    write(SPEED_SET, speedMmPerS);
    write(0, RUN);
    runForMs(speedMmPerS / 2 + 10);
    assertThat(drive.beltSpeedMps()).isEqualTo(speedMmPerS / 1000.0);
  }

  private void resetFault() {
    write(0, 0);
    write(0, FAULT_RESET);
    write(0, 0);
  }

  private void runForMs(int durationMs) {
    for (int i = 0; i < durationMs; i++) {
      nowNs += MS;
      drive.step(nowNs);
    }
  }

  private void write(int address, int value) {
    assertThat(drive.writeHolding(address, new int[] {value})).isZero();
  }

  private int holding(int address) {
    int[] word = new int[1];
    drive.readHolding(address, 1, word);
    return word[0];
  }

  private int input(int address) {
    int[] word = new int[1];
    assertThat(drive.readInput(address, 1, word)).isZero();
    return word[0];
  }

  private int status() {
    return input(DriveModel.STATUS);
  }
}
