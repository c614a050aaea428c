package org.gaitctl.config;

import java.util.Optional;

/**
 * Checks that relate sections to each other: limits against the devices' register ranges and
 * request timeouts, and devices against each other's transports. Runs only on sections that read
 * cleanly, so that one mistake is reported once.
 */
final class ProfileCrossChecks {

  private final YamlMap limitsSection;
  private final SafetyLimits limits;

  private ProfileCrossChecks(YamlMap limitsSection, SafetyLimits limits) {
    this.limitsSection = limitsSection;
    this.limits = limits;
  }

  /** The limits against both Modbus devices' register maps and timeouts. */
  static void checkLimits(
      YamlMap limitsSection,
      SafetyLimits limits,
      ModbusDeviceProfile treadmill,
      ModbusDeviceProfile bws) {
    ProfileCrossChecks checks = new ProfileCrossChecks(limitsSection, limits);
    checks.checkTreadmill(treadmill.registers());
    checks.checkBws(bws.registers());
    checks.checkWatchdog("treadmill", treadmill);
    checks.checkWatchdog("bws", bws);
  }

  private void checkTreadmill(RegisterMap registers) {
    RegisterField speedSet = registers.field("speedSet");
    atMostTop("maxBeltSpeedMps", limits.maxBeltSpeedMps(), "treadmill", speedSet);
    registers
        .optionalField("speedSetRight")
        .ifPresent(
            right -> atMostTop("maxBeltSpeedMps", limits.maxBeltSpeedMps(), "treadmill", right));
    Optional<RegisterField> inclineSet = registers.optionalField("inclineSet");
    if (inclineSet.isPresent()) {
      within("minInclinePercent", limits.minInclinePercent(), "treadmill", inclineSet.get());
      within("maxInclinePercent", limits.maxInclinePercent(), "treadmill", inclineSet.get());
    } else {
      zeroWithoutInclineRegister("minInclinePercent", limits.minInclinePercent());
      zeroWithoutInclineRegister("maxInclinePercent", limits.maxInclinePercent());
    }
    registers
        .optionalField("accel")
        .ifPresent(
            accel -> {
              within("maxAccelMps2", limits.maxAccelMps2(), "treadmill", accel);
              within("stopDecelMps2", limits.stopDecelMps2(), "treadmill", accel);
            });
  }

  private void checkBws(RegisterMap registers) {
    RegisterField forceSet = registers.field("forceSet");
    within("minUnloadingN", limits.minUnloadingN(), "bws", forceSet);
    atMostTop("maxUnloadingN", limits.maxUnloadingN(), "bws", forceSet);
    within("maxForceRateNPerS", limits.maxForceRateNPerS(), "bws", registers.field("forceRate"));
  }

  private void checkWatchdog(String device, ModbusDeviceProfile profile) {
    profile
        .registers()
        .optionalField("watchdogMs")
        .ifPresent(field -> within("deviceWatchdogMs", limits.deviceWatchdogMs(), device, field));
    // One late reply must not starve the device's watchdog of heartbeats.
    if (limits.deviceWatchdogMs() < 2L * profile.requestTimeoutMs()) {
      limitsSection
          .get("deviceWatchdogMs")
          .error(
              "must be at least twice "
                  + device
                  + ".requestTimeoutMs ("
                  + 2 * profile.requestTimeoutMs()
                  + " ms), or one late reply trips the watchdog");
    }
  }

  private void zeroWithoutInclineRegister(String key, double value) {
    if (value != 0) {
      limitsSection.get(key).error("must be 0: the treadmill has no inclineSet register");
    }
  }

  private void atMostTop(String key, double value, String device, RegisterField field) {
    if (value > field.range().max()) {
      limitsSection
          .get(key)
          .error(
              "must be <= "
                  + NumberText.format(field.range().max())
                  + " "
                  + field.unit()
                  + ", the top of "
                  + device
                  + ".registers."
                  + field.name()
                  + "'s range");
    }
  }

  private void within(String key, double value, String device, RegisterField field) {
    if (!field.inRange(value)) {
      limitsSection
          .get(key)
          .error(
              "must be within "
                  + device
                  + ".registers."
                  + field.name()
                  + "'s range "
                  + NumberText.range(field.range().min(), field.range().max())
                  + " "
                  + field.unit());
    }
  }
}
