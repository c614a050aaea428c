package org.gaitctl.drivers.serial;

/**
 * The latest STATUS a device sent.
 *
 * @param received false until the first STATUS arrived (the other fields are then zero)
 * @param flags STATUS flags ({@link StatusPayload} FLAG_*)
 * @param dropped frames the device could not send, as it counts them
 * @param temperatureDeciC device temperature, 0.1 °C
 * @param arrivalNs host time the STATUS arrived
 */
public record DeviceStatusReport(
    boolean received, int flags, long dropped, int temperatureDeciC, long arrivalNs) {

  public static final DeviceStatusReport NONE = new DeviceStatusReport(false, 0, 0, 0, 0);

  public boolean streaming() {
    return (flags & StatusPayload.FLAG_STREAMING) != 0;
  }

  public boolean sensorFault() {
    return (flags & StatusPayload.FLAG_SENSOR_FAULT) != 0;
  }

  public boolean framesDropped() {
    return (flags & StatusPayload.FLAG_FRAMES_DROPPED) != 0;
  }

  public boolean overRange() {
    return (flags & StatusPayload.FLAG_OVER_RANGE) != 0;
  }

  public boolean tareInProgress() {
    return (flags & StatusPayload.FLAG_TARE_IN_PROGRESS) != 0;
  }
}
