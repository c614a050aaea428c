package org.gaitctl.sim.safety;

import java.util.concurrent.locks.LockSupport;
import org.gaitctl.sim.modbus.DriveModel;

/**
 * Reads the emulated drive's actual belt speed every 10 ms from outside the controller, as an
 * independent observer would poll SPEED_ACT, and reports the steepest deceleration it saw. Each
 * speed carries the time of the drive model's step that produced it, so a loaded host that delays
 * this thread or the simulation does not steepen the measured slope.
 */
final class BeltSpeedSampler implements AutoCloseable {

  private static final long PERIOD_NS = 10_000_000L;
  private static final int CAPACITY = 6_000;

  private final DriveModel drive;
  private final long[] timesNs = new long[CAPACITY];
  private final double[] speedsMps = new double[CAPACITY];
  private final Thread thread;
  private volatile boolean running = true;
  private int count;

  private BeltSpeedSampler(DriveModel drive) {
    this.drive = drive;
    this.thread = new Thread(this::sample, "belt-speed-sampler");
  }

  static BeltSpeedSampler start(DriveModel drive) {
    BeltSpeedSampler sampler = new BeltSpeedSampler(drive);
    sampler.thread.start();
    return sampler;
  }

  private void sample() {
    while (running && count < CAPACITY) {
      DriveModel.SpeedSample sample = drive.beltSpeedSample();
      if (count == 0 || sample.timeNs() != timesNs[count - 1]) {
        timesNs[count] = sample.timeNs();
        speedsMps[count] = sample.speedMps();
        count++;
      }
      LockSupport.parkNanos(PERIOD_NS);
    }
  }

  /** Largest speed drop per second over any window of at least {@code windowMs}. */
  double steepestDecelerationMps2(long windowMs) {
    long windowNs = windowMs * 1_000_000L;
    double steepest = 0;
    int end = 0;
    for (int start = 0; start < count; start++) {
      while (end < count && timesNs[end] - timesNs[start] < windowNs) {
        end++;
      }
      if (end == count) {
        break;
      }
      double dtS = (timesNs[end] - timesNs[start]) / 1e9;
      steepest = Math.max(steepest, (speedsMps[start] - speedsMps[end]) / dtS);
    }
    return steepest;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join();
  }
}
