package org.gaitctl.sim.plant;

import java.util.Random;
import org.gaitctl.core.port.Centinewtons;
import org.gaitctl.core.port.StreamFlags;
import org.gaitctl.sim.LoadCellSource;

/**
 * The independent harness load cell: the true cable tension, published by the simulation thread
 * after every step, seen through the cell's gain, offset and seeded noise.
 *
 * <p>{@link #publishTensionN} is called by the simulation thread; {@link #forceCn} and {@link
 * #flags} by the load-cell emulator's streaming thread (one thread; the noise generator is not
 * shared). They return the latest published tension, at most one simulation step old, whatever
 * {@code timeNs} they are given. Neither blocks nor allocates.
 */
public final class HarnessLoadCell implements LoadCellSource {

  private final PlantParameters parameters;
  private final Random noise;
  private volatile double tensionN;
  private volatile boolean bridgeOpen;

  public HarnessLoadCell(PlantParameters parameters) {
    this.parameters = parameters;
    this.noise = new Random(parameters.noiseSeed());
  }

  /** The true tension after a simulation step, N. */
  public void publishTensionN(double trueTensionN) {
    this.tensionN = trueTensionN;
  }

  /** Fault injection: an open bridge reads 0 N and raises flag bit 1 until closed again. */
  public void setBridgeOpen(boolean open) {
    this.bridgeOpen = open;
  }

  @Override
  public int forceCn(long timeNs) {
    if (bridgeOpen) {
      return 0;
    }
    double measuredN =
        tensionN * parameters.loadCellGain()
            + parameters.loadCellOffsetN()
            + noise.nextGaussian() * parameters.loadCellNoiseN();
    return Centinewtons.fromNewtons(measuredN);
  }

  @Override
  public int flags(long timeNs) {
    int flags = bridgeOpen ? StreamFlags.LOAD_SENSOR_FAULT : 0;
    return tensionN > parameters.loadCellOverloadN() ? flags | StreamFlags.LOAD_OVERLOAD : flags;
  }
}
