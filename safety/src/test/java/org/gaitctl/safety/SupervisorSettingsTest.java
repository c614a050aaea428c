package org.gaitctl.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gaitctl.config.SafetyLimits;
import org.gaitctl.config.SupervisionThresholds;
import org.junit.jupiter.api.Test;

class SupervisorSettingsTest {

  private static SafetyLimits limitsWithWatchdogMs(int watchdogMs) {
    return new SafetyLimits(2.0, -5.0, 15.0, 600.0, 0.0, 1.0, 0.5, 500.0, watchdogMs);
  }

  @Test
  void shouldHaveTheDocumentedDefaults() {
    SupervisorSettings defaults = SupervisorSettings.defaults();
    assertThat(defaults.cyclePeriodMs()).isEqualTo(10);
    assertThat(defaults.streamLateMs()).isEqualTo(100);
    assertThat(defaults.pressureStaleMs()).isEqualTo(400);
    assertThat(defaults.loadCellStaleMs()).isEqualTo(400);
    assertThat(defaults.overrunThresholdMs()).isEqualTo(150);
    defaults.validateAgainst(SupervisorHarness.LIMITS);
  }

  @Test
  void shouldNameTheSettingThatIsNotPositive() {
    assertThatThrownBy(
            () ->
                new SupervisorSettings(
                    10, 25, 40, 0, 50, 300, 3, 200, 100, 300, 200, 0.1, 0.02, 1.0, 1000, 3, 300, 50,
                    20, 15, 20, 60, 10, 500, 1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("supervisor setting pressureStaleMs = 0.0 must be > 0");
  }

  @Test
  void shouldRejectAHeartbeatPermitShorterThanACycle() {
    assertThatThrownBy(
            () ->
                new SupervisorSettings(
                    10, 25, 40, 100, 50, 300, 3, 200, 100, 300, 200, 0.1, 0.02, 1.0, 1000, 3, 300,
                    10, 20, 15, 20, 60, 10, 500, 1000))
        .hasMessageContaining("heartbeatPermitMs");
  }

  @Test
  void shouldRefuseAStreamThatIsSilentBeforeItIsLate() {
    assertThatThrownBy(() -> SupervisorSettings.defaults().toBuilder().streamLateMs(450).build())
        .hasMessage(
            "supervisor setting streamLateMs = 450.0 must be < pressureStaleMs 400 and"
                + " loadCellStaleMs 400");
  }

  @Test
  void shouldRefuseADeviceWatchdogAHealthySystemWouldTrip() {
    SupervisorSettings slowPolling =
        SupervisorSettings.defaults().toBuilder().pollPeriodMs(40).build();
    assertThatThrownBy(() -> slowPolling.validateAgainst(limitsWithWatchdogMs(100)))
        .hasMessageContaining("must be >= 2 * pollPeriodMs + heartbeatPermitMs = 130");
  }

  @Test
  void shouldLetTheDefaultPollersFeedTheShortestDeviceWatchdogAProfileMayArm() {
    int shortestMs = (int) SafetyLimits.DEVICE_WATCHDOG_MS.min();
    SupervisorSettings.defaults().validateAgainst(limitsWithWatchdogMs(shortestMs));
  }

  @Test
  void shouldChangeOnlyTheBuiltSettings() {
    SupervisorSettings defaults = SupervisorSettings.defaults();
    SupervisorSettings changed = defaults.toBuilder().pressureStaleMs(1_000).build();
    assertThat(changed.pressureStaleMs()).isEqualTo(1_000);
    assertThat(changed.toBuilder().pressureStaleMs(defaults.pressureStaleMs()).build())
        .isEqualTo(defaults);
  }

  @Test
  void shouldValidateWhatTheBuilderBuilds() {
    assertThatThrownBy(() -> SupervisorSettings.defaults().toBuilder().heartbeatPermitMs(5).build())
        .hasMessageContaining("heartbeatPermitMs");
  }

  @Test
  void shouldTakeTheThresholdsOfTheProfilesSupervisionSection() {
    SupervisorSettings settings =
        SupervisorSettings.defaults()
            .with(new SupervisionThresholds(60, 150, 120, 80, 250, 300, 50, 12, 25, 80, 8, 700));
    assertThat(settings.streamLateMs()).isEqualTo(60);
    assertThat(settings.pressureStaleMs()).isEqualTo(150);
    assertThat(settings.loadCellStaleMs()).isEqualTo(120);
    assertThat(settings.overrunThresholdMs()).isEqualTo(80);
    assertThat(settings.fallRiseN()).isEqualTo(250);
    assertThat(settings.fallWindowMs()).isEqualTo(300);
    assertThat(settings.harnessOverloadMarginN()).isEqualTo(50);
    assertThat(settings.fallRisePercentBw()).isEqualTo(12);
    assertThat(settings.overloadMarginPercentBw()).isEqualTo(25);
    assertThat(settings.forceDisagreeN()).isEqualTo(80);
    assertThat(settings.forceDisagreePercent()).isEqualTo(8);
    assertThat(settings.forceDisagreeMs()).isEqualTo(700);
    assertThat(settings.cyclePeriodMs()).isEqualTo(SupervisorSettings.defaults().cyclePeriodMs());
    assertThat(SupervisorSettings.defaults().with(SupervisionThresholds.defaults()))
        .isEqualTo(SupervisorSettings.defaults());
  }
}
