package org.gaitctl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gaitctl.config.ProfileText.errorsOf;
import static org.gaitctl.config.ProfileText.with;

import org.junit.jupiter.api.Test;

/** The {@code registers} section: the spec layout, overrides over it, and removals. */
class RegisterLayoutTest {

  private static final String BWS_ON_LAYOUT = "  registers: gaitctl-spec-v1\n";

  private static RegisterMap bwsRegistersWith(String registersSection) {
    String text = with(BWS_ON_LAYOUT, registersSection);
    return DevicesConfigLoader.parse(text, "devices.yaml").bws().registers();
  }

  @Test
  void shouldGiveTheSpecsLayoutInEngineeringUnits() {
    RegisterMap drive = ModbusDeviceKind.TREADMILL_DRIVE.specRegisterMap();

    assertThat(drive.field("speedSet"))
        .isEqualTo(
            new RegisterField(
                "speedSet", RegisterTable.HOLDING, 1, 0.001, false, "m/s", new FieldRange(0, 5)));
    assertThat(drive.field("inclineSet").fromRaw(0xFFFF & -100)).isEqualTo(-10.0);
    assertThat(drive.field("inclineSet").range()).isEqualTo(new FieldRange(-10, 25));
    assertThat(drive.field("accel").range()).isEqualTo(new FieldRange(0.05, 2));
    assertThat(drive.field("faultCode").table()).isEqualTo(RegisterTable.INPUT);
    assertThat(drive.field("faultCode").address()).isEqualTo(4);
    assertThat(drive.controlBit("split")).contains(new BitField(0x0008, false));
    assertThat(drive.statusBit("split")).contains(new BitField(0x0040, false));
    RegisterMap bws = ModbusDeviceKind.BWS_UNIT.specRegisterMap();
    assertThat(bws.field("cablePos").scale()).isEqualTo(0.001);
    assertThat(bws.field("forceRate").range()).isEqualTo(new FieldRange(10, 2000));
    assertThat(bws.statusBit("slack")).contains(new BitField(0x0020, false));
  }

  @Test
  void shouldOverrideOneKeyOfALayoutField() {
    RegisterMap registers =
        bwsRegistersWith(
            """
              registers:
                layout: gaitctl-spec-v1
                forceSet: { max: 1000 }
            """);

    assertThat(registers.field("forceSet"))
        .isEqualTo(
            new RegisterField(
                "forceSet", RegisterTable.HOLDING, 1, 1, false, "N", new FieldRange(0, 1000)));
    assertThat(registers.field("forceRate"))
        .isEqualTo(ModbusDeviceKind.BWS_UNIT.specRegisterMap().field("forceRate"));
  }

  @Test
  void shouldRecomputeTheRegisterRangeOfAMeasurementWhoseScaleIsOverridden() {
    RegisterMap registers =
        bwsRegistersWith(
            """
              registers:
                layout: gaitctl-spec-v1
                forceAct: { scale: 0.1, signed: true, address: 9 }
            """);

    assertThat(registers.field("forceAct").range().min()).isCloseTo(-3276.8, within());
    assertThat(registers.field("forceAct").range().max()).isCloseTo(3276.7, within());
    assertThat(registers.field("forceAct").address()).isEqualTo(9);
  }

  @Test
  void shouldReplaceALayoutBitAndKeepTheOthers() {
    RegisterMap registers =
        bwsRegistersWith(
            """
              registers:
                layout: gaitctl-spec-v1
                controlBaseWord: 0x0400
                statusBits:
                  slack: { mask: 0x0300, activeLow: true }
            """);

    assertThat(registers.controlBaseWord()).isEqualTo(0x0400);
    assertThat(registers.statusBit("slack")).contains(new BitField(0x0300, true));
    assertThat(registers.statusBit("overload")).contains(new BitField(0x0010, false));
  }

  @Test
  void shouldRemoveOptionalFieldsWrittenAsNull() {
    RegisterMap registers =
        treadmillOnLayout(
            """
                inclineSet: ~
                inclineAct: ~
                accel: null
                watchdogMs:
                heartbeat: ~
            """);

    assertThat(registers.fields())
        .doesNotContainKeys("inclineSet", "inclineAct", "accel", "watchdogMs", "heartbeat")
        .containsKeys("speedSet", "speedSetRight", "speedAct", "status", "faultCode");
  }

  @Test
  void shouldDropSplitBeltModeWhenFieldAndFlagAreRemovedTogether() {
    RegisterMap registers =
        treadmillOnLayout(
            """
                speedSetRight: null
                speedActRight: null
                controlBits: { split: null }
                statusBits: { split: null }
            """);

    assertThat(registers.optionalField("speedSetRight")).isEmpty();
    assertThat(registers.controlBit("split")).isEmpty();
    assertThat(registers.controlBit("run")).contains(new BitField(0x0001, false));
  }

  @Test
  void shouldRefuseHalfOfSplitBeltMode() {
    assertThat(errorsOf(treadmillOnLayoutText("    speedSetRight: null\n")))
        .isEqualTo(
            "devices.yaml:5: treadmill.registers needs both speedSetRight and controlBits.split"
                + " for split-belt mode, or neither");
  }

  @Test
  void shouldRefuseAWatchdogThatNothingFeeds() {
    assertThat(errorsOf(treadmillOnLayoutText("    heartbeat: ~\n")))
        .isEqualTo(
            "devices.yaml:5: treadmill.registers.watchdogMs needs a heartbeat field: an armed"
                + " watchdog that is never fed trips");
  }

  @Test
  void shouldRefuseToRemoveARequiredField() {
    assertThat(errorsOf(treadmillOnLayoutText("    speedAct: ~\n    controlBits:\n      run: ~\n")))
        .isEqualTo(
            "devices.yaml:7: treadmill.registers.speedAct is required by gaitctl and cannot be"
                + " removed\n"
                + "devices.yaml:9: treadmill.registers.controlBits.run is required by gaitctl and"
                + " cannot be removed");
  }

  @Test
  void shouldRefuseAnUnknownFieldName() {
    assertThat(errorsOf(treadmillOnLayoutText("    speedSetLeft: { address: 9 }\n")))
        .startsWith(
            "devices.yaml:7: treadmill.registers.speedSetLeft is not a known key; expected one"
                + " of: layout, controlBaseWord, controlBits, statusBits, control, speedSet,");
  }

  @Test
  void shouldRefuseAnUnknownLayout() {
    assertThat(errorsOf(treadmillOnLayoutText("").replaceFirst("spec-v1", "spec-v9")))
        .isEqualTo(
            "devices.yaml:6: treadmill.registers.layout must be gaitctl-spec-v1 (the only"
                + " built-in layout), not 'gaitctl-spec-v9'");
  }

  private static RegisterMap treadmillOnLayout(String overrides) {
    return DevicesConfigLoader.parse(treadmillOnLayoutText(overrides), "devices.yaml")
        .treadmill()
        .registers();
  }

  /** The test profile with the treadmill on the spec layout (its registers key on line 5). */
  private static String treadmillOnLayoutText(String overrides) {
    String registers =
        ProfileText.VALID.substring(
            ProfileText.VALID.indexOf("  registers:\n"), ProfileText.VALID.indexOf("bws:\n"));
    return with(registers, "  registers:\n    layout: gaitctl-spec-v1\n" + overrides);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
