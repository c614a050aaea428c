package org.gaitctl.core.gait;

/**
 * One foot's load at one moment: the output of the foot-contact stage and the input of gait event
 * detection. The mutable holder behind {@link FootSampleView}: a stage owns its instances and
 * overwrites them on every frame; its readers see the view.
 */
public final class FootSample implements FootSampleView {

  /** Sample time, ns ({@link org.gaitctl.core.time.NanoClock} or a recording's time axis). */
  public long timeNs;

  /** Vertical force with baseline and drift gain applied, N (or the recording's unit). */
  public double forceN;

  /** Vertical force before the drift gain, N. */
  public double rawForceN;

  /** Centre of pressure along the belt, m, positive anterior from the rear edge; NaN if unknown. */
  public double copApM = Double.NaN;

  /** Centre of pressure across the belt, m, from the patient's left edge; NaN if unknown. */
  public double copMlM = Double.NaN;

  /** Loaded sensing area, m²; 0 when not from a pressure frame. */
  public double contactAreaM2;

  /** Copies every value of {@code other}; allocation-free. */
  public void copyFrom(FootSampleView other) {
    timeNs = other.timeNs();
    forceN = other.forceN();
    rawForceN = other.rawForceN();
    copApM = other.copApM();
    copMlM = other.copMlM();
    contactAreaM2 = other.contactAreaM2();
  }

  /** Sets the sample to "no load" at {@code sampleTimeNs}. */
  public void clear(long sampleTimeNs) {
    timeNs = sampleTimeNs;
    forceN = 0.0;
    rawForceN = 0.0;
    copApM = Double.NaN;
    copMlM = Double.NaN;
    contactAreaM2 = 0.0;
  }

  @Override
  public long timeNs() {
    return timeNs;
  }

  @Override
  public double forceN() {
    return forceN;
  }

  @Override
  public double rawForceN() {
    return rawForceN;
  }

  @Override
  public double copApM() {
    return copApM;
  }

  @Override
  public double copMlM() {
    return copMlM;
  }

  @Override
  public double contactAreaM2() {
    return contactAreaM2;
  }
}
