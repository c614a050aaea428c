package org.gaitctl.sim.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.gaitctl.config.InvalidSettingException;
import org.gaitctl.core.gait.Side;
import org.junit.jupiter.api.Test;

/**
 * The patient's asymmetry changed while it walks (the fault console's {@code patient asymmetry}).
 */
class RuntimeAsymmetryTest {

  private static final double BELT_MPS = 0.6;

  @Test
  void shouldWalkTheNewStanceAsymmetryFromTheNextStrideAndRecordItInTheGroundTruth() {
    WalkingPatient patient = WalkingPatient.idealBelt(WalkingPatient.symmetric(0.0));
    patient.walk(20, BELT_MPS, 0.0);
    int before = patient.steps.size();
    double beforeSi = stanceSiPercent(patient.steps.subList(4, before));

    patient.model.walkWithAsymmetry(new PatientAsymmetry(20, 20));
    patient.walk(30, BELT_MPS, 0.0);
    // Two strides to settle: the stride under way and the one already planned.
    List<GroundTruthStep> after = patient.steps.subList(before + 4, patient.steps.size());

    assertThat(beforeSi).isCloseTo(0.0, within(3.0));
    assertThat(after).hasSizeGreaterThan(20);
    assertThat(stanceSiPercent(after)).isCloseTo(20.0, within(3.0));
    assertThat(patient.model.asymmetry()).isEqualTo(new PatientAsymmetry(20, 20));
  }

  @Test
  void shouldGoBackToTheProfilesAsymmetry() {
    WalkingPatient patient = WalkingPatient.idealBelt(WalkingPatient.symmetric(10.0));
    patient.model.walkWithAsymmetry(new PatientAsymmetry(-25, 0));
    patient.walk(20, BELT_MPS, 0.0);
    int before = patient.steps.size();
    double injectedSi = stanceSiPercent(patient.steps.subList(4, before));

    patient.model.walkWithProfileAsymmetry();
    patient.walk(30, BELT_MPS, 0.0);

    assertThat(injectedSi).isCloseTo(-25.0, within(3.0));
    assertThat(stanceSiPercent(patient.steps.subList(before + 4, patient.steps.size())))
        .isCloseTo(10.0, within(3.0));
  }

  @Test
  void shouldRefuseAsymmetriesOutsideTheProfilesRanges() {
    assertThatThrownBy(() -> new PatientAsymmetry(41, 0))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("stanceAsymmetryPercent");
    assertThatThrownBy(() -> new PatientAsymmetry(0, -51))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("stepLengthAsymmetryPercent");
  }

  /** Robinson's SI of the mean stance times of the walking steps, left over right, %. */
  private static double stanceSiPercent(List<GroundTruthStep> steps) {
    double left = meanStanceS(steps, Side.LEFT);
    double right = meanStanceS(steps, Side.RIGHT);
    return 200 * (left - right) / (left + right);
  }

  private static double meanStanceS(List<GroundTruthStep> steps, Side side) {
    return steps.stream()
        .filter(s -> s.side() == side && s.kind() == StepKind.WALK)
        .mapToDouble(s -> s.stanceNs() * 1e-9)
        .average()
        .orElseThrow();
  }
}
