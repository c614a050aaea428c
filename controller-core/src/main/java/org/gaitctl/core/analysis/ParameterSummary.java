package org.gaitctl.core.analysis;

/**
 * One step parameter over a whole recording: per-side means and their symmetry. NaN where unknown
 * or, for the symmetry values, where the means are below the parameter's floor.
 */
public record ParameterSummary(
    String unit,
    int countLeft,
    int countRight,
    double meanLeft,
    double meanRight,
    double floor,
    double symmetryIndexPercent,
    double ratio,
    double symmetryAnglePercent) {}
