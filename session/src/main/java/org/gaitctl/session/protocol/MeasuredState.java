package org.gaitctl.session.protocol;

import org.gaitctl.core.time.ArrivalTime;

/**
 * What the machine measures now, read once per cycle by {@link ProtocolInputs#read}: the measured,
 * never the commanded, values are what the executor integrates, records and reports. Session thread
 * only; reused (allocation-free).
 */
public final class MeasuredState {

  /** Belt speed the drive reports, m/s; NaN when not read yet. */
  public double beltSpeedMps = Double.NaN;

  /** The pipeline's filtered load-cell unloading, N; NaN when not valid. */
  public double loadCellN = Double.NaN;

  /** Arrival of that load-cell sample, ns. */
  public long loadCellSampleNs = ArrivalTime.NONE;

  /**
   * The latest left heel strike the pipeline detected, ns on the arrival clock; {@link
   * ArrivalTime#NONE} before the first. The gait phase of the unloading loop runs from it: a
   * completed step reaches the executor only a stride after its heel strike.
   */
  public long lastLeftHeelStrikeNs = ArrivalTime.NONE;

  /** The BWS unit reports HOLD (braked). */
  public boolean harnessHeld;
}
