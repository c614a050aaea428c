package org.gaitctl.drivers.serial;

import org.gaitctl.core.port.StreamFlags;

/**
 * The latest STATUS a device sent.
 *
 * @param received false until the first STATUS arrived (the other fields are then zero)
 * @param flags STATUS flags ({@link org.gaitctl.core.port.StreamFlags} STATUS_*)
 * @param dropped frames the device could not send, as it counts them
 * @param temperatureDeciC device temperature, 0.1 °C
 * @param arrivalNs host time the STATUS arrived
 */
public record DeviceStatusReport(
    boolean received, int flags, long dropped, int temperatureDeciC, long arrivalNs) {

  public static final DeviceStatusReport NONE = new DeviceStatusReport(false, 0, 0, 0, 0);

  public boolean streaming() {
    return (flags & StreamFlags.STATUS_STREAMING) != 0;
  }

  public boolean sensorFault() {
    return (flags & StreamFlags.STATUS_SENSOR_FAULT) != 0;
  }

  public boolean framesDropped() {
    return (flags & StreamFlags.STATUS_FRAMES_DROPPED) != 0;
  }

  public boolean overRange() {
    return (flags & StreamFlags.STATUS_OVER_RANGE) != 0;
  }

  public boolean tareInProgress() {
    return (flags & StreamFlags.STATUS_TARE_IN_PROGRESS) != 0;
  }
}
