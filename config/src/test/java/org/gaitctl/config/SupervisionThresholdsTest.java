package org.gaitctl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The profile's optional {@code supervision} section: defaults, values, safe bounds. */
class SupervisionThresholdsTest {

  @Test
  void shouldKeepTheDocumentedDefaultsWhenTheProfileHasNoSupervisionSection() {
    DevicesConfig profile = DevicesConfigLoader.parse(ProfileText.VALID, "devices.yaml");
    assertThat(profile.supervision()).isEqualTo(SupervisionThresholds.defaults());
  }

  @Test
  void shouldTakeTheThresholdsTheProfileSetsAndKeepDefaultsForTheRest() {
    DevicesConfig profile =
        DevicesConfigLoader.parse(
            ProfileText.VALID + "supervision:\n  pressureStaleMs: 150\n  fallRiseN: 250\n",
            "devices.yaml");
    assertThat(profile.supervision().pressureStaleMs()).isEqualTo(150);
    assertThat(profile.supervision().fallRiseN()).isEqualTo(250.0);
    assertThat(profile.supervision().loadCellStaleMs()).isEqualTo(400);
    assertThat(profile.supervision().streamLateMs()).isEqualTo(100);
  }

  @Test
  void shouldRefuseAThresholdBeyondItsSafeBoundNamingFileLineAndField() {
    String errors =
        ProfileText.errorsOf(
            ProfileText.VALID + "supervision:\n  pressureStaleMs: 2000\n  fallRiseN: 10\n");
    long line = ProfileText.VALID.lines().count() + 2;
    assertThat(errors)
        .contains("devices.yaml:" + line + ": supervision.pressureStaleMs must be 50..500")
        .contains("devices.yaml:" + (line + 1) + ": supervision.fallRiseN must be 50..400");
  }

  @Test
  void shouldRefuseAnInvalidObjectInCode() {
    assertThatThrownBy(
            () -> new SupervisionThresholds(100, 400, 250, 150, 200, 200, -1, 15, 20, 60, 10, 500))
        .hasMessageContaining("harnessOverloadMarginN");
  }

  @Test
  void shouldTakeTheRelativeFallOverloadAndForceDisagreementThresholdsFromTheProfile() {
    DevicesConfig profile =
        DevicesConfigLoader.parse(
            ProfileText.VALID
                + "supervision:\n  fallRisePercentBw: 12\n  overloadMarginPercentBw: 25\n"
                + "  forceDisagreeN: 80\n  forceDisagreePercent: 8\n  forceDisagreeMs: 700\n",
            "devices.yaml");
    assertThat(profile.supervision().fallRisePercentBw()).isEqualTo(12.0);
    assertThat(profile.supervision().overloadMarginPercentBw()).isEqualTo(25.0);
    assertThat(profile.supervision().forceDisagreeN()).isEqualTo(80.0);
    assertThat(profile.supervision().forceDisagreePercent()).isEqualTo(8.0);
    assertThat(profile.supervision().forceDisagreeMs()).isEqualTo(700);
  }

  @Test
  void shouldRefuseARelativeFallThresholdBeyondItsSafeBound() {
    String errors =
        ProfileText.errorsOf(
            ProfileText.VALID + "supervision:\n  fallRisePercentBw: 60\n  forceDisagreeMs: 50\n");
    long line = ProfileText.VALID.lines().count() + 2;
    assertThat(errors)
        .contains("devices.yaml:" + line + ": supervision.fallRisePercentBw must be 8..40")
        .contains("devices.yaml:" + (line + 1) + ": supervision.forceDisagreeMs must be 100..2000");
  }

  @Test
  void shouldRefuseAStreamThatWouldBeSilentBeforeItIsLateNamingTheLine() {
    String errors =
        ProfileText.errorsOf(
            ProfileText.VALID + "supervision:\n  streamLateMs: 150\n  loadCellStaleMs: 120\n");
    long line = ProfileText.VALID.lines().count() + 2;
    assertThat(errors)
        .contains(
            "devices.yaml:"
                + line
                + ": supervision.streamLateMs = 150 must be below pressureStaleMs 400 and"
                + " loadCellStaleMs 120");
  }
}
