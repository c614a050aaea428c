package org.gaitctl.config;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.assertj.core.api.Assertions;
import org.gaitctl.config.protocol.PatientLimits;
import org.gaitctl.config.protocol.ProtocolDocument;
import org.junit.jupiter.api.Test;

class ProtocolCheckTest {

  private static final SafetyLimits EMULATED = DevicesConfigLoader.loadDefault().limits();

  @Test
  void shouldAcceptAProtocolWithinEveryLimit() {
    ProtocolDocument good = parse(TherapyProtocolLoaderTest.GOOD);

    assertThatCode(() -> ProtocolCheck.requireRunnable(good, patientOf(75), EMULATED))
        .doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseASpeedAboveTheDeviceProfilesMaximumAndTheProtocolsOwn() {
    String text =
        TherapyProtocolLoaderTest.GOOD.replace("    speedMps: 0.5\n", "    speedMps: 2.6\n");

    assertErrors(
        text,
        patientOf(75),
        "good.yaml:13: stages[1].speedMps = 2.6 exceeds the device profile's maxBeltSpeedMps 2",
        "good.yaml:13: stages[1].speedMps = 2.6 exceeds the protocol's limits.maxSpeedMps 1.5");
  }

  @Test
  void shouldRefuseUnloadingBeyondTheDeviceLimitForThisBodyMass() {
    assertErrors(
        TherapyProtocolLoaderTest.GOOD,
        patientOf(250),
        "good.yaml:14: stages[1].unloadingPercentBw = 30 %BW is 735.8 N for 250 kg, above the"
            + " device profile's maxUnloadingN 600");
  }

  @Test
  void shouldRefuseUnloadingBelowTheDevicesMinimumForceWhileForceControlIsOn() {
    String text =
        TherapyProtocolLoaderTest.GOOD.replace(
            "    unloadingPercentBw: 30\n", "    unloadingPercentBw: 3\n");

    assertErrors(
        text,
        patientOf(50),
        "good.yaml:14: stages[1].unloadingPercentBw = 3 %BW is 14.7 N for 50 kg, below the device"
            + " profile's minUnloadingN 20 (0 turns force control off)");
  }

  @Test
  void shouldRefuseAPatientLighterThanTheProtocolIsWrittenFor() {
    assertErrors(
        TherapyProtocolLoaderTest.GOOD,
        patientOf(30),
        "good.yaml:8: limits.minBodyMassKg = 40: the protocol is for patients of at least that"
            + " mass; the patient's body mass is 30 kg");
  }

  @Test
  void shouldRefuseSpeedsAboveThePatientsMaximum() {
    PatientLimits slowPatient = new PatientLimits(75, 0.8, 15, 0, 100);

    assertErrors(
        TherapyProtocolLoaderTest.GOOD,
        slowPatient,
        "good.yaml:18: stages[2].speedMps = 1 exceeds the patient's maximum speed 0.8 m/s",
        "good.yaml:28: stages[3].selfPaced.maxSpeedMps = 1.2 exceeds the patient's maximum speed"
            + " 0.8 m/s");
  }

  @Test
  void shouldRefuseUnloadingOutsideThePatientsRange() {
    PatientLimits needsSupport = new PatientLimits(75, 2, 15, 25, 100);

    assertErrors(
        TherapyProtocolLoaderTest.GOOD,
        needsSupport,
        "good.yaml:20: stages[2].unloadingPercentBw = 20 is outside the patient's unloading range"
            + " 25..100 %BW",
        "good.yaml:30: stages[3].unloadingPercentBw = 20 is outside the patient's unloading range"
            + " 25..100 %BW");
  }

  @Test
  void shouldRefuseARampTheBeltCannotFollowAndSayHowLongItMustBe() {
    String text =
        TherapyProtocolLoaderTest.GOOD.replace(
            "    inclinePercent: 2\n    unloadingPercentBw: 20\n    rampS: 10\n",
            "    inclinePercent: 2\n    unloadingPercentBw: 20\n    rampS: 0.5\n");

    assertErrors(
        text,
        patientOf(75),
        "good.yaml:21: stages[2].rampS = 0.5 is too short for a speed change of 0.5 m/s at the"
            + " device profile's maxAccelMps2 0.5; make it at least 1 s");
  }

  @Test
  void shouldRefuseAnUnloadingChangeFasterThanTheDevicesForceRate() {
    String text =
        TherapyProtocolLoaderTest.GOOD.replace(
            "    speedMps: 1.0\n    inclinePercent: 2\n    unloadingPercentBw: 20\n    rampS: 10\n",
            "    speedMps: 0.5\n    inclinePercent: 2\n    unloadingPercentBw: 20\n    rampS: 0.2\n");

    assertErrors(
        text,
        patientOf(100),
        "good.yaml:21: stages[2].rampS = 0.2 is too short for an unloading change of 98.1 N at the"
            + " device profile's maxForceRateNPerS 200; make it at least 0.5 s");
  }

  @Test
  void shouldRampOutOfASelfPacedStageFromItsFarthestSpeedBound() {
    String text =
        TherapyProtocolLoaderTest.GOOD
            + "  - name: out\n"
            + "    durationS: 30\n"
            + "    speedMps: 0.3\n"
            + "    unloadingPercentBw: 20\n"
            + "    rampS: 1\n";

    assertErrors(
        text,
        patientOf(75),
        "good.yaml:36: stages[4].rampS = 1 is too short for a speed change of 0.9 m/s at the"
            + " device profile's maxAccelMps2 0.5; make it at least 1.8 s");
  }

  @Test
  void shouldRefuseASelfPacedAccelerationAboveTheDevicesMaximum() {
    String text =
        TherapyProtocolLoaderTest.GOOD.replace(
            "      maxAccelMps2: 0.3\n", "      maxAccelMps2: 0.6\n");

    assertErrors(
        text,
        patientOf(75),
        "good.yaml:29: stages[3].selfPaced.maxAccelMps2 = 0.6 exceeds the device profile's"
            + " maxAccelMps2 0.5");
  }

  private static PatientLimits patientOf(double bodyMassKg) {
    return PatientLimits.forBodyMass(bodyMassKg, EMULATED);
  }

  private static ProtocolDocument parse(String text) {
    return TherapyProtocolLoader.parse(text, "good.yaml");
  }

  private static void assertErrors(String text, PatientLimits patient, String... expected) {
    ProtocolDocument document = parse(text);
    try {
      ProtocolCheck.requireRunnable(document, patient, EMULATED);
    } catch (ConfigException e) {
      List<String> errors = e.errors().stream().map(ConfigError::toString).toList();
      Assertions.assertThat(errors).containsExactly(expected);
      return;
    }
    throw new AssertionError("expected the check to refuse the protocol");
  }
}
