package org.gaitctl.sim.patient;

import java.util.List;
import org.gaitctl.config.IntendedSpeedKnot;
import org.gaitctl.config.PatientSettings;

/**
 * The speed the patient means to walk at, over time: knots of (time since the patient's first
 * advance, speed), joined by a smooth step (zero acceleration at each knot, peak 1.5 × the mean
 * acceleration mid-way), held at the first knot before it and at the last knot after it. To hold a
 * speed, repeat it at the end of the hold: {@code 0 s 0.8, 30 s 0.8, 40 s 1.2, ...}.
 *
 * <p>{@link #FOLLOW_BELT} is the default: the patient walks at whatever speed the belt runs and
 * stays where it is on the belt. Immutable; {@link #speedAt} allocates nothing.
 */
public final class IntendedSpeedSchedule {

  /** No schedule: the patient walks at the belt's speed. */
  public static final IntendedSpeedSchedule FOLLOW_BELT =
      new IntendedSpeedSchedule(new double[0], new double[0]);

  /** The slowest intended speed, m/s: the gait norms hold from here up. */
  public static final double MIN_SPEED_MPS = IntendedSpeedKnot.SPEED_MPS.min();

  /** The fastest intended speed, m/s. */
  public static final double MAX_SPEED_MPS = IntendedSpeedKnot.SPEED_MPS.max();

  private final double[] timesS;
  private final double[] speedsMps;

  private IntendedSpeedSchedule(double[] timesS, double[] speedsMps) {
    this.timesS = timesS;
    this.speedsMps = speedsMps;
  }

  /**
   * One knot: at {@code timeS} after the first advance the patient means to walk {@code speedMps}.
   */
  public record Knot(double timeS, double speedMps) {}

  /**
   * A schedule through {@code knots}, in time order.
   *
   * @throws IllegalArgumentException when empty, out of time order, or a speed is outside {@link
   *     #MIN_SPEED_MPS}..{@link #MAX_SPEED_MPS}
   */
  public static IntendedSpeedSchedule of(List<Knot> knots) {
    if (knots.isEmpty()) {
      throw new IllegalArgumentException("intendedSpeedSchedule needs at least one knot");
    }
    double[] times = new double[knots.size()];
    double[] speeds = new double[knots.size()];
    for (int i = 0; i < times.length; i++) {
      Knot knot = knots.get(i);
      if (!(knot.speedMps() >= MIN_SPEED_MPS && knot.speedMps() <= MAX_SPEED_MPS)) {
        throw new IllegalArgumentException(
            "intendedSpeedSchedule knot "
                + i
                + ": speedMps = "
                + knot.speedMps()
                + " must be "
                + MIN_SPEED_MPS
                + ".."
                + MAX_SPEED_MPS);
      }
      if (!Double.isFinite(knot.timeS()) || (i > 0 && !(knot.timeS() > times[i - 1]))) {
        throw new IllegalArgumentException(
            "intendedSpeedSchedule knot "
                + i
                + ": timeS = "
                + knot.timeS()
                + " must be finite and after the previous knot's");
      }
      times[i] = knot.timeS();
      speeds[i] = knot.speedMps();
    }
    return new IntendedSpeedSchedule(times, speeds);
  }

  /**
   * The schedule of the patient's settings (the device profile's {@code
   * simulation.patient.intendedSpeedSchedule}); {@link #FOLLOW_BELT} when it has none.
   */
  public static IntendedSpeedSchedule of(PatientSettings patient) {
    List<IntendedSpeedKnot> knots = patient.intendedSpeedSchedule();
    if (knots.isEmpty()) {
      return FOLLOW_BELT;
    }
    return of(knots.stream().map(knot -> new Knot(knot.atS(), knot.speedMps())).toList());
  }

  /** False for {@link #FOLLOW_BELT}. */
  public boolean scheduled() {
    return timesS.length > 0;
  }

  /**
   * The intended speed {@code elapsedS} after the first advance, m/s; {@code beltSpeedMps} when not
   * {@link #scheduled()}.
   */
  public double speedAt(double elapsedS, double beltSpeedMps) {
    if (!scheduled()) {
      return beltSpeedMps;
    }
    int last = timesS.length - 1;
    if (elapsedS <= timesS[0]) {
      return speedsMps[0];
    }
    if (elapsedS >= timesS[last]) {
      return speedsMps[last];
    }
    int i = 1;
    while (timesS[i] < elapsedS) {
      i++;
    }
    double x = (elapsedS - timesS[i - 1]) / (timesS[i] - timesS[i - 1]);
    double smooth = x * x * (3.0 - 2.0 * x);
    return speedsMps[i - 1] + (speedsMps[i] - speedsMps[i - 1]) * smooth;
  }
}
