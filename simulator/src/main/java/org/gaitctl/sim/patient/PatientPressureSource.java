package org.gaitctl.sim.patient;

import java.util.Arrays;
import org.gaitctl.config.BeltGeometry;
import org.gaitctl.core.gait.Side;

/**
 * The plantar pressure the patient's feet put on the belt, for any thread: the simulation thread
 * {@link #publish}es a copy of its plans after every advance; {@link #render} and {@link
 * #groundForceN} copy the last published plans (no allocation) and evaluate the feet at the time
 * asked for. Renders are serialised.
 */
final class PatientPressureSource {

  private static final Side[] SIDES = Side.values();

  private final BeltGeometry geometry;
  private final FootprintRenderer footprints;
  private final SensorDrift drift;
  private final Object publishLock = new Object();
  private final GaitSnapshot published = new GaitSnapshot();
  private final Object renderLock = new Object();
  private final GaitSnapshot renderCopy = new GaitSnapshot();
  private final double[] countsScratch;
  private volatile int overRangeCells;

  PatientPressureSource(BeltGeometry geometry, FootprintRenderer footprints, SensorDrift drift) {
    this.geometry = geometry;
    this.footprints = footprints;
    this.drift = drift;
    this.countsScratch = new double[geometry.cellsPerBelt()];
  }

  /** Hands the simulation thread's plans over to the rendering threads. */
  void publish(GaitSnapshot state) {
    synchronized (publishLock) {
      published.copyFrom(state);
    }
  }

  /** True vertical ground force under {@code side} at {@code timeNs} (no sensor drift), N. */
  double groundForceN(Side side, long timeNs) {
    synchronized (renderLock) {
      copyPublished();
      return renderCopy.footForceN(side, timeNs);
    }
  }

  /** Cells that read full scale in the last rendered frame. */
  int overRangeCells() {
    return overRangeCells;
  }

  /**
   * Renders the pressure under the feet at {@code timeNs} on {@code belt}, with the sensor drift.
   */
  void render(long timeNs, int belt, char[] cells) {
    if (belt < 0 || belt >= geometry.belts()) {
      throw new IllegalArgumentException(
          "belt " + belt + " does not exist; this belt unit has " + geometry.belts());
    }
    if (cells.length != geometry.cellsPerBelt()) {
      throw new IllegalArgumentException(
          "cells has " + cells.length + " entries, a belt has " + geometry.cellsPerBelt());
    }
    synchronized (renderLock) {
      copyPublished();
      Arrays.fill(countsScratch, 0.0);
      double blend = renderCopy.standingBlendAt(timeNs);
      for (Side side : SIDES) {
        StancePlan contact = renderCopy.contactAt(side, timeNs);
        double forceN = renderCopy.footForceN(side, timeNs);
        if (contact == null || !(forceN > 0.0)) {
          continue;
        }
        double heelApM = contact.heelApAt(renderCopy.beltPosAt(timeNs));
        double phase = contact.footprintPhaseAt(timeNs, blend);
        footprints.accumulate(belt, side, heelApM, contact.footMlM, phase, forceN, countsScratch);
      }
      double gain = renderCopy.started ? drift.gain(timeNs - renderCopy.originNs) : 1.0;
      overRangeCells =
          footprints.writeCells(countsScratch, gain, drift.baselineOffsetCounts(), cells);
    }
  }

  private void copyPublished() {
    synchronized (publishLock) {
      renderCopy.copyFrom(published);
    }
  }
}
