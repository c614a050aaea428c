package org.gaitctl.core.gait;

/**
 * One foot's load at one moment, read-only: what gait event detection, the step assembler and other
 * readers of the foot-contact output see. The object behind it is a reused {@link FootSample},
 * overwritten on every frame; copy it ({@link FootSample#copyFrom}) to keep it.
 */
public interface FootSampleView {

  /** Sample time, ns ({@link org.gaitctl.core.time.NanoClock} or a recording's time axis). */
  long timeNs();

  /** Vertical force with baseline and drift gain applied, N (or the recording's unit). */
  double forceN();

  /** Vertical force before the drift gain, N. */
  double rawForceN();

  /** Centre of pressure along the belt, m, positive anterior from the rear edge; NaN if unknown. */
  double copApM();

  /** Centre of pressure across the belt, m, from the patient's left edge; NaN if unknown. */
  double copMlM();

  /** Loaded sensing area, m²; 0 when not from a pressure frame. */
  double contactAreaM2();
}
