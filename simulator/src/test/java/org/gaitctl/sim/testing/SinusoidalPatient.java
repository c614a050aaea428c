package org.gaitctl.sim.testing;

import org.gaitctl.sim.PatientBody;

/**
 * A stand-in patient for plant and emulator tests: constant mass, standing still when the belt is
 * stopped, and a sinusoidal vertical centre-of-mass oscillation at a fixed step frequency when it
 * moves.
 */
public final class SinusoidalPatient implements PatientBody {

  private final double bodyMassKg;
  private final double amplitudeM;
  private final double frequencyHz;
  private double comDisplacementM;
  private double comAccelerationMps2;

  public SinusoidalPatient(double bodyMassKg, double amplitudeM, double frequencyHz) {
    this.bodyMassKg = bodyMassKg;
    this.amplitudeM = amplitudeM;
    this.frequencyHz = frequencyHz;
  }

  /** 75 kg, 1.5 cm amplitude (3 cm peak to peak) at 1.8 Hz. */
  public static SinusoidalPatient walking() {
    return new SinusoidalPatient(75, 0.015, 1.8);
  }

  @Override
  public double bodyMassKg() {
    return bodyMassKg;
  }

  @Override
  public void advance(long timeNs, double beltSpeedMps, double unloadingN) {
    double omega = 2 * Math.PI * frequencyHz;
    double amplitude = beltSpeedMps > 0.1 ? amplitudeM : 0;
    double phase = omega * timeNs / 1e9;
    comDisplacementM = amplitude * Math.sin(phase);
    comAccelerationMps2 = -amplitude * omega * omega * Math.sin(phase);
  }

  @Override
  public double comDisplacementM() {
    return comDisplacementM;
  }

  @Override
  public double comAccelerationMps2() {
    return comAccelerationMps2;
  }
}
