package org.gaitctl.drivers.serial;

/**
 * Latest-value exchange of a device's STATUS: written by the reader thread without allocating, read
 * consistently by any thread (a sequence lock: the reader retries while a write is under way).
 */
final class LatestStatus {

  private volatile long version;
  private volatile int flags;
  private volatile long dropped;
  private volatile int temperatureDeciC;
  private volatile long arrivalNs;

  /** Reader thread only. */
  void publish(int flags, long dropped, int temperatureDeciC, long arrivalNs) {
    long v = version;
    version = v + 1;
    this.flags = flags;
    this.dropped = dropped;
    this.temperatureDeciC = temperatureDeciC;
    this.arrivalNs = arrivalNs;
    version = v + 2;
  }

  /** Flags of the latest STATUS (0 before the first); any thread, allocation-free. */
  int flags() {
    return flags;
  }

  /** Any thread; allocates the returned record. */
  DeviceStatusReport read() {
    while (true) {
      long before = version;
      if (before == 0) {
        return DeviceStatusReport.NONE;
      }
      DeviceStatusReport report =
          new DeviceStatusReport(true, flags, dropped, temperatureDeciC, arrivalNs);
      if ((before & 1) == 0 && version == before) {
        return report;
      }
      Thread.onSpinWait();
    }
  }
}
