package org.gaitctl.session.selfpaced;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gaitctl.sim.patient.IntendedSpeedSchedule.Knot;
import org.junit.jupiter.api.Test;

/**
 * The proof on virtual time: the emulated patient changes its walking speed 0.8 → 1.2 → 0.6 m/s and
 * the belt follows it. Figures printed for docs/CONTROL.md (self-paced belt).
 */
class SelfPacedWalkTest {

  /**
   * The patient's protocol: holds and 10 s smooth transitions, s after the first advance. It starts
   * with the belt's own 2 s start ramp at fixed speed: the patient walks off with the belt.
   */
  private static final List<Knot> PROTOCOL =
      List.of(
          new Knot(0, 0.2),
          new Knot(2, 0.8),
          new Knot(40, 0.8),
          new Knot(50, 1.2),
          new Knot(90, 1.2),
          new Knot(100, 0.6),
          new Knot(140, 0.6));

  private static final double FIXED_START_S = 15;
  private static final double END_S = 140;

  /** Steady parts: from 10 s after a transition ends (the belt settling) to the next one. */
  private static final double[][] STEADY_S = {{FIXED_START_S, 40}, {60, 90}, {110, END_S}};

  private static final double FOOT_LENGTH_M = 0.26;

  @Test
  void shouldFollowThePatientsSpeedChangesWithinThreeCentimetresPerSecondRms() {
    SelfPacedWalk walk =
        new SelfPacedWalk(PROTOCOL, SelfPacedSettings.defaults(), SelfPacedWalkFigures.FILTER_S);
    SelfPacedWalkFigures figures = new SelfPacedWalkFigures(STEADY_S, FIXED_START_S);
    walk.runFixed(FIXED_START_S, 0.8, figures::add);
    walk.runSelfPaced(END_S - FIXED_START_S, figures::add);

    System.out.println(figures.report());
    double allowedM = 0.5 * (walk.sensingLengthM() - FOOT_LENGTH_M);
    assertThat(figures.steadyRmsMps()).as("RMS speed error, steady parts").isLessThan(0.02);
    assertThat(figures.allRmsMps())
        .as("RMS speed error, whole self-paced walk with its transitions")
        .isLessThan(0.03);
    assertThat(figures.maxAbsPositionM())
        .as("patient within the sensing area less a foot length (±%.3f m)", allowedM)
        .isLessThan(allowedM - 0.05);
  }
}
