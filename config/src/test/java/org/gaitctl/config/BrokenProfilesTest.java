package org.gaitctl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gaitctl.config.ProfileText.errorsOf;
import static org.gaitctl.config.ProfileText.with;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BrokenProfilesTest {

  static Stream<Arguments> brokenProfiles() {
    return Stream.of(
        broken(
            "scale 0",
            with("      scale: 0.001\n", "      scale: 0\n"),
            "devices.yaml:14: treadmill.registers.speedSet.scale must be > 0"),
        broken(
            "missing field",
            with("    faultCode: { table: input, address: 4 }\n", "    # no fault code\n"),
            "devices.yaml:5: treadmill.registers.faultCode is required"),
        broken(
            "missing section", with(ProfileText.LIMITS, ""), "devices.yaml:1: limits is required"),
        broken(
            "wrong type",
            with("  unitId: 1\n", "  unitId: one\n"),
            "devices.yaml:3: treadmill.unitId must be an integer, not 'one'"),
        broken(
            "mapping where a value belongs",
            with(
                "  requestTimeoutMs: 100\n  registers:\n",
                "  requestTimeoutMs: {}\n  registers:\n"),
            "devices.yaml:4: treadmill.requestTimeoutMs must be a single value, not a mapping"),
        broken(
            "yes for a boolean",
            with("      signed: false\n", "      signed: yes\n"),
            "devices.yaml:13: treadmill.registers.speedSet.signed must be true or false, not 'yes'"),
        broken(
            "unknown key",
            with("  rateHz: 300\n", "  rateHZ: 300\n"),
            "devices.yaml:31: pressureBelt.rateHz is required",
            "devices.yaml:33: pressureBelt.rateHZ is not a known key; expected one of: transport,"
                + " rateHz, commandTimeoutMs"),
        broken(
            "duplicate key",
            with("  deviceWatchdogMs: 500\n", "  deviceWatchdogMs: 500\n  deviceWatchdogMs: 400\n"),
            "devices.yaml:49: limits.deviceWatchdogMs appears twice (first on line 48)"),
        broken(
            "bad URI",
            with("tcp://127.0.0.1:1502", "tcp://127.0.0.1"),
            "devices.yaml:2: treadmill.transport 'tcp://127.0.0.1' has no port; expected"
                + " tcp://HOST:PORT"),
        broken(
            "stream URI on a Modbus device",
            with("tcp://127.0.0.1:1503", "serial:/dev/ttyUSB0"),
            "devices.yaml:27: bws.transport must be a Modbus address (tcp://HOST:PORT or"
                + " rtu:PORT?baud=..), not a serial: stream"),
        broken(
            "Modbus URI on a stream device",
            with("serial:/tmp/gaitctl/lca?baud=921600", "tcp://127.0.0.1:1504"),
            "devices.yaml:36: loadCell.transport must be a serial:PORT?baud=.. address, not"
                + " 'tcp://127.0.0.1:1504'"),
        broken(
            "bad unit id",
            with("  unitId: 2\n", "  unitId: 248\n"),
            "devices.yaml:28: bws.unitId must be 0..247"),
        broken(
            "broadcast unit id on RTU",
            with("tcp://127.0.0.1:1502\n  unitId: 1", "rtu:/dev/ttyUSB0\n  unitId: 0"),
            "devices.yaml:3: treadmill.unitId must be 1..247 on rtu: (0 is the broadcast address,"
                + " which never answers)"),
        broken(
            "address out of range",
            with("    control: { address: 0 }", "    control: { address: 65536 }"),
            "devices.yaml:6: treadmill.registers.control.address must be 0..65535"),
        broken(
            "field min > max",
            with("      min: 0\n", "      min: 6\n"),
            "devices.yaml:16: treadmill.registers.speedSet.min must be < max (min 6, max 5)"),
        broken(
            "field range beyond the register",
            with("      max: 5\n", "      max: 70\n"),
            "devices.yaml:17: treadmill.registers.speedSet.max must be within the register's"
                + " range 0..65.535 m/s"),
        broken(
            "limit min > max",
            with("  minUnloadingN: 20\n", "  minUnloadingN: 700\n"),
            "devices.yaml:43: limits.minUnloadingN must be < maxUnloadingN"),
        broken(
            "belt speed above the drive's range",
            with("  maxBeltSpeedMps: 2.0\n", "  maxBeltSpeedMps: 6\n"),
            "devices.yaml:40: limits.maxBeltSpeedMps must be <= 5 m/s, the top of"
                + " treadmill.registers.speedSet's range"),
        broken(
            "unloading above the BWS range",
            with("  maxUnloadingN: 600\n", "  maxUnloadingN: 1600\n"),
            "devices.yaml:44: limits.maxUnloadingN must be <= 1500 N, the top of"
                + " bws.registers.forceSet's range"),
        broken(
            "incline limit without an incline register",
            with("  maxInclinePercent: 0\n", "  maxInclinePercent: 10\n"),
            "devices.yaml:42: limits.maxInclinePercent must be 0: the treadmill has no inclineSet"
                + " register"),
        broken(
            "watchdog so long that a dead controller leaves the belt running",
            with("  deviceWatchdogMs: 500\n", "  deviceWatchdogMs: 60000\n"),
            "devices.yaml:48: limits.deviceWatchdogMs must be 100..1000"),
        broken(
            "watchdog shorter than the pollers can feed it",
            with("  deviceWatchdogMs: 500\n", "  deviceWatchdogMs: 99\n"),
            "devices.yaml:48: limits.deviceWatchdogMs must be 100..1000"),
        broken(
            "watchdog shorter than two request timeouts",
            with("  deviceWatchdogMs: 500\n", "  deviceWatchdogMs: 150\n"),
            "devices.yaml:48: limits.deviceWatchdogMs must be at least twice"
                + " treadmill.requestTimeoutMs (200 ms), or one late reply trips the watchdog",
            "devices.yaml:48: limits.deviceWatchdogMs must be at least twice"
                + " bws.requestTimeoutMs (200 ms), or one late reply trips the watchdog"),
        broken(
            "written field in the input table",
            with("      table: holding\n", "      table: input\n"),
            "devices.yaml:11: treadmill.registers.speedSet.table must be holding: gaitctl writes"
                + " speedSet"),
        broken(
            "two fields at one address",
            with(
                "    status: { table: input, address: 0 }",
                "    status: { table: input, address: 1 }"),
            "devices.yaml:9: treadmill.registers.speedAct.address 1 is already used by status in"
                + " the input table"),
        broken(
            "foreign unit",
            with("      unit: m/s\n", "      unit: km/h\n"),
            "devices.yaml:15: treadmill.registers.speedSet.unit must be m/s: gaitctl works in m/s;"
                + " express the device's own unit through scale"),
        broken(
            "overlapping control bits",
            with("    quickStop: { bit: 2 }", "    quickStop: { bit: 0 }"),
            "devices.yaml:18: treadmill.registers.controlBits.quickStop 0x0001 overlaps run"
                + " (0x0001): one flag would clobber the other"),
        broken(
            "bit number out of range",
            with("    run: { bit: 0 }", "    run: { bit: 16 }"),
            "devices.yaml:19: treadmill.registers.controlBits.run.bit must be 0..15"),
        broken(
            "bit without bit or mask",
            with("    run: { bit: 0 }", "    run: { activeLow: true }"),
            "devices.yaml:19: treadmill.registers.controlBits.run needs bit (0..15) or mask"
                + " (1..0xFFFF)"),
        broken(
            "missing status bit",
            with("    estop: { bit: 2 }\n", "    # no e-stop\n"),
            "devices.yaml:22: treadmill.registers.statusBits.estop is required"),
        broken(
            "two devices with one unit id on one address",
            with("tcp://127.0.0.1:1503\n  unitId: 2", "tcp://127.0.0.1:1502\n  unitId: 1"),
            "devices.yaml:28: bws.unitId 1 is already used by treadmill on tcp://127.0.0.1:1502"),
        broken(
            "two streams on one port",
            with("serial:/tmp/gaitctl/lca?baud=921600", "serial:/tmp/gaitctl/pbu?baud=921600"),
            "devices.yaml:36: loadCell.transport uses port /tmp/gaitctl/pbu, already used by"
                + " pressureBelt"),
        broken(
            "rate of zero",
            with("  rateHz: 1000\n", "  rateHz: 0\n"),
            "devices.yaml:37: loadCell.rateHz must be 1..65535"),
        broken(
            "empty value",
            with(
                "  requestTimeoutMs: 100\n  registers: gaitctl",
                "  requestTimeoutMs:\n  registers: gaitctl"),
            "devices.yaml:29: bws.requestTimeoutMs has no value"),
        broken(
            "unknown layout",
            with("registers: gaitctl-spec-v1", "registers: gaitctl-spec-v2"),
            "devices.yaml:30: bws.registers must be gaitctl-spec-v1 (the built-in layout) or a"
                + " mapping of registers, not 'gaitctl-spec-v2'"),
        broken(
            "YAML syntax error",
            with("  rateHz: 300\n", "  rateHz: [300\n"),
            "devices.yaml:33: YAML syntax error: expected ',' or ']', but got : (while parsing a flow"
                + " sequence), noticed on line 34"),
        broken(
            "tab indentation",
            with("  rateHz: 300\n", "\trateHz: 300\n"),
            "devices.yaml:33: YAML syntax error: found character '\\t(TAB)' that cannot start any"
                + " token. (Do not use \\t(TAB) for indentation) (while scanning for the next token)"),
        broken(
            "unknown section beside a broken one",
            with("  unitId: 1\n", "  unitId: -1\n") + "simulaton: {}\n",
            "devices.yaml:3: treadmill.unitId must be 0..247",
            "devices.yaml:49: simulaton is not a known key; expected one of: treadmill, bws,"
                + " pressureBelt, loadCell, limits, simulation,"
                + " supervision, journal"),
        broken(
            "one RS-485 bus with two sets of serial parameters",
            with(
                with("tcp://127.0.0.1:1502", "rtu:/dev/ttyUSB0?baud=19200"),
                "tcp://127.0.0.1:1503",
                "rtu:/dev/ttyUSB0?baud=9600"),
            "devices.yaml:27: bws.transport shares the bus /dev/ttyUSB0 with treadmill but with"
                + " other serial parameters ('rtu:/dev/ttyUSB0?baud=9600&parity=even&stop=1' vs"
                + " 'rtu:/dev/ttyUSB0?baud=19200&parity=even&stop=1')"),
        broken(
            "stream on a Modbus RTU bus",
            with(
                with("tcp://127.0.0.1:1502", "rtu:/dev/ttyUSB0"),
                "serial:/tmp/gaitctl/pbu?baud=921600",
                "serial:/dev/ttyUSB0"),
            "devices.yaml:32: pressureBelt.transport uses port /dev/ttyUSB0, already used by"
                + " treadmill"),
        broken(
            "bit and mask together",
            with("    run: { bit: 0 }", "    run: { bit: 0, mask: 0x0001 }"),
            "devices.yaml:19: treadmill.registers.controlBits.run has both bit and mask; give one"),
        broken(
            "list where a value belongs",
            with("  rateHz: 300\n", "  rateHz: [300]\n"),
            "devices.yaml:33: pressureBelt.rateHz must be a single value, not a list"),
        broken("empty file", "", "devices.yaml: is empty; expected a device profile"),
        broken(
            "not a mapping",
            "just some text\n",
            "devices.yaml:1: must be a mapping with keys treadmill, bws, pressureBelt, loadCell,"
                + " limits, simulation, supervision, journal, not 'just some text'"));
  }

  private static Arguments broken(String name, String text, String... expectedLines) {
    return Arguments.of(name, text, String.join("\n", expectedLines));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenProfiles")
  void shouldNameFileLineAndFieldOfEveryProblem(String name, String text, String expected) {
    assertThat(errorsOf(text)).isEqualTo(expected);
  }

  @Test
  void shouldLoadTheUnbrokenProfile() {
    DevicesConfig config = DevicesConfigLoader.parse(ProfileText.VALID, "devices.yaml");

    assertThat(config.treadmill().registers().field("speedSet").range())
        .isEqualTo(new FieldRange(0, 5));
    assertThat(config.treadmill().registers().optionalField("heartbeat")).isEmpty();
  }

  @Test
  void shouldAllowTwoDevicesOnOneRs485BusWithDistinctUnitIds() {
    String text =
        with(
            with("tcp://127.0.0.1:1502", "rtu:/dev/ttyUSB0?baud=19200"),
            "tcp://127.0.0.1:1503",
            "rtu:/dev/ttyUSB0?baud=19200&parity=even&stop=1");

    DevicesConfig config = DevicesConfigLoader.parse(text, "devices.yaml");

    assertThat(config.bws().transport()).isEqualTo(config.treadmill().transport());
  }

  @Test
  void shouldReportEveryProblemOfAFileTogetherSortedByLine() {
    String text =
        with(
            with(with("  rateHz: 1000\n", "  rateHz: -1\n"), "  unitId: 1\n", "  unitId: x\n"),
            "      scale: 0.001\n",
            "      scale: -1\n");

    assertThatThrownBy(() -> DevicesConfigLoader.parse(text, "devices.yaml"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ConfigError::line, ConfigError::path)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "treadmill.unitId"),
                        org.assertj.core.groups.Tuple.tuple(
                            14, "treadmill.registers.speedSet.scale"),
                        org.assertj.core.groups.Tuple.tuple(37, "loadCell.rateHz")));
  }

  @Test
  void shouldNameTheFileAsGivenWhenLoadingFromDisk(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("devices.yaml");
    Files.writeString(file, with("      scale: 0.001\n", "      scale: 0\n"));

    assertThatThrownBy(() -> DevicesConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ":14: treadmill.registers.speedSet.scale must be > 0");
  }

  @Test
  void shouldSayWhenTheFileIsMissing(@TempDir Path dir) {
    Path missing = dir.resolve("missing.yaml");

    assertThatThrownBy(() -> DevicesConfigLoader.load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessage(missing + ": file not found");
  }

  @Test
  void shouldSayWhenTheFileIsADirectory(@TempDir Path dir) {
    assertThatThrownBy(() -> DevicesConfigLoader.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessage(dir + ": is a directory, not a device profile");
  }

  @Test
  void shouldSayWhenTheFileIsNotUtf8(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, "treadmill: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> DevicesConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": is not UTF-8 text");
  }

  @Test
  void shouldSayWhenAClasspathProfileIsMissing() {
    assertThatThrownBy(() -> DevicesConfigLoader.loadResource("devices/none.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("classpath:devices/none.yaml: resource not found");
  }
}
