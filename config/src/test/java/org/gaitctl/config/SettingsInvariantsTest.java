package org.gaitctl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Settings objects refuse values outside their ranges, whoever builds them. */
class SettingsInvariantsTest {

  private static SafetyLimits limitsWithWatchdogMs(int watchdogMs) {
    return new SafetyLimits(2.0, -5.0, 15.0, 600.0, 0.0, 1.0, 0.5, 500.0, watchdogMs);
  }

  @Test
  void shouldRefuseADeviceWatchdogLongerThanOneSecond() {
    assertThatThrownBy(() -> limitsWithWatchdogMs(60_000))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("deviceWatchdogMs = 60000 must be 100..1000");
  }

  @Test
  void shouldRefuseADeviceWatchdogThePollersCannotFeed() {
    assertThatThrownBy(() -> limitsWithWatchdogMs(99))
        .hasMessage("deviceWatchdogMs = 99 must be 100..1000");
  }

  @Test
  void shouldRefuseLimitsWhoseMinimumExceedsTheirMaximum() {
    assertThatThrownBy(() -> new SafetyLimits(2.0, 16.0, 15.0, 600.0, 0.0, 1.0, 0.5, 500.0, 500))
        .isInstanceOf(InvalidSettingException.class)
        .satisfies(
            e -> {
              InvalidSettingException invalid = (InvalidSettingException) e;
              assertThat(invalid.field()).isEqualTo("minInclinePercent");
              assertThat(invalid.rule()).isEqualTo("must be <= maxInclinePercent");
            });
  }

  @Test
  void shouldChangeOnlyTheWatchdogThroughItsWither() {
    assertThat(limitsWithWatchdogMs(500).withDeviceWatchdogMs(200))
        .isEqualTo(limitsWithWatchdogMs(200));
  }

  @Test
  void shouldRefuseAPatientOutsideTheBodyMassRange() {
    assertThatThrownBy(() -> PatientSettings.defaults().withBodyMassKg(301))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("bodyMassKg = 301 must be 20..300");
  }

  @Test
  void shouldRefuseAnAsymmetryTheModelIsNotBuiltFor() {
    assertThatThrownBy(() -> PatientSettings.defaults().withAsymmetryPercent(45))
        .hasMessage("stanceAsymmetryPercent = 45 must be -40..40");
  }

  @Test
  void shouldRefuseNaNAsOutsideEveryRange() {
    assertThat(PatientSettings.BODY_MASS_KG.contains(Double.NaN)).isFalse();
    assertThatThrownBy(() -> PatientSettings.defaults().withBodyMassKg(Double.NaN))
        .hasMessage("bodyMassKg = NaN must be 20..300");
  }
}
