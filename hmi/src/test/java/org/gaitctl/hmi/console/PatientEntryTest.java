package org.gaitctl.hmi.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatientEntryTest {

  @Test
  void shouldAcceptAnIdentifierAndABodyMassWithinTwentyTo250Kg() {
    PatientEntry entry = PatientEntry.parse(" p-017 ", "72,5");

    assertThat(entry.valid()).isTrue();
    assertThat(entry.patientId()).isEqualTo("p-017");
    assertThat(entry.bodyMassKg()).isEqualTo(72.5);
  }

  @Test
  void shouldRefuseABodyMassOutsideTwentyTo250KgAsTheSessionCommandDoes() {
    assertThat(PatientEntry.parse("p1", "19.9").problem())
        .hasValueSatisfying(p -> assertThat(p).contains("19.9 kg is outside"));
    assertThat(PatientEntry.parse("p1", "250").valid()).isTrue();
    assertThat(PatientEntry.parse("p1", "251").valid()).isFalse();
  }

  @Test
  void shouldRefuseABodyMassThatIsNotANumber() {
    assertThat(PatientEntry.parse("p1", "heavy").problem())
        .hasValueSatisfying(p -> assertThat(p).contains("a number in kg"));
  }

  @Test
  void shouldRefuseAPatientIdThatCannotNameAFolder() {
    assertThat(PatientEntry.parse("../etc", "70").valid()).isFalse();
    assertThat(PatientEntry.parse("", "70").valid()).isFalse();
    assertThat(PatientEntry.parse("Anna Berg", "70").valid()).isFalse();
  }
}
