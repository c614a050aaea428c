package org.gaitctl.report;

import org.gaitctl.core.symmetry.StepParameter;

/**
 * One step parameter's per-side means over the session and their symmetry.
 *
 * @param parameter the parameter (its unit is {@link StepParameter#unit()})
 * @param leftMean mean over the left steps, NaN when none had it
 * @param rightMean mean over the right steps
 * @param symmetryIndexPercent Robinson's SI, 200 (L - R) / (L + R)
 * @param ratio L / R
 */
public record SideMetric(
    StepParameter parameter,
    double leftMean,
    double rightMean,
    double symmetryIndexPercent,
    double ratio) {}
