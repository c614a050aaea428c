package org.gaitctl.hmi.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.gaitctl.session.checks.PreSessionCheck;
import org.junit.jupiter.api.Test;

class StartGateTest {

  private static final PatientEntry PATIENT = PatientEntry.parse("p1", "75");
  private static final List<PreSessionCheck> ALL_PASSED =
      List.of(
          PreSessionCheck.passed("Devices connected", "all answered"),
          PreSessionCheck.passed("Streams steady", "after 4 s"));

  @Test
  void shouldEnableStartWhenThePatientIsValidTheProtocolRunsAndEveryCheckPassed() {
    assertThat(StartGate.refusal(PATIENT, Optional.empty(), ALL_PASSED, false, false)).isEmpty();
  }

  @Test
  void shouldBlockStartWhileAFaultIsLatchedEvenWhenEveryCheckPassed() {
    assertThat(StartGate.refusal(PATIENT, Optional.empty(), ALL_PASSED, true, false))
        .hasValueSatisfying(r -> assertThat(r).contains("acknowledge"));
  }

  @Test
  void shouldBlockStartWhileARunIsActive() {
    assertThat(StartGate.refusal(PATIENT, Optional.empty(), ALL_PASSED, false, true)).isPresent();
  }

  @Test
  void shouldNameTheFirstFailedCheck() {
    List<PreSessionCheck> checks =
        List.of(
            PreSessionCheck.passed("Devices connected", "all answered"),
            PreSessionCheck.failed("E-stop chain closed", "ESTOP bit set"));

    assertThat(StartGate.refusal(PATIENT, Optional.empty(), checks, false, false))
        .contains("Check failed: E-stop chain closed");
  }

  @Test
  void shouldBlockStartWhileACheckIsPendingOrNoneHasRun() {
    assertThat(
            StartGate.refusal(
                PATIENT,
                Optional.empty(),
                List.of(PreSessionCheck.pending("Streams steady")),
                false,
                false))
        .contains("Check running: Streams steady");
    assertThat(StartGate.refusal(PATIENT, Optional.empty(), List.of(), false, false)).isPresent();
  }

  @Test
  void shouldBlockStartForAnInvalidPatientOrAProtocolThatCannotRun() {
    assertThat(
            StartGate.refusal(
                PatientEntry.parse("p1", "300"), Optional.empty(), ALL_PASSED, false, false))
        .hasValueSatisfying(r -> assertThat(r).contains("300.0 kg is outside"));
    assertThat(
            StartGate.refusal(
                PATIENT, Optional.of("too fast for this patient"), ALL_PASSED, false, false))
        .contains("too fast for this patient");
  }
}
