package org.gaitctl.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The profile's optional {@code journal} section: raw pressure frames on by default. */
class JournalSettingsTest {

  @Test
  void shouldRecordRawFramesWhenTheProfileSaysNothing() {
    DevicesConfig profile = DevicesConfigLoader.parse(ProfileText.VALID, "devices.yaml");
    assertThat(profile.journal()).isEqualTo(JournalSettings.defaults());
    assertThat(profile.journal().rawFrames()).isTrue();
  }

  @Test
  void shouldSwitchRawFramesOffFromTheProfile() {
    DevicesConfig profile =
        DevicesConfigLoader.parse(ProfileText.VALID + "journal:\n  rawFrames: false\n", "d.yaml");
    assertThat(profile.journal().rawFrames()).isFalse();
  }

  @Test
  void shouldKeepTheJournalSettingsWhenTheSimulationIsReplaced() {
    DevicesConfig profile =
        DevicesConfigLoader.parse(ProfileText.VALID + "journal:\n  rawFrames: false\n", "d.yaml");
    assertThat(profile.withSimulation(SimulationSettings.defaults()).journal().rawFrames())
        .isFalse();
  }

  @Test
  void shouldRefuseAnUnknownKeyAndAMalformedValueNamingFileLineAndField() {
    String errors =
        ProfileText.errorsOf(ProfileText.VALID + "journal:\n  rawFrames: yes\n  rawFrame: true\n");
    long line = ProfileText.VALID.lines().count() + 2;
    assertThat(errors)
        .contains("devices.yaml:" + line + ": journal.rawFrames must be true or false, not 'yes'")
        .contains("devices.yaml:" + (line + 1) + ": journal.rawFrame is not a known key");
  }
}
