package org.gaitctl.sim.modbus;

/**
 * Observes what a device model latches, for the HIL event log. Called on the simulation thread
 * under the model's lock with the model's own time: implementations only hand the event over (no
 * I/O, no blocking).
 */
public interface DeviceEventListener {

  /** Listens to nothing. */
  DeviceEventListener NONE =
      new DeviceEventListener() {
        @Override
        public void onFaultLatched(long modelTimeNs, int faultCode) {}

        @Override
        public void onWatchdogTripped(long modelTimeNs) {}
      };

  /** A fault was latched (the first cause's code; 0 on the drive is a commanded quick stop). */
  void onFaultLatched(long modelTimeNs, int faultCode);

  /** The communication watchdog expired (the heartbeat did not change for WATCHDOG_MS). */
  void onWatchdogTripped(long modelTimeNs);
}
