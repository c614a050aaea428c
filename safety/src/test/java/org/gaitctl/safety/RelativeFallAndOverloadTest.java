package org.gaitctl.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * F04 and F05 relative to the patient: with the session's body weight and expected unloading known
 * (an {@link UnloadingExpectationTap}), a fall is a rise above the expectation by a share of the
 * body weight, and an overload a load that far above it; without them the absolute rules stay.
 */
class RelativeFallAndOverloadTest {

  private static final double THIRTY_PERCENT = 0.30;

  /**
   * A harsher normal swing than the emulated patient's (docs/SAFETY.md section 9: at most 35 N in
   * 200 ms and 21 N above the target, 45 to 120 kg at 30 % BW, 1.0 m/s): ±30 N at the step
   * frequency, 57 N in 200 ms.
   */
  private static final double SWING_AMPLITUDE_N = 30;

  private static final double STEP_PERIOD_S = 0.5;

  private final SupervisorHarness h = new SupervisorHarness();

  @Test
  void shouldNotTakeALightPatientsNormalSwingForAFall() {
    walkAtThirtyPercent(45, 10_000);

    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
  }

  @Test
  void shouldNotTakeAHeavyPatientsNormalSwingForAFall() {
    walkAtThirtyPercent(120, 10_000);

    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
  }

  @Test
  void shouldRaiseAFallSignWhenALightPatientStumblesIntoTheHarness() {
    double expectedN = walkAtThirtyPercent(45, 2_000);
    // Half the 309 N the legs carried onto the harness within 100 ms: below the absolute 200 N.
    for (int i = 1; i <= 10; i++) {
      setLoadN(expectedN + 15.5 * i);
      h.tick();
    }

    assertQuickStopFor(FaultCode.PATIENT_FALL);
    assertThat(h.supervisor.firstFault().limit()).isCloseTo(0.15 * 45 * 9.81, within(0.01));
  }

  @Test
  void shouldRaiseAFallSignWhenAHeavyPatientCollapses() {
    double expectedN = walkAtThirtyPercent(120, 2_000);
    double legLoadN = 0.7 * 120 * 9.81;
    for (int i = 1; i <= 10 && h.supervisor.state() == SafetyState.RUNNING; i++) {
      setLoadN(expectedN + legLoadN * i / 10);
      h.tick();
    }

    assertQuickStopFor(FaultCode.PATIENT_FALL);
  }

  @Test
  void shouldNotTakeTheHarnessTakingUpItsNewTargetForAFall() {
    h.unloading.startSession(75);
    h.unloading.track(0);
    setLoadN(0);
    h.running();
    h.unloading.track(220);
    for (int i = 1; i <= 10; i++) {
      setLoadN(22.0 * i); // 220 N in 100 ms, the absolute rule's fall sign, but only up to target
      h.tick();
    }
    h.runMs(500);

    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
  }

  @Test
  void shouldQuickStopWhenAHeavyPatientHangsFarAboveTheExpectedUnloading() {
    double expectedN = walkAtThirtyPercent(120, 1_000);
    double overloadN = expectedN + 0.20 * 120 * 9.81;
    double loadN = expectedN;
    while (h.supervisor.state() == SafetyState.RUNNING && loadN < 700) {
      loadN += 5; // slow: no fall sign
      setLoadN(loadN);
      h.tick();
    }

    assertQuickStopFor(FaultCode.HARNESS_OVERLOAD);
    assertThat(h.supervisor.firstFault().limit()).isCloseTo(overloadN, within(0.01));
    assertThat(h.supervisor.firstFault().measured()).isLessThan(700.0);
  }

  @Test
  void shouldKeepTheAbsoluteOverloadLimitAboveAHighExpectation() {
    h.unloading.startSession(120);
    h.unloading.track(590);
    setLoadN(590);
    h.running();
    double loadN = 590;
    while (h.supervisor.state() == SafetyState.RUNNING && loadN < 900) {
      loadN += 5;
      setLoadN(loadN);
      h.tick();
    }

    assertQuickStopFor(FaultCode.HARNESS_OVERLOAD);
    assertThat(h.supervisor.firstFault().limit()).isEqualTo(700.0);
  }

  @Test
  void shouldKeepTheAbsoluteFallRuleWithoutAnExpectation() {
    h.unloading.startSession(45);
    setLoadN(132);
    h.running();
    for (int i = 1; i <= 10; i++) {
      setLoadN(132 + 15.5 * i); // the light patient's stumble: 155 N, below the absolute 200 N
      h.tick();
    }
    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);

    setLoadN(132 + 155 + 210);
    h.tick();
    assertQuickStopFor(FaultCode.PATIENT_FALL);
    assertThat(h.supervisor.firstFault().limit()).isEqualTo(200.0);
  }

  @Test
  void shouldGoBackToTheAbsoluteFallRuleWhenTheHarnessStopsTracking() {
    double expectedN = walkAtThirtyPercent(45, 1_000);
    h.unloading.stopTracking();
    for (int i = 1; i <= 10; i++) {
      setLoadN(expectedN + 15.5 * i);
      h.tick();
    }

    assertThat(h.supervisor.state()).isEqualTo(SafetyState.RUNNING);
  }

  @Test
  void shouldRefuseABodyMassThatIsNotPositive() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.unloading.startSession(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bodyMassKg = 0.0");
  }

  /**
   * Starts a session of a {@code bodyMassKg} patient tracking 30 % of the body weight and walks for
   * {@code durationMs} with the swing; returns the expected unloading, N.
   */
  private double walkAtThirtyPercent(double bodyMassKg, long durationMs) {
    double expectedN = THIRTY_PERCENT * bodyMassKg * UnloadingExpectationTap.GRAVITY_MPS2;
    h.unloading.startSession(bodyMassKg);
    h.unloading.track(expectedN);
    setLoadN(expectedN);
    h.running();
    for (long t = 0; t < durationMs; t += h.settings.cyclePeriodMs()) {
      double phase = 2 * Math.PI * t / 1000.0 / STEP_PERIOD_S;
      setLoadN(expectedN + SWING_AMPLITUDE_N * Math.sin(phase));
      h.tick();
    }
    setLoadN(expectedN);
    h.tick();
    return expectedN;
  }

  /** Load cell and the BWS unit's own sensor agree, as they do on a sound unit. */
  private void setLoadN(double loadN) {
    h.loadCellForceCn = (int) Math.round(loadN * 100);
    h.bws.forceN = loadN;
  }

  private void assertQuickStopFor(FaultCode code) {
    assertThat(h.supervisor.firstFault().code()).isEqualTo(code);
    assertThat(h.drive.calls()).contains("quickStop()");
    assertThat(h.bws.calls()).contains("setHold(true)");
  }
}
