package org.gaitctl.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that the devices' transports do not collide: two stream devices (or a stream device and a
 * Modbus RTU bus) on one serial port, two Modbus devices with one unit id behind one address, or
 * one RS-485 bus with two sets of serial parameters.
 */
final class TransportCrossChecks {

  /** A device as configured, with the section that names it. */
  record Device(String name, YamlMap section, TransportUri transport, int unitId) {

    boolean isModbus() {
      return !(transport instanceof TransportUri.SerialStream);
    }

    /** The host:port or serial port the transport occupies. */
    String endpoint() {
      if (transport instanceof TransportUri.Rtu rtu) {
        return rtu.port();
      }
      if (transport instanceof TransportUri.SerialStream serial) {
        return serial.port();
      }
      return transport.text();
    }
  }

  private TransportCrossChecks() {}

  static void check(List<Device> devices) {
    List<Device> earlier = new ArrayList<>();
    for (Device device : devices) {
      for (Device other : earlier) {
        if (device.endpoint().equals(other.endpoint())) {
          checkSharing(device, other);
        }
      }
      earlier.add(device);
    }
  }

  private static void checkSharing(Device device, Device other) {
    YamlValue transport = device.section().get("transport");
    if (!device.isModbus() || !other.isModbus()) {
      transport.error("uses port " + device.endpoint() + ", already used by " + other.name());
    } else if (!device.transport().equals(other.transport())) {
      transport.error(
          "shares the bus "
              + device.endpoint()
              + " with "
              + other.name()
              + " but with other serial parameters ('"
              + device.transport().text()
              + "' vs '"
              + other.transport().text()
              + "')");
    } else if (device.unitId() == other.unitId()) {
      device
          .section()
          .get("unitId")
          .error(
              device.unitId()
                  + " is already used by "
                  + other.name()
                  + " on "
                  + device.transport().text());
    }
  }
}
