package org.gaitctl.core.export;

import java.io.IOException;
import java.nio.file.Path;
import org.gaitctl.core.recording.C3dWriter;

/**
 * A journal's per-foot force as a C3D file: resampled to a fixed rate ({@link FixedRateResampler}),
 * gait events at their exact journal times (s from the first frame, which is sample 0).
 */
public final class C3dExport {

  private C3dExport() {}

  /** Writes {@code forces} to {@code file}; returns the analog rate used, Hz. */
  public static double write(JournalForces forces, Path file) throws IOException {
    double rateHz = FixedRateResampler.rateHz(forces.timeS());
    C3dWriter.write(
        file,
        rateHz,
        FixedRateResampler.resample(forces.timeS(), forces.leftFzN(), rateHz),
        FixedRateResampler.resample(forces.timeS(), forces.rightFzN(), rateHz),
        forces.events());
    return rateHz;
  }
}
