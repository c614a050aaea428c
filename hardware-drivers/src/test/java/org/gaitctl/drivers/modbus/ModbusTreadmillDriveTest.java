package org.gaitctl.drivers.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.gaitctl.config.RegisterField;
import org.gaitctl.config.RegisterMap;
import org.gaitctl.config.RegisterTable;
import org.gaitctl.config.SafetyLimits;
import org.gaitctl.config.TransportUri;
import org.gaitctl.core.port.CommandResult;
import org.junit.jupiter.api.Test;

/**
 * What the drive decides before anything goes on the wire. The client points at a closed port, so
 * any request that did go out would come back NOT_CONNECTED and be counted.
 */
class ModbusTreadmillDriveTest {

  private static final SafetyLimits LIMITS =
      new SafetyLimits(2.5, -5, 15, 1200, 0, 1.5, 1.0, 2000, 200);

  @Test
  void shouldRefuseValuesOutsideTheLimitsWithoutSending() throws IOException {
    try (ModbusTreadmillDrive drive = driveWith(SpecRegisterMaps.drive())) {
      assertThat(drive.setSpeed(2.6)).isEqualTo(CommandResult.OUT_OF_RANGE);
      assertThat(drive.setSpeed(-0.01)).isEqualTo(CommandResult.OUT_OF_RANGE);
      assertThat(drive.setSpeed(Double.POSITIVE_INFINITY)).isEqualTo(CommandResult.OUT_OF_RANGE);
      assertThat(drive.setSplitSpeeds(1.0, 2.6)).isEqualTo(CommandResult.OUT_OF_RANGE);
      assertThat(drive.setIncline(-5.1)).isEqualTo(CommandResult.OUT_OF_RANGE);
      assertThat(drive.setIncline(15.1)).isEqualTo(CommandResult.OUT_OF_RANGE);
      assertThat(drive.setAcceleration(0)).isEqualTo(CommandResult.OUT_OF_RANGE);
      assertThat(drive.setAcceleration(1.6)).isEqualTo(CommandResult.OUT_OF_RANGE);
      assertThat(drive.armWatchdog(-1)).isEqualTo(CommandResult.OUT_OF_RANGE);
      assertThat(drive.armWatchdog(65_536)).isEqualTo(CommandResult.OUT_OF_RANGE);

      assertThat(drive.counters().requests()).isZero();
    }
  }

  @Test
  void shouldRefuseAValueThatDoesNotFitTheSixteenBitRegister() throws IOException {
    Map<String, RegisterField> fields = new HashMap<>(SpecRegisterMaps.drive().fields());
    fields.put(
        "speedSet", new RegisterField("speedSet", RegisterTable.HOLDING, 1, 0.00001, false, "m/s"));
    try (ModbusTreadmillDrive drive = driveWith(withFields(fields))) {
      assertThat(drive.setSpeed(0.7)).isEqualTo(CommandResult.OUT_OF_RANGE);
      assertThat(drive.counters().requests()).isZero();
    }
  }

  @Test
  void shouldCopeWithADriveWithoutOptionalRegisters() throws IOException {
    Map<String, RegisterField> fields = new HashMap<>(SpecRegisterMaps.drive().fields());
    for (String optional :
        new String[] {
          "speedSetRight",
          "speedActRight",
          "inclineSet",
          "inclineAct",
          "accel",
          "watchdogMs",
          "heartbeat"
        }) {
      fields.remove(optional);
    }
    try (ModbusTreadmillDrive drive = driveWith(withFields(fields))) {
      assertThat(drive.setSplitSpeeds(1.0, 1.2)).isEqualTo(CommandResult.OUT_OF_RANGE);
      assertThat(drive.setIncline(2.0)).isEqualTo(CommandResult.OUT_OF_RANGE);
      assertThat(drive.setIncline(0.0)).isEqualTo(CommandResult.OK);
      assertThat(drive.setAcceleration(1.0)).isEqualTo(CommandResult.OUT_OF_RANGE);
      assertThat(drive.armWatchdog(200)).isEqualTo(CommandResult.OUT_OF_RANGE);
      assertThat(drive.armWatchdog(0)).isEqualTo(CommandResult.OK);
      assertThat(drive.readWatchdog().result()).isEqualTo(CommandResult.OUT_OF_RANGE);
      assertThat(drive.heartbeat()).isEqualTo(CommandResult.OK);
      assertThat(drive.counters().requests()).isZero();

      assertThat(drive.setSplitSpeeds(1.0, 1.0)).isEqualTo(CommandResult.NOT_CONNECTED);
      assertThat(drive.counters().notConnected()).isEqualTo(1);
    }
  }

  @Test
  void shouldRejectAMapWithoutARequiredFieldAtConstruction() {
    Map<String, RegisterField> fields = new HashMap<>(SpecRegisterMaps.drive().fields());
    fields.remove("speedAct");

    assertThatThrownBy(() -> driveWith(withFields(fields)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("speedAct");
  }

  @Test
  void shouldRejectStatusRegistersThatNoSingleReadCovers() {
    Map<String, RegisterField> fields = new HashMap<>(SpecRegisterMaps.drive().fields());
    fields.put("faultCode", new RegisterField("faultCode", RegisterTable.INPUT, 300, 1, false, ""));

    assertThatThrownBy(() -> driveWith(withFields(fields)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("span 301 registers");
  }

  @Test
  void shouldMapTheSpecScalesBothWays() {
    RegisterMap drive = SpecRegisterMaps.drive();
    assertThat(drive.field("speedSet").toRaw(1.234)).isEqualTo(1234);
    assertThat(drive.field("inclineSet").toRaw(-2.5)).isEqualTo(-25);
    assertThat(drive.field("inclineAct").fromRaw(0xFFE7)).isEqualTo(-2.5);
    assertThat(drive.field("accel").toRaw(0.5)).isEqualTo(500);
    assertThat(SpecRegisterMaps.bws().field("cablePos").fromRaw(1480)).isEqualTo(1.48);
  }

  private static RegisterMap withFields(Map<String, RegisterField> fields) {
    RegisterMap spec = SpecRegisterMaps.drive();
    return new RegisterMap(fields, 0, spec.controlBits(), spec.statusBits());
  }

  private static ModbusTreadmillDrive driveWith(RegisterMap map) throws IOException {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    return new ModbusTreadmillDrive(
        ModbusClients.create(new TransportUri.Tcp("127.0.0.1", closedPort), 200), 1, map, LIMITS);
  }
}
