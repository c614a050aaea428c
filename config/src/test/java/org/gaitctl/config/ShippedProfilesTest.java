package org.gaitctl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShippedProfilesTest {

  private static final Path DEVICES = Path.of("devices");

  static Stream<Path> shippedProfiles() throws IOException {
    List<Path> profiles;
    try (Stream<Path> files = Files.list(DEVICES)) {
      profiles = files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(profiles).hasSizeGreaterThanOrEqualTo(3);
    return profiles.stream();
  }

  @ParameterizedTest
  @MethodSource("shippedProfiles")
  void shouldLoadEveryShippedProfile(Path profile) {
    assertThatCode(() -> DevicesConfigLoader.load(profile)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @MethodSource("shippedProfiles")
  void shouldPackageEveryShippedProfileOnTheClasspath(Path profile) {
    DevicesConfig fromFile = DevicesConfigLoader.load(profile);
    DevicesConfig fromJar = DevicesConfigLoader.loadResource("devices/" + profile.getFileName());

    assertThat(fromJar).usingRecursiveComparison().ignoringFields("source").isEqualTo(fromFile);
  }

  /** A dead controller must leave the belt running for at most 250 ms before the devices act. */
  @ParameterizedTest
  @MethodSource("shippedProfiles")
  void shouldArmTheDeviceWatchdogsForAtMost250Ms(Path profile) {
    assertThat(DevicesConfigLoader.load(profile).limits().deviceWatchdogMs())
        .isLessThanOrEqualTo(250);
  }

  @Test
  void shouldPointTheDefaultProfileAtTheBuiltInEmulators() {
    DevicesConfig config = DevicesConfigLoader.loadDefault();

    assertThat(config.source()).isEqualTo("classpath:devices/emulated.yaml");
    assertThat(config.treadmill().transport()).isEqualTo(new TransportUri.Tcp("127.0.0.1", 1502));
    assertThat(config.treadmill().unitId()).isEqualTo(1);
    assertThat(config.bws().transport()).isEqualTo(new TransportUri.Tcp("127.0.0.1", 1503));
    assertThat(config.bws().unitId()).isEqualTo(2);
    assertThat(config.pressureBelt().transport())
        .isEqualTo(new TransportUri.SerialStream("/tmp/gaitctl/pbu", 921600));
    assertThat(config.pressureBelt().rateHz()).isEqualTo(300);
    assertThat(config.loadCell().transport())
        .isEqualTo(new TransportUri.SerialStream("/tmp/gaitctl/lca", 921600));
    assertThat(config.loadCell().rateHz()).isEqualTo(1000);
    assertThat(config.treadmill().registers())
        .isEqualTo(ModbusDeviceKind.TREADMILL_DRIVE.specRegisterMap());
    assertThat(config.bws().registers()).isEqualTo(ModbusDeviceKind.BWS_UNIT.specRegisterMap());
    assertThat(config.simulation()).isEqualTo(SimulationSettings.defaults());
  }

  @Test
  void shouldPutTheRtuEmulatorsOnTheirPseudoTerminals() {
    DevicesConfig config = DevicesConfigLoader.loadResource("devices/emulated-rtu.yaml");

    assertThat(config.treadmill().transport())
        .isEqualTo(new TransportUri.Rtu("/tmp/gaitctl/drive-rtu", 115200, 8, "even", 1));
    assertThat(config.bws().transport())
        .isEqualTo(new TransportUri.Rtu("/tmp/gaitctl/bws-rtu", 115200, 8, "even", 1));
  }

  @Test
  void shouldComposeTheAbbDrivesControlWordFromTheAcs580Profile() {
    RegisterMap registers =
        DevicesConfigLoader.load(DEVICES.resolve("abb-acs580-efb.yaml")).treadmill().registers();
    BitField run = registers.controlBit("run").orElseThrow();
    BitField quickStop = registers.controlBit("quickStop").orElseThrow();
    BitField faultReset = registers.controlBit("faultReset").orElseThrow();
    int idle = quickStop.apply(run.apply(registers.controlBaseWord(), false), false);

    assertThat(idle).isEqualTo(0x0476);
    assertThat(run.apply(idle, true)).isEqualTo(0x047F);
    assertThat(quickStop.apply(run.apply(idle, true), true)).isEqualTo(0x047B);
    assertThat(faultReset.apply(idle, true)).isEqualTo(0x04F6);
    assertThat(registers.statusBit("estop").orElseThrow().isActive(0x0217)).isTrue();
    assertThat(registers.statusBit("running").orElseThrow().isActive(0x0237)).isTrue();
  }

  @Test
  void shouldScaleTheAcs580SpeedReferenceSoThat20000CountsAreTwoMetresPerSecond() {
    RegisterMap registers =
        DevicesConfigLoader.load(DEVICES.resolve("abb-acs580-efb.yaml")).treadmill().registers();
    RegisterField speedSet = registers.field("speedSet");

    assertThat(speedSet.toRaw(2.0)).isEqualTo(20000);
    assertThat(speedSet.toRaw(1.0)).isEqualTo(10000);
    assertThat(speedSet.inRange(2.4)).isTrue();
    assertThat(speedSet.inRange(2.5)).isFalse();
    assertThat(speedSet.inRange(-0.1)).isFalse();
    assertThat(registers.field("speedAct").fromRaw(0xFFFF & -5000)).isCloseTo(-0.5, within());
    assertThat(registers.field("faultCode").address()).isEqualTo(400);
    assertThat(registers.optionalField("heartbeat")).isEmpty();
    assertThat(registers.optionalField("accel")).isEmpty();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
